package org.citybridge.portal;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementDemoData;
import org.citybridge.funding.FundingDemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.citybridge.DemoPlaces.ZEITZ;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Where features meet on a page: the header's request badge, an agreement's funding, a request's draft agreement. */
class FeaturesTogetherIT extends DemoDataIntegrationTest {

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.context.getBean(AgreementDemoData.class).load();
	}

	@Test
	void anOfficerSeesHowManyRequestsAreUnreadInTheHeaderUntilOpeningThem() {
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		// Other tests share the database and may have left requests to Niš unread: count from there.
		org.citybridge.matchmaking.Requests requests = this.context.getBean(org.citybridge.matchmaking.Requests.class);
		org.citybridge.system.Actor nisOfficer = ((org.citybridge.system.Actor.Source) this.context
			.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
			.loadUserByUsername("officer.nis@citybridge.example")).actor();
		long before = requests.unreadFor(nisOfficer);
		org.citybridge.system.Actor ghentOfficer = ((org.citybridge.system.Actor.Source) this.context
			.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
			.loadUserByUsername(AccountTestSupport.OFFICER_GHENT)).actor();
		long ghentBefore = requests.unreadFor(ghentOfficer);
		MvcTestResult sent = this.mvc.post().uri("/municipalities/" + nis + "/requests/new")
			.with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("themes", "SMART_CITY").param("message", "Shall we talk about smart-city services?").exchange();
		assertThat(sent).hasStatus3xxRedirection();
		String location = sent.getResponse().getRedirectedUrl();
		try {
			assertThat(this.mvc.get().uri("/municipalities").with(as("officer.nis@citybridge.example")))
				.hasStatusOk().bodyText().containsPattern(requestsBadge(before + 1));
			assertThat(requests.unreadFor(ghentOfficer)).as("the sender's own request is not news to it").isEqualTo(ghentBefore);
			assertThat(this.mvc.get().uri(location).with(as("officer.nis@citybridge.example"))).hasStatusOk();
			assertThat(requests.unreadFor(nisOfficer)).as("reading the page changes nothing").isEqualTo(before + 1);
			assertThat(this.mvc.post().uri(location + "/read").with(as("officer.nis@citybridge.example")).with(csrf()))
				.hasStatus3xxRedirection();
			assertThat(requests.unreadFor(nisOfficer)).isEqualTo(before);
			if (before == 0) {
				assertThat(this.mvc.get().uri("/municipalities").with(as("officer.nis@citybridge.example")))
					.hasStatusOk().bodyText().doesNotContainPattern(requestsBadge(null));
			}
		}
		finally {
			// Other tests share the database: one pending request per pair.
			this.mvc.post().uri(location + "/withdraw").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf()).exchange();
		}
	}

	@Test
	void anAgreementPageListsTheFundingItsPartiesCanUseAndLinksToTheFinder() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		long zeitz = AccountTestSupport.municipalityId(this.context, ZEITZ);
		long agreement = this.jdbc.sql("SELECT id FROM agreements WHERE party_key = ARRAY[?, ?]::bigint[]")
			.params(Math.min(darkhan, zeitz), Math.max(darkhan, zeitz)).query(Long.class).single();
		assertThat(this.mvc.get().uri("/agreements/" + agreement)).hasStatusOk().bodyText()
			.contains("Funding the parties can use")
			.contains("/funding/finder?a=")
			.contains("TAIEX");
	}

	@Test
	void theAgreementFormCanStartWithTheTwoPartiesOfAnAcceptedRequest() {
		long ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		assertThat(this.mvc.get().uri("/agreements/new?partyIds=" + ghent + "&partyIds=" + nis + "&partyIds=abc&partyIds=-4&partyIds=99999999")
			.with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatusOk().bodyText()
			.contains("name=\"partyIds\" value=\"" + ghent + "\"")
			.contains("name=\"partyIds\" value=\"" + nis + "\"")
			.doesNotContain("value=\"99999999\"");
	}

	@Test
	void partnerSuggestionsWeighTheFundingAPairCouldUseAsTheFinderJudgesIt() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		long ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		org.citybridge.funding.FundingFinder finder = this.context.getBean(org.citybridge.funding.FundingFinder.class);
		java.util.Map<String, java.util.Set<org.citybridge.country.CountryGroup>> groups = finder.partnerGroupsFor(darkhan);
		assertThat(groups).as("the demo examples open some instrument to Darkhan with some partner").isNotEmpty();
		java.util.Set<String> eligibleWithGhent = new java.util.TreeSet<>();
		finder.forPair(darkhan, ghent).stream()
			.filter(v -> v.eligibility() == org.citybridge.funding.Eligibility.ELIGIBLE)
			.forEach(v -> eligibleWithGhent.add(v.shortName() != null ? v.shortName() : v.name().text()));
		java.util.Set<String> byGroup = new java.util.TreeSet<>();
		groups.forEach((name, g) -> {
			if (g.contains(org.citybridge.country.CountryGroup.EU_MEMBER)) {
				byGroup.add(name);
			}
		});
		assertThat(byGroup).isEqualTo(eligibleWithGhent);
		if (!byGroup.isEmpty()) {
			// The reason names the instrument as people know it, not by its short code.
			String first = byGroup.iterator().next();
			String name = finder.forPair(darkhan, ghent).stream()
				.filter(v -> first.equals(v.shortName() != null ? v.shortName() : v.name().text()))
				.findFirst().orElseThrow().name().text();
			assertThat(this.mvc.get().uri("/municipalities/" + darkhan + "/partners?country=BE")).hasStatusOk().bodyText()
				.contains("Eligible together for " + name)
				.doesNotContain("Eligible together for " + first + ",", "Eligible together for " + first + "<");
		}
		// Each Belgian suggestion links to the finder for the pair (which one comes first depends on what
		// other tests of the run registered: a draft agreement with Ghent takes Ghent out of the list).
		assertThat(this.mvc.get().uri("/municipalities/" + darkhan + "/partners?country=BE")).hasStatusOk().bodyText()
			.containsPattern("href=\"/funding/finder\\?a=" + darkhan + "&amp;b=\\d+\"")
			.containsPattern("Funding Darkhan and [^<]+ could use together");
		assertThat(finder.partnerGroupsFor(99999999L)).isEmpty();
	}

	/** The header's count on the requests link (the notices link has its own), of this number or any. */
	private static java.util.regex.Pattern requestsBadge(Long count) {
		return java.util.regex.Pattern.compile("href=\"/requests\"[^>]*><span>[^<]*</span> <span class=\"badge count\">"
				+ (count == null ? "\\d+" : count) + "</span>");
	}
}
