package org.citybridge.matchmaking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * From a request to an agreement: accepting opens a draft in the register at once, linked both
 * ways, once per request; the pair's existing agreement is linked instead of a second one; the
 * request form offers the suggestion's themes and the pair's instruments.
 */
class RequestAgreementIT extends DemoDataIntegrationTest {

	static final String CITY_PARTNERSHIP_FUND = "example-city-partnership-fund";

	@Autowired
	PartnershipRequests requests;

	long darkhan;

	long ghent;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.jdbc.sql("DELETE FROM partnership_requests").update();
		this.jdbc.sql("DELETE FROM agreements WHERE party_key = ?")
			.param(new Long[] { Math.min(this.darkhan, this.ghent), Math.max(this.darkhan, this.ghent) })
			.update();
		this.jdbc.sql("DELETE FROM outbox_messages").update();
		this.jdbc.sql("DELETE FROM notices").update();
		// Darkhan's demo themes, whatever an earlier test of the run saved on its profile.
		for (String theme : List.of("SMART_CITY", "WATER_SANITATION", "LOCAL_ECONOMY")) {
			this.jdbc.sql("INSERT INTO municipality_sought_themes (municipality_id, theme_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(this.darkhan, theme).update();
		}
		for (String theme : List.of("AGRICULTURE_RURAL", "EDUCATION_YOUTH")) {
			this.jdbc.sql("INSERT INTO municipality_offered_themes (municipality_id, theme_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(this.darkhan, theme).update();
		}
	}

	Actor actor(String email) {
		return ((Actor.Source) this.users.loadUserByUsername(email)).actor();
	}

	long sendAsDarkhanToGhent() {
		MvcTestResult result = this.mvc.post().uri("/municipalities/" + this.ghent + "/requests/new")
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())
			.param("themes", "WATER_SANITATION", "SMART_CITY")
			.param("message", "Shall we work on water together?")
			.param("proposedInstrument", CITY_PARTNERSHIP_FUND)
			.exchange();
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	Long agreementOf(long request) {
		return this.jdbc.sql("SELECT agreement_id FROM partnership_requests WHERE id = ?").param(request)
			.query(Long.class).optional().orElse(null);
	}

	long agreementsOfThePair() {
		return this.jdbc.sql("SELECT count(*) FROM agreements WHERE party_key = ?")
			.param(new Long[] { Math.min(this.darkhan, this.ghent), Math.max(this.darkhan, this.ghent) })
			.query(Long.class).single();
	}

	@Test
	void acceptingOpensADraftAgreementPrefilledFromTheRequestAndLinkedBothWays() {
		long request = sendAsDarkhanToGhent();
		assertThat(this.mvc.post().uri("/requests/" + request + "/accept").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf())).hasStatus3xxRedirection().flash()
			.containsEntry("flash", "matchmaking.flash.accepted");

		Long agreement = agreementOf(request);
		assertThat(agreement).isNotNull();
		assertThat(this.jdbc.sql("""
				SELECT type || '|' || status || '|' || title || '|' || funding_used || '|' || (verified_at IS NULL)
				       || '|' || (proposed_by_account_id = (SELECT id FROM accounts WHERE email = ?))
				FROM agreements WHERE id = ?
				""").params(AccountTestSupport.OFFICER_GHENT, agreement).query(String.class).single())
			.isEqualTo("SISTER_CITY|DRAFT|Darkhan – Ghent|City Partnership Fund (example)|true|true");
		assertThat(this.jdbc.sql("SELECT theme_code FROM agreement_themes WHERE agreement_id = ? ORDER BY 1")
			.param(agreement).query(String.class).list()).containsExactly("SMART_CITY", "WATER_SANITATION");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'agreement' AND entity_id = ?")
			.param(String.valueOf(agreement)).query(Long.class).single()).isEqualTo(1);

