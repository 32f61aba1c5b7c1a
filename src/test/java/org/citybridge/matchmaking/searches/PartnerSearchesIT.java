package org.citybridge.matchmaking.searches;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.Finding;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.Verdict;
import org.citybridge.matchmaking.PartnerSearchDemoData;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.BONN;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Partner searches (issue 24) as officers and staff use them: published, interest expressed,
 * accepted or declined, completed or expired, each only by the people allowed; one interest per
 * municipality however many arrive at once; the group checked against the instrument's group rules.
 */
class PartnerSearchesIT extends DemoDataIntegrationTest {

	static final String OFFICER_NIS = "officer.nis@citybridge.example";

	static final String NETWORKS_OF_TOWNS = "cerv-networks-of-towns";

	@Autowired
	PartnerSearches searches;

	@Autowired
	FundingFinder finder;

	long darkhan;

	long ghent;

	long nis;

	long bonn;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		// The demonstration searches stay for other classes of the run (the page gate, the journey).
		this.jdbc.sql("DELETE FROM partner_searches WHERE NOT example").update();
		this.jdbc.sql("DELETE FROM notices").update();
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.nis = AccountTestSupport.municipalityId(this.context, NIS);
		this.bonn = AccountTestSupport.municipalityId(this.context, BONN);
	}

	Actor actor(String email) {
		return ((Actor.Source) this.users.loadUserByUsername(email)).actor();
	}

	static String inDays(int days) {
		return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
	}

	long publishAsGhent() {
		MvcTestResult result = this.mvc.post().uri("/partner-searches/new").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("title", "Energy communities <b>now</b>").param("idea", "Citizen-led energy, <script>alert(1)</script>")
			.param("themes", "ENERGY_CLIMATE", "EDUCATION_YOUTH").param("instrument", NETWORKS_OF_TOWNS)
			.param("partnersNeeded", "3").param("groups", "EU_MEMBER", "PARTNER").param("languages", "en, FR")
			.param("expires", inDays(30))
			.exchange();
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	long interest(long search, String email) {
		assertThat(this.mvc.post().uri("/partner-searches/" + search + "/interests").with(as(email)).with(csrf())
			.param("message", "We would bring our experience.")).hasStatus3xxRedirection();
		return this.jdbc.sql("SELECT id FROM partner_search_interests WHERE search_id = ? ORDER BY id DESC LIMIT 1")
			.param(search).query(Long.class).single();
	}

	List<String> noticesTo(String email) {
		return this.jdbc.sql("""
				SELECT n.kind || '|' || array_to_string(n.args, '|') || '|' || n.link FROM notices n
				JOIN accounts a ON a.id = n.account_id WHERE lower(a.email) = ? ORDER BY n.id
				""").param(email).query(String.class).list();
	}

	@Test
	void ghentPublishesDarkhanIsInterestedGhentAcceptsAndTheGroupIsCheckedAgainstTheRules() {
		long id = publishAsGhent();
		assertThat(this.mvc.get().uri("/partner-searches/" + id)).hasStatusOk().bodyText()
			.contains("Energy communities &lt;b&gt;now&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;", "CERV-NT",
					"No municipality accepted yet")
			.doesNotContain("<script>alert(1)</script>");
		long interest = interest(id, AccountTestSupport.OFFICER_DARKHAN);
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT))
			.containsExactly("SEARCH_INTEREST|Darkhan|Energy communities <b>now</b>|/partner-searches/" + id);

		// Only Ghent's side answers: not Darkhan for itself, not Niš, not staff, not an anonymous visitor.
		for (String other : List.of(AccountTestSupport.OFFICER_DARKHAN, OFFICER_NIS, AccountTestSupport.STAFF_CEMR,
				AccountTestSupport.ADMIN)) {
			assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests/" + interest + "/accept").with(as(other))
				.with(csrf())).hasStatus(403);
			assertThat(this.mvc.post().uri("/partner-searches/" + id + "/complete").with(as(other)).with(csrf()))
				.hasStatus(403);
			assertThat(this.mvc.post().uri("/partner-searches/" + id + "/publish-group").with(as(other)).with(csrf()))
				.hasStatus(403);
		}
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests/" + interest + "/accept").with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(status(interest)).isEqualTo("PENDING");
		// Ghent cannot express interest in its own search.
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf()).param("message", "Us too")).hasStatus(403);

		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests/" + interest + "/accept")
			.with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())).hasStatus3xxRedirection();
		assertThat(status(interest)).isEqualTo("ACCEPTED");
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN))
			.containsExactly("SEARCH_ACCEPTED|Energy communities <b>now</b>|Ghent|/partner-searches/" + id);

		// The members see the group and what it still lacks; the public sees counts only.
		assertThat(this.mvc.get().uri("/partner-searches/" + id).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.bodyText()
			.contains("does not count toward the eligible countries of this call.",
					"Needs 3 more eligible countries: at least 4 eligible countries, the group comes from 1.",
					"Needs 1 more municipality from an EU member state: at least 2, the group has 1.",
					"interest was accepted: it is in the group.");
		assertThat(this.mvc.get().uri("/partner-searches/" + id)).hasStatusOk().bodyText()
			.contains("1 municipality accepted").doesNotContain("Darkhan");
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/publish-group").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/partner-searches/" + id)).hasStatusOk().bodyText().contains("Darkhan");
	}

	@Test
	void ghentBonnNisAndDarkhanNeedOneMoreEligibleCountryOnceSerbiaIsEnteredAsAssociated() {
		long instrument = this.jdbc.sql("SELECT id FROM funding_instruments WHERE slug = ?").param(NETWORKS_OF_TOWNS)
			.query(Long.class).single();
		List<Long> group = List.of(this.ghent, this.bonn, this.nis, this.darkhan);
		Verdict before = this.finder.forGroup(instrument, group, Locale.ENGLISH).orElseThrow();
		assertThat(before.findings()).extracting(Finding::text)
			.contains("Needs 2 more eligible countries: at least 4 eligible countries, the group comes from 2.",
					"Niš, Darkhan do not count toward the eligible countries of this call.");
		// Staff enter Serbia as a country associated to the programme: it may lead and partner.
		this.jdbc.sql("""
				INSERT INTO funding_rules (instrument_id, kind, role, country_code, allowed)
				VALUES (?, 'COUNTRY', 'LEAD', 'RS', true), (?, 'COUNTRY', 'PARTNER', 'RS', true)
				""").params(instrument, instrument).update();
		try {
			Verdict after = this.finder.forGroup(instrument, group, Locale.ENGLISH).orElseThrow();
			assertThat(after.failures()).extracting(Finding::text)
				.containsExactly("Needs 1 more eligible country: at least 4 eligible countries, the group comes from 3.");
			assertThat(after.findings()).extracting(Finding::text)
				.contains("Darkhan does not count toward the eligible countries of this call.",
						"At least 2 municipalities from an EU member state; the group has 2.",
						"At least 4 bodies must take part; the group has 4.");
			assertThat(this.finder.forGroup(instrument, group, Locale.forLanguageTag("mn")).orElseThrow().failures())
				.extracting(Finding::text)
				.containsExactly("Дахиад 1 эрх бүхий улс хэрэгтэй: дор хаяж 4 эрх бүхий улс, бүлэг 3 улсаас бүрдэнэ.");
			assertThat(this.finder.forGroup(instrument, group, Locale.FRENCH).orElseThrow().failures())
				.extracting(Finding::text)
				.containsExactly("Il manque 1 pays admissible : au moins 4 pays admissibles, le groupe vient de 3.");
			// The group check page says the same for the four picked by id.
			assertThat(this.mvc.get().uri("/funding/group?m=" + this.ghent + "&m=" + this.bonn + "&m=" + this.nis + "&m="
					+ this.darkhan + "&instrument=" + NETWORKS_OF_TOWNS)).hasStatusOk().bodyText()
				.contains("Needs 1 more eligible country", "does not count toward the eligible countries of this call.");
		}
		finally {
			this.jdbc.sql("DELETE FROM funding_rules WHERE instrument_id = ? AND kind = 'COUNTRY'").param(instrument).update();
		}
	}

	@Test
	void twentySimultaneousInterestsFromOneMunicipalityGiveOne() throws Exception {
		long id = publishAsGhent();
		Actor darkhanOfficer = actor(AccountTestSupport.OFFICER_DARKHAN);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<String> results = new ArrayList<>();
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				int n = i;
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						this.searches.expressInterest(darkhanOfficer, "test", id, new InterestForm("Interest " + n));
						return "interested";
					}
					catch (Refusal refused) {
						return refused.messageKey();
					}
				}));
			}
			start.countDown();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(results).filteredOn("interested"::equals).hasSize(1);
		assertThat(results).filteredOn("search.error.alreadyInterested"::equals).hasSize(19);
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_search_interests WHERE search_id = ?").param(id)
			.query(Long.class).single()).isOne();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).hasSize(1);
	}

	@Test
	void anExpiredSearchTakesNoInterestAndNoAnswerAndOnlyItsAuthorClosesOne() {
		long id = publishAsGhent();
		long interest = interest(id, OFFICER_NIS);
		Actor ghentOfficer = actor(AccountTestSupport.OFFICER_GHENT);
		this.jdbc.sql("UPDATE partner_searches SET expires_at = now() - interval '1 minute' WHERE id = ?").param(id).update();
		assertThatThrownBy(() -> this.searches.expressInterest(actor(AccountTestSupport.OFFICER_DARKHAN), "test", id,
				new InterestForm("Late"))).isInstanceOf(Refusal.class).hasMessage("search.error.closed");
		assertThatThrownBy(() -> this.searches.decide(ghentOfficer, "test", id, interest, true))
			.isInstanceOf(Refusal.class).hasMessage("search.error.closed");
		assertThat(this.mvc.get().uri("/partner-searches/" + id)).hasStatusOk().bodyText().contains("Expired")
			.doesNotContain("Express interest");
		assertThat(this.mvc.get().uri("/partner-searches?open=1")).hasStatusOk().bodyText()
			.doesNotContain("Energy communities");

		// Open again; accepted, then closed as complete by Ghent only; the group hears of it.
		this.jdbc.sql("UPDATE partner_searches SET expires_at = now() + interval '1 day' WHERE id = ?").param(id).update();
		this.searches.decide(ghentOfficer, "test", id, interest, true);
		assertThatThrownBy(() -> this.searches.complete(actor(OFFICER_NIS), "test", id))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.searches.decide(ghentOfficer, "test", id, interest, false))
			.isInstanceOf(Refusal.class).hasMessage("search.error.decided");
		this.searches.complete(ghentOfficer, "test", id);
		assertThat(noticesTo(OFFICER_NIS)).contains("SEARCH_COMPLETED|Energy communities <b>now</b>|Ghent|/partner-searches/" + id);
		assertThatThrownBy(() -> this.searches.complete(ghentOfficer, "test", id))
			.isInstanceOf(Refusal.class).hasMessage("search.error.closed");
		assertThatThrownBy(() -> this.searches.expressInterest(actor(AccountTestSupport.OFFICER_DARKHAN), "test", id,
				new InterestForm("After"))).isInstanceOf(Refusal.class).hasMessage("search.error.closed");
	}

	@Test
	void staffPublishForTheirOrganisationAndOnlyTheyAnswer() {
		Actor nalas = actor(AccountTestSupport.STAFF_NALAS);
		long id = this.searches.publish(nalas, "test", new SearchForm("Waste in the Balkans", "Idea", List.of("WASTE"), "", "",
				"2", List.of(), "en", inDays(10), "", null), Locale.ENGLISH);
		long interest = interest(id, OFFICER_NIS);
		assertThat(noticesTo(AccountTestSupport.STAFF_NALAS)).containsExactly("SEARCH_INTEREST|Niš|Waste in the Balkans|/partner-searches/" + id);
		assertThatThrownBy(() -> this.searches.decide(actor(AccountTestSupport.STAFF_CEMR), "test", id, interest, true))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.searches.decide(actor(OFFICER_NIS), "test", id, interest, true))
			.isInstanceOf(AccessDeniedException.class);
		this.searches.decide(nalas, "test", id, interest, false);
		assertThat(noticesTo(OFFICER_NIS)).containsExactly("SEARCH_DECLINED|Waste in the Balkans|Network of Associations of Local Authorities of South-East Europe|/partner-searches/" + id);
		assertThatThrownBy(() -> this.searches.publish(actor(AccountTestSupport.ADMIN), "test",
				new SearchForm("x", "y", List.of(), "", "", "2", List.of(), "", inDays(3), "", null), Locale.ENGLISH))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theFormComesBackWithItsValuesAndAMessageNextToEachField() {
		long call = this.jdbc.sql("""
				SELECT c.id FROM funding_calls c JOIN funding_instruments i ON i.id = c.instrument_id
				WHERE i.slug = 'example-city-partnership-fund' AND c.closes_at > now()
				""").query(Long.class).single();
		assertThat(this.mvc.post().uri("/partner-searches/new").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("title", "Kept title").param("idea", " ").param("partnersNeeded", "abc").param("languages", "english!")
			.param("expires", "tomorrow")).hasStatusOk().bodyText()
			.contains("Kept title", "Describe the project idea.", "Enter a whole number of partners from 1 to 40.",
					"Enter language codes of two or three letters", "Enter a date as year-month-day.");
		assertThat(this.mvc.post().uri("/partner-searches/new").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("title", "After the deadline").param("idea", "Idea").param("partnersNeeded", "2")
			.param("instrument", "example-city-partnership-fund").param("call", String.valueOf(call))
			.param("expires", inDays(400))).hasStatusOk().bodyText()
			.contains("After the deadline", "The search must close by the call");
		assertThat(this.mvc.get().uri("/partner-searches/new").with(as(AccountTestSupport.ADMIN))).hasStatus(403);
		assertThat(this.mvc.get().uri("/partner-searches/new")).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_searches WHERE NOT example").query(Long.class).single()).isZero();
		assertThat(this.mvc.get().uri("/partner-searches/999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/partner-searches/abc")).hasStatus(404);
	}

	@Test
	void darkhanFindsGhentsDemonstrationSearchAmongItsFitsAndGhentSeesWhoFitsBest() {
		this.context.getBean(PartnerSearchDemoData.class).load();
		// Darkhan offers education, as in the demo data (other tests of this run may have edited its profile).
		this.jdbc.sql("INSERT INTO municipality_offered_themes (municipality_id, theme_code) VALUES (?, 'EDUCATION_YOUTH') ON CONFLICT DO NOTHING")
			.param(this.darkhan).update();
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "/partners")).hasStatusOk().bodyText()
			.contains("Partner searches that fit", "Local energy communities: a network of towns (demonstration)",
					"Offers what it seeks: Education and youth");
		assertThat(this.mvc.get().uri("/home").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("Local energy communities: a network of towns (demonstration)");
		long id = this.jdbc.sql("SELECT id FROM partner_searches WHERE title LIKE 'Local energy communities%'")
			.query(Long.class).single();
		assertThat(this.mvc.get().uri("/partner-searches/" + id).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatusOk()
			.bodyText().contains("Municipalities that fit best and have not expressed interest", "Darkhan");
		assertThat(this.mvc.get().uri("/partner-searches?theme=ENERGY_CLIMATE&group=PARTNER&instrument=" + NETWORKS_OF_TOWNS
				+ "&open=1")).hasStatusOk().bodyText().contains("Local energy communities", "Apply")
			.doesNotContain("Digital services for citizens", "Show instruments");
		assertThat(this.mvc.get().uri("/partner-searches/feed.atom")).hasStatusOk().bodyText()
			.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "Local energy communities", "/partner-searches/" + id);
	}

	private String status(long interest) {
		return this.jdbc.sql("SELECT status FROM partner_search_interests WHERE id = ?").param(interest).query(String.class)
			.single();
	}
}
