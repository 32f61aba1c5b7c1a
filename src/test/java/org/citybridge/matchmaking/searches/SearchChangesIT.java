package org.citybridge.matchmaking.searches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.audit.AuditLog;
import org.citybridge.country.CountryChoices;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.funding.Instruments;
import org.citybridge.notice.Notices;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.theme.Themes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.matchmaking.searches.PartnerSearchesIT.OFFICER_NIS;
import static org.citybridge.matchmaking.searches.PartnerSearchesIT.inDays;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A partner search after it is published (issue 24): edited by its author's side only, an interest
 * withdrawn (or the group left) by its own municipality only, each telling the people concerned; and
 * the author's side told once, by the scheduled round with a fixed clock, that the search expired.
 */
class SearchChangesIT extends DemoDataIntegrationTest {

	@Autowired
	PartnerSearches searches;

	@Autowired
	SearchReads reads;

	@Autowired
	AuditLog audit;

	@Autowired
	Notices notices;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Instruments instruments;

	@Autowired
	FundingCatalogue catalogue;

	@Autowired
	Themes themes;

	@Autowired
	CountryChoices countryChoices;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.jdbc.sql("DELETE FROM partner_searches WHERE NOT example").update();
		this.jdbc.sql("DELETE FROM notices").update();
	}

	Actor actor(String email) {
		return ((Actor.Source) this.users.loadUserByUsername(email)).actor();
	}

	long publishAsGhent(String title, int days) {
		return this.searches.publish(actor(AccountTestSupport.OFFICER_GHENT), "test", new SearchForm(title, "Citizen-led energy",
				List.of("ENERGY_CLIMATE"), "cerv-networks-of-towns", "", "3", List.of(), "en", inDays(days), "", null), Locale.ENGLISH);
	}

	long interest(long search, String email) {
		return this.searches.expressInterest(actor(email), "test", search, new InterestForm("We would bring our experience."));
	}

	List<String> noticesTo(String email) {
		return this.jdbc.sql("""
				SELECT n.kind || '|' || array_to_string(n.args, '|') || '|' || n.link FROM notices n
				JOIN accounts a ON a.id = n.account_id WHERE lower(a.email) = ? ORDER BY n.id
				""").param(email).query(String.class).list();
	}

	PartnerSearches at(Instant now) {
		return new PartnerSearches(this.jdbc, this.reads, this.audit, this.notices, this.transactions, this.instruments,
				this.catalogue, this.themes, this.countryChoices, Optional.of(Clock.fixed(now, ZoneOffset.UTC)));
	}

	@Test
	void onlyTheAuthorsSideEditsTheSearchAndThoseInterestedAreTold() {
		long id = publishAsGhent("Energy communities", 30);
		long darkhan = interest(id, AccountTestSupport.OFFICER_DARKHAN);
		long nis = interest(id, OFFICER_NIS);
		this.searches.decide(actor(AccountTestSupport.OFFICER_GHENT), "test", id, nis, true);
		this.searches.decide(actor(AccountTestSupport.OFFICER_GHENT), "test", id, darkhan, false);
		this.jdbc.sql("DELETE FROM notices").update();

		assertThat(this.mvc.get().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT)))
			.hasStatusOk().bodyText().contains("Edit the partner search", "value=\"Energy communities\"", "Save the changes");
		for (String other : List.of(AccountTestSupport.OFFICER_DARKHAN, OFFICER_NIS, AccountTestSupport.STAFF_CEMR,
				AccountTestSupport.ADMIN)) {
			assertThat(this.mvc.get().uri("/partner-searches/" + id + "/edit").with(as(other))).hasStatus(403);
			assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(other)).with(csrf())
				.param("title", "Taken over").param("idea", "Idea").param("partnersNeeded", "2").param("expires", inDays(10)))
				.hasStatus(403);
		}
		assertThat(this.mvc.get().uri("/partner-searches/" + id + "/edit")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/partner-searches/999999/edit").with(as(AccountTestSupport.OFFICER_GHENT)))
			.hasStatus(404);

		// Bad values: the form again, with every value and a message next to each field; nothing saved.
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf()).param("title", "Kept <b>title</b>").param("idea", " ").param("partnersNeeded", "0")
			.param("expires", "soon")).hasStatusOk().bodyText()
			.contains("Kept &lt;b&gt;title&lt;/b&gt;", "Describe the project idea.",
					"Enter a whole number of partners from 1 to 40.", "Enter a date as year-month-day.");
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf()).param("title", "Too late").param("idea", "Idea").param("partnersNeeded", "2")
			.param("expires", inDays(2000)).param("version", String.valueOf(this.searches.search(id).version()))).hasStatusOk().bodyText().contains("Too late", "at most two years");
		assertThat(this.searches.search(id).title()).isEqualTo("Energy communities");
		assertThat(noticesTo(OFFICER_NIS)).isEmpty();

		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf()).param("title", "Energy communities, second round").param("idea", "Now with heat pumps")
			.param("themes", "WASTE").param("instrument", "cerv-networks-of-towns").param("partnersNeeded", "4")
			.param("groups", "CANDIDATE").param("languages", "fr").param("expires", inDays(40))
			.param("version", String.valueOf(this.searches.search(id).version())))
			.hasStatus3xxRedirection();
		PartnerSearch edited = this.searches.search(id);
		assertThat(edited.title()).isEqualTo("Energy communities, second round");
		assertThat(edited.idea()).isEqualTo("Now with heat pumps");
		assertThat(edited.themes()).containsExactly("WASTE");
		assertThat(edited.groups()).containsExactly("CANDIDATE");
		assertThat(edited.languages()).containsExactly("fr");
		assertThat(edited.partnersNeeded()).isEqualTo(4);
		// The accepted municipality is told; the declined one and the author's side are not.
		assertThat(noticesTo(OFFICER_NIS))
			.containsExactly("SEARCH_EDITED|Energy communities, second round|Ghent|/partner-searches/" + id);
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).isEmpty();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).isEmpty();

		// A complete search is no longer edited.
		this.searches.complete(actor(AccountTestSupport.OFFICER_GHENT), "test", id);
		assertThatThrownBy(() -> this.searches.edit(actor(AccountTestSupport.OFFICER_GHENT), "test", id,
				new SearchForm("Again", "Idea", List.of(), "", "", "2", List.of(), "en", inDays(10), "",
						this.searches.search(id).version())))
			.isInstanceOf(Refusal.class).hasMessage("search.error.closed");
		assertThat(this.mvc.get().uri("/partner-searches/" + id).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatusOk()
			.bodyText().doesNotContain("Edit the search");
	}

	@Test
	void onlyItsOwnMunicipalityWithdrawsAnInterestAndLeavingTheGroupTellsTheOthers() {
		long id = publishAsGhent("Energy communities", 30);
		long darkhan = interest(id, AccountTestSupport.OFFICER_DARKHAN);
		long nis = interest(id, OFFICER_NIS);
		this.jdbc.sql("DELETE FROM notices").update();

		// Nobody withdraws another municipality's interest: not the author's side, not another officer, not staff.
		for (String other : List.of(AccountTestSupport.OFFICER_GHENT, OFFICER_NIS, AccountTestSupport.STAFF_CEMR,
				AccountTestSupport.ADMIN)) {
			assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests/" + darkhan + "/withdraw").with(as(other))
				.with(csrf())).hasStatus(403);
		}
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests/" + darkhan + "/withdraw").with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests/999999/withdraw")
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())).hasStatus(404);
		assertThat(this.reads.interests(id)).hasSize(2);

		// Darkhan's page offers the button; Darkhan withdraws its waiting interest, Ghent's side is told.
		assertThat(this.mvc.get().uri("/partner-searches/" + id).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.bodyText().contains("Withdraw our interest");
		assertThat(this.mvc.post().uri("/partner-searches/" + id + "/interests/" + darkhan + "/withdraw")
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())).hasStatus3xxRedirection();
		assertThat(this.reads.interests(id)).extracting(Interest::id).containsExactly(nis);
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT))
			.containsExactly("SEARCH_WITHDRAWN|Darkhan|Energy communities|/partner-searches/" + id);

		// Darkhan comes back and both are accepted; then Niš leaves the group: Ghent's side and Darkhan are told.
		long darkhanAgain = interest(id, AccountTestSupport.OFFICER_DARKHAN);
		this.searches.decide(actor(AccountTestSupport.OFFICER_GHENT), "test", id, darkhanAgain, true);
		this.searches.decide(actor(AccountTestSupport.OFFICER_GHENT), "test", id, nis, true);
		this.searches.complete(actor(AccountTestSupport.OFFICER_GHENT), "test", id);
		this.jdbc.sql("DELETE FROM notices").update();
		assertThat(this.mvc.get().uri("/partner-searches/" + id).with(as(OFFICER_NIS))).hasStatusOk().bodyText()
			.contains("Leave the group");
		assertThat(this.searches.withdrawInterest(actor(OFFICER_NIS), "test", id, nis)).isTrue();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT))
			.containsExactly("SEARCH_LEFT|Niš|Energy communities|/partner-searches/" + id);
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN))
			.containsExactly("SEARCH_LEFT|Niš|Energy communities|/partner-searches/" + id);
		assertThat(noticesTo(OFFICER_NIS)).isEmpty();
		assertThat(this.searches.search(id).accepted()).isEqualTo(1);

		// A declined interest stays declined: it cannot be withdrawn to ask again.
		long other = publishAsGhent("Second search", 30);
		long declined = interest(other, OFFICER_NIS);
		this.searches.decide(actor(AccountTestSupport.OFFICER_GHENT), "test", other, declined, false);
		assertThatThrownBy(() -> this.searches.withdrawInterest(actor(OFFICER_NIS), "test", other, declined))
			.isInstanceOf(Refusal.class).hasMessage("search.error.withdrawDecided");
		assertThat(this.mvc.get().uri("/partner-searches/" + other).with(as(OFFICER_NIS))).hasStatusOk().bodyText()
			.doesNotContain("Withdraw our interest");
		assertThatThrownBy(() -> this.searches.withdrawInterest(actor(AccountTestSupport.OFFICER_GHENT), "test", other,
				declined)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theAuthorsSideIsToldOnceWhenTheSearchExpiresAndAgainOnlyAfterALaterDate() {
		Instant now = Instant.now();
		long id = publishAsGhent("Energy communities", 3);
		long complete = publishAsGhent("Complete already", 3);
		this.searches.complete(actor(AccountTestSupport.OFFICER_GHENT), "test", complete);
		this.jdbc.sql("DELETE FROM notices").update();
		String expired = "SEARCH_EXPIRED|Energy communities|/partner-searches/" + id;

		at(now.plus(Duration.ofDays(2))).announceExpired();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).isEmpty();

		PartnerSearches fourDaysOn = at(now.plus(Duration.ofDays(4)));
		fourDaysOn.announceExpired();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).containsExactly(expired);
		// Once: neither the next round nor a round a day later tells again; the completed search is never told.
		assertThat(fourDaysOn.announceExpired()).isZero();
		at(now.plus(Duration.ofDays(5))).announceExpired();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).containsExactly(expired);
		assertThat(noticesTo(OFFICER_NIS)).isEmpty();

		// Given a later date, it may expire (and be told) again.
		this.searches.edit(actor(AccountTestSupport.OFFICER_GHENT), "test", id, new SearchForm("Energy communities",
				"Citizen-led energy", List.of(), "", "", "3", List.of(), "en", inDays(10), "", this.searches.search(id).version()));
		at(now.plus(Duration.ofDays(5))).announceExpired();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).containsExactly(expired);
		at(now.plus(Duration.ofDays(12))).announceExpired();
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).containsExactly(expired, expired);
	}

	@Test
	void aSearchSeeksSingleCountriesByNameOrCodeAndTheFitsSayWhy() {
		String tooMany = String.join(", ", java.util.Collections.nCopies(21, "x")).replace("x", "Serbia") + ", "
				+ String.join(", ", List.of("BE", "DE", "FR", "NL", "LU", "AT", "IT", "ES", "PT", "PL", "CZ", "SK", "HU", "RO",
						"BG", "GR", "HR", "SI", "MN", "RS", "MK"));
		assertThat(this.mvc.post().uri("/partner-searches/new").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("title", "Kept title").param("idea", "Idea").param("partnersNeeded", "2").param("countries", "Serbia, Atlantis")
			.param("expires", inDays(20))).hasStatusOk().bodyText()
			.contains("Kept title", "value=\"Serbia, Atlantis\"", "is not a country the portal knows");
		assertThat(this.mvc.post().uri("/partner-searches/new").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("title", "Kept title").param("idea", "Idea").param("partnersNeeded", "2").param("countries", tooMany)
			.param("expires", inDays(20))).hasStatusOk().bodyText().contains("Name at most 20 countries.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_searches WHERE NOT example").query(Long.class).single()).isZero();

		var published = this.mvc.post().uri("/partner-searches/new").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("title", "Steppe and Balkans").param("idea", "Idea").param("partnersNeeded", "2")
			.param("countries", "Serbie, mn, Mongolia").param("expires", inDays(20)).exchange();
		assertThat(published).hasStatus3xxRedirection();
		String location = published.getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.searches.search(id).countries()).containsExactly("MN", "RS");
		assertThat(this.mvc.get().uri("/partner-searches/" + id)).hasStatusOk().bodyText()
			.contains("Countries sought", "<span>Mongolia</span>, <span>Serbia</span>");
		assertThat(this.mvc.get().uri("/partner-searches/" + id + "/edit").with(as(AccountTestSupport.OFFICER_GHENT)))
			.hasStatusOk().bodyText().contains("value=\"Mongolia, Serbia\"");
		// Mongolian municipalities fit because their country is sought, and the author's side is told so.
		assertThat(this.mvc.get().uri("/partner-searches/" + id).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatusOk()
			.bodyText().contains("Looks for partners in this country: Mongolia");
		// Edited to none: the countries go.
		this.searches.edit(actor(AccountTestSupport.OFFICER_GHENT), "test", id, new SearchForm("Steppe and Balkans", "Idea",
				List.of(), "", "", "2", List.of(), "en", inDays(20), " ", this.searches.search(id).version()));
		assertThat(this.searches.search(id).countries()).isEmpty();
	}
}