		// The request links to its agreement and offers no form for a second one, on both sides.
		for (String officer : List.of(AccountTestSupport.OFFICER_DARKHAN, AccountTestSupport.OFFICER_GHENT)) {
			assertThat(this.mvc.get().uri("/requests/" + request).with(as(officer))).hasStatusOk().bodyText()
				.contains("Agreement #" + agreement + ": Darkhan – Ghent", "href=\"/agreements/" + agreement + "\"",
						"Draft")
				.doesNotContain("/agreements/new", "Open a draft agreement");
		}
		// The agreement page names the request it came from, to those who may read the request.
		assertThat(this.mvc.get().uri("/agreements/" + agreement).with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().bodyText()
			.contains("Origin", "href=\"/requests/" + request + "\"", "Partnership request: Darkhan to Ghent",
					"City Partnership Fund (example)", "Water and sanitation");
		// CEMR counts Ghent among its members; NALAS counts neither side.
		assertThat(this.mvc.get().uri("/agreements/" + agreement).with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatusOk().bodyText().contains("href=\"/requests/" + request + "\"");
		assertThat(this.mvc.get().uri("/agreements/" + agreement).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatusOk().bodyText().doesNotContain("/requests/" + request);
		assertThat(this.mvc.get().uri("/agreements/" + agreement)).hasStatusOk().bodyText()
			.contains("Darkhan – Ghent").doesNotContain("/requests/" + request, "Origin");
		assertThat(this.mvc.get().uri("/agreements/" + agreement).with(as(PartnershipRequestsIT.OFFICER_NIS))).hasStatusOk()
			.bodyText().doesNotContain("/requests/" + request);

		// The sender's officers hear of the acceptance and of the draft agreement it opened; the
		// accepting officer of neither.
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).containsExactlyInAnyOrder(
				"REQUEST_ACCEPTED|Darkhan|Ghent|/requests/" + request,
				"AGREEMENT_REGISTERED|Darkhan – Ghent|/agreements/" + agreement);
		assertThat(noticesTo(AccountTestSupport.OFFICER_GHENT)).containsExactly("REQUEST_SENT|Darkhan|Ghent|/requests/" + request);
	}

	@Test
	void staffCompleteAndVerifyTheDraftAsAnyProposal() {
		long request = sendAsDarkhanToGhent();
		this.mvc.post().uri("/requests/" + request + "/accept").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.exchange();
		long agreement = agreementOf(request);
		// Unverified, as any proposal (the staff's list may page it anywhere among the run's others).
		assertThat(this.jdbc.sql("SELECT status = 'DRAFT' AND verified_at IS NULL FROM agreements WHERE id = ?").param(agreement)
			.query(Boolean.class).single()).isTrue();
		assertThat(this.mvc.get().uri("/agreements/" + agreement + "/edit").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatusOk().bodyText().contains("Edit the agreement", "City Partnership Fund (example)");
		assertThat(this.mvc.post().uri("/agreements/" + agreement + "/verify").with(as(AccountTestSupport.STAFF_CEMR))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT verified_at IS NOT NULL FROM agreements WHERE id = ?").param(agreement)
			.query(Boolean.class).single()).isTrue();
		// The sender's officer may not verify it.
		assertThat(this.mvc.post().uri("/agreements/" + agreement + "/verify").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.with(csrf())).hasStatus(403);
	}

	@Test
	void whenThePairAlreadyHasASisterCityAgreementTheRequestLinksToItAndNoSecondOneIsMade() {
		long existing = this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key) VALUES ('SISTER_CITY', 'Ghent and Darkhan since 2019', 'ACTIVE', ?)
				RETURNING id
				""").param(new Long[] { this.darkhan, this.ghent }).query(Long.class).single();
		long request = sendAsDarkhanToGhent();
		assertThat(this.mvc.post().uri("/requests/" + request + "/accept").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf())).hasStatus3xxRedirection().flash()
			.containsEntry("flash", "matchmaking.flash.accepted.existing");
		assertThat(agreementOf(request)).isEqualTo(existing);
		assertThat(agreementsOfThePair()).isEqualTo(1);
		assertThat(this.mvc.get().uri("/requests/" + request).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk()
			.bodyText().contains("Agreement #" + existing + ": Ghent and Darkhan since 2019", "Active");
		// Nothing new was registered: the sender hears of the acceptance only.
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN))
			.containsExactly("REQUEST_ACCEPTED|Darkhan|Ghent|/requests/" + request);
	}

	@Test
	void aLaterRequestBetweenThePairLeadsToTheSameDraft() {
		long first = sendAsDarkhanToGhent();
		this.mvc.post().uri("/requests/" + first + "/accept").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.exchange();
		long second = this.requests.send(actor(AccountTestSupport.OFFICER_GHENT), "test", this.darkhan,
				new RequestForm(List.of("CULTURE_HERITAGE"), "And culture?", ""), "http://x", Locale.ENGLISH);
		this.requests.accept(actor(AccountTestSupport.OFFICER_DARKHAN), "test", second, "http://x", Locale.ENGLISH);
		assertThat(agreementOf(second)).isEqualTo(agreementOf(first));
		assertThat(agreementsOfThePair()).isEqualTo(1);
		assertThat(this.mvc.get().uri("/agreements/" + agreementOf(first)).with(as(AccountTestSupport.OFFICER_GHENT)))
			.hasStatusOk().bodyText().contains("href=\"/requests/" + first + "\"", "href=\"/requests/" + second + "\"");
	}

	@Test
	void twoConcurrentAcceptancesOpenOneDraft() throws Exception {
		long request = sendAsDarkhanToGhent();
		Actor ghentOfficer = actor(AccountTestSupport.OFFICER_GHENT);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<String> results = new ArrayList<>();
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						this.requests.accept(ghentOfficer, "test", request, "http://x", Locale.ENGLISH);
						return "accepted";
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
		assertThat(results).containsExactlyInAnyOrder("accepted", "matchmaking.request.error.closed");
		assertThat(agreementsOfThePair()).isEqualTo(1);
		assertThat(agreementOf(request)).isNotNull();
	}

	@Test
	void noOneElseAcceptsAndNothingIsOpenedForThem() {
		long request = sendAsDarkhanToGhent();
		assertThat(this.mvc.post().uri("/requests/" + request + "/accept").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.post().uri("/requests/" + request + "/accept").with(as(AccountTestSupport.STAFF_CEMR))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.post().uri("/requests/" + request + "/accept").with(as(PartnershipRequestsIT.OFFICER_NIS))
			.with(csrf())).hasStatus(404);
		assertThat(this.mvc.post().uri("/requests/" + request + "/accept").with(csrf())).hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri("/requests/" + request + "/decline").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(agreementOf(request)).isNull();
		assertThat(agreementsOfThePair()).isZero();
		// A second acceptance, after the answer, changes nothing.
		assertThat(this.mvc.post().uri("/requests/" + request + "/accept").with(as(AccountTestSupport.OFFICER_GHENT))
			.with(csrf())).hasStatusOk().bodyText().contains("This request has already been answered or withdrawn.");
		assertThat(agreementsOfThePair()).isZero();
	}

	@Test
	void theDatabaseLinksOnlyAnAcceptedRequestToAnAgreement() {
		long request = sendAsDarkhanToGhent();
		long other = this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key) VALUES ('FRIENDSHIP', 'Friends', 'ACTIVE', ?) RETURNING id
				""").param(new Long[] { this.darkhan, this.ghent }).query(Long.class).single();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE partnership_requests SET agreement_id = ? WHERE id = ?")
			.params(other, request).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("partnership_requests_agreement_ck");
	}

	@Test
	void aSuggestionLinksToARequestAboutItsThemesAndNamesInstrumentsByName() {
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "/partners").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().bodyText()
			.contains("href=\"/municipalities/" + this.ghent + "/requests/new?themes=SMART_CITY\"",
					"Eligible together for City Partnership Fund (example)")
			.doesNotContain("EX-CPF", "EX-TEF", "themes=&");
	}

	@Test
	void theFormTicksTheSuggestedThemesAndOffersThePairsInstrumentsByName() {
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent + "/requests/new?themes=WATER_SANITATION&themes=NOPE"
				+ "&themes=%3Cb%3E").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.containsPattern("value=\"WATER_SANITATION\"[^>]*checked")
			.doesNotContainPattern("value=\"SMART_CITY\"[^>]*checked")
			.contains("City Partnership Fund (example)", "value=\"" + CITY_PARTNERSHIP_FUND + "\"", "TAIEX",
					"None, or another one")
			.doesNotContain("Civic Society Grant", "value=\"NOPE\"", "<b>");
	}

	@Test
	void anInstrumentNotOfferedForThePairIsRefusedAndTheOtherValuesKept() {
		for (String instrument : List.of("example-civic-grant", "no-such-thing", "<script>")) {
			assertThat(this.mvc.post().uri("/municipalities/" + this.ghent + "/requests/new")
				.with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())
				.param("themes", "WATER_SANITATION").param("message", "Kept message").param("proposedInstrument", instrument))
				.hasStatusOk().bodyText()
				.contains("Choose one of the instruments listed, or none.", "Kept message")
				.containsPattern("value=\"WATER_SANITATION\"[^>]*checked")
				.doesNotContain("<script>");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_requests").query(Long.class).single()).isZero();
		// The choice is kept when another field is wrong.
		assertThat(this.mvc.post().uri("/municipalities/" + this.ghent + "/requests/new")
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())
			.param("message", " ").param("proposedInstrument", CITY_PARTNERSHIP_FUND))
			.hasStatusOk().bodyText().contains("Write a message.")
			.containsPattern("value=\"" + CITY_PARTNERSHIP_FUND + "\"[^>]*checked");
		// None is a choice too.
		long request = this.requests.send(actor(AccountTestSupport.OFFICER_DARKHAN), "test", this.ghent,
				new RequestForm(List.of(), "No instrument", ""), "http://x", Locale.ENGLISH);
		assertThat(this.jdbc.sql("SELECT proposed_instrument IS NULL FROM partnership_requests WHERE id = ?").param(request)
			.query(Boolean.class).single()).isTrue();
	}

	/** The notices an account holds: kind|arguments…|link, oldest first. */
	private List<String> noticesTo(String email) {
		return this.jdbc.sql("""
				SELECT n.kind || '|' || array_to_string(n.args, '|') || '|' || coalesce(n.link, '')
				FROM notices n JOIN accounts a ON a.id = n.account_id WHERE a.email = ? ORDER BY n.id
				""").param(email).query(String.class).list();
	}
}
