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
import org.citybridge.matchmaking.MatchmakingFixtures.Place;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Partnership requests as officers and staff use them, and the limits PostgreSQL keeps. */
class PartnershipRequestsIT extends DemoDataIntegrationTest {

	static final String OFFICER_NIS = "officer.nis@citybridge.example";

	@Autowired
	PartnershipRequests requests;

	@Autowired
	Requests reads;

	long darkhan;

	long nis;

	long ghent;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.jdbc.sql("DELETE FROM partnership_requests").update();
		this.jdbc.sql("DELETE FROM outbox_messages").update();
		this.jdbc.sql("DELETE FROM notices").update();
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.nis = AccountTestSupport.municipalityId(this.context, NIS);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
	}

	Actor actor(String email) {
		return ((Actor.Source) this.users.loadUserByUsername(email)).actor();
	}

	long sendAsDarkhanToNis(String message) {
		MvcTestResult result = this.mvc.post().uri("/municipalities/" + this.nis + "/requests/new")
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())
			.param("themes", "SMART_CITY", "WATER_SANITATION").param("message", message).param("proposedInstrument", "taiex")
			.exchange();
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void anOfficerSendsTheOtherSideReadsAcceptsAndBothAreToldByMail() {
		assertThat(this.mvc.get().uri("/municipalities/" + this.nis + "/requests/new").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().bodyText().contains("Partnership request to Niš", "Send the request");
		long id = sendAsDarkhanToNis("Dear Niš, <script>alert(1)</script> shall we work on smart-city services?");

		// The receiving officers hear of it as a notice (mailed in their language by the notice module); the sender does not.
		assertThat(noticesTo(OFFICER_NIS)).containsExactly("REQUEST_SENT|Darkhan|Niš|/requests/" + id);
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).isEmpty();
		assertThat(this.reads.unreadFor(actor(OFFICER_NIS))).isEqualTo(1);
		assertThat(this.mvc.get().uri("/requests").with(as(OFFICER_NIS))).hasStatusOk().bodyText()
			.contains("Darkhan", "1 unread", "Received", "Pending");

		assertThat(this.mvc.get().uri("/requests/" + id).with(as(OFFICER_NIS))).hasStatusOk().bodyText()
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Smart city and innovation", "TAIEX", "Sent by Darkhan",
					"Accept the request")
			.doesNotContain("<script>alert(1)</script>", "Withdraw the request").contains("Mark as read");
		// Opening the page changes nothing (a mail scanner following the link must not mark it read);
		// the officer marks it read, or answers.
		assertThat(this.reads.unreadFor(actor(OFFICER_NIS))).isEqualTo(1);
		assertThat(this.mvc.post().uri("/requests/" + id + "/read").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf()))
			.hasStatus(404);
		assertThat(this.reads.unreadFor(actor(OFFICER_NIS))).isEqualTo(1);
		assertThat(this.mvc.post().uri("/requests/" + id + "/read").with(as(OFFICER_NIS)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(this.reads.unreadFor(actor(OFFICER_NIS))).isZero();
		assertThat(this.mvc.get().uri("/requests/" + id).with(as(OFFICER_NIS))).hasStatusOk().bodyText()
			.doesNotContain("Mark as read");

		assertThat(this.mvc.post().uri("/requests/" + id + "/accept").with(as(OFFICER_NIS)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(status(id)).isEqualTo("ACCEPTED");
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).contains("REQUEST_ACCEPTED|Darkhan|Niš|/requests/" + id)
			.filteredOn(n -> n.startsWith("REQUEST_")).hasSize(1);
		assertThat(noticesTo(OFFICER_NIS)).containsExactly("REQUEST_SENT|Darkhan|Niš|/requests/" + id);
		assertThat(this.reads.unreadFor(actor(AccountTestSupport.OFFICER_DARKHAN))).isEqualTo(1);
		assertThat(this.reads.unreadFor(actor(OFFICER_NIS))).as("answering is reading").isZero();
		assertThat(this.mvc.get().uri("/requests/" + id).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("Accepted by Niš", "Agreement #", "Darkhan – Niš").doesNotContain("/agreements/new");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'partnership_request' AND entity_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void eachReaderReadsTheProposedInstrumentInTheirOwnLanguage() {
		// Sent from a French page: the name the sender chose from is French.
		MvcTestResult sent = this.mvc.post().uri("/municipalities/" + this.nis + "/requests/new")
			.header("Accept-Language", "fr").with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())
			.param("themes", "SMART_CITY").param("message", "Bonjour Niš").param("proposedInstrument", "taiex")
			.exchange();
		assertThat(sent).hasStatus3xxRedirection();
		String location = sent.getResponse().getRedirectedUrl();
		String page = "/requests/" + location.substring(location.lastIndexOf('/') + 1);
		assertThat(this.mvc.get().uri(page).header("Accept-Language", "mn").with(as(OFFICER_NIS))).hasStatusOk()
			.bodyText()
			.contains("Техникийн туслалцаа, мэдээлэл солилцооны хэрэгсэл (TAIEX)")
			.doesNotContain("Instrument d’assistance technique");
		assertThat(this.mvc.get().uri(page).header("Accept-Language", "fr").with(as(OFFICER_NIS))).hasStatusOk()
			.bodyText()
			.contains("Instrument d’assistance technique et d’échange d’informations (TAIEX)");
		// An instrument removed since: the name stored when it was sent, as it was.
		this.jdbc.sql("UPDATE partnership_requests SET proposed_instrument_id = NULL").update();
		assertThat(this.mvc.get().uri(page).header("Accept-Language", "en").with(as(OFFICER_NIS))).hasStatusOk()
			.bodyText()
			.contains("Instrument d’assistance technique et d’échange d’informations (TAIEX)");
	}

	@Test
	void theReceiverRepliesDeclinesWithAReasonAndTheSenderCanNoLongerWithdraw() {
		long id = sendAsDarkhanToNis("Shall we?");
		assertThat(this.mvc.post().uri("/requests/" + id + "/reply").with(as(OFFICER_NIS)).with(csrf()).param("body", "Tell us more"))
			.hasStatus3xxRedirection();
		assertThat(mailsTo(AccountTestSupport.OFFICER_DARKHAN)).singleElement().asString().contains("Tell us more");
		assertThat(this.mvc.post().uri("/requests/" + id + "/reply").with(as(OFFICER_NIS)).with(csrf()).param("body", " "))
			.hasStatusOk().bodyText().contains("Write a reply.");
		assertThat(this.mvc.post().uri("/requests/" + id + "/decline").with(as(OFFICER_NIS)).with(csrf()).param("body", "Not this year"))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/requests/" + id).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("Reply from Niš", "Tell us more", "Declined by Niš", "Not this year")
			.doesNotContain("/agreements/new", "Agreement #");
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).containsExactly("REQUEST_DECLINED|Darkhan|Niš|/requests/" + id);
		assertThat(this.mvc.post().uri("/requests/" + id + "/withdraw").with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf()))
			.hasStatusOk().bodyText().contains("This request has already been answered or withdrawn.");
	}

	/** Issue 20: a reply is mailed in the language of each recipient's account, not the page of who replies. */
	@Test
	void aReplyIsMailedInTheRecipientsLanguage() {
		String before = this.jdbc.sql("SELECT language FROM accounts WHERE email = ?").param(AccountTestSupport.OFFICER_DARKHAN)
			.query(String.class).single();
		this.jdbc.sql("UPDATE accounts SET language = 'mn' WHERE email = ?").param(AccountTestSupport.OFFICER_DARKHAN).update();
		try {
			long id = sendAsDarkhanToNis("Shall we?");
			assertThat(this.mvc.post().uri("/requests/" + id + "/reply?lang=en").with(as(OFFICER_NIS)).with(csrf())
				.header("Accept-Language", "en").param("body", "Tell us more")).hasStatus3xxRedirection();
			assertThat(mailsTo(AccountTestSupport.OFFICER_DARKHAN)).singleElement().asString()
				.startsWith("Таны түншлэлийн хүсэлтэд хариу ирлээ").contains("хариулсан", "Tell us more")
				.doesNotContain("replied", "Reply from");
		}
		finally {
			this.jdbc.sql("UPDATE accounts SET language = ? WHERE email = ?").params(before, AccountTestSupport.OFFICER_DARKHAN)
				.update();
		}
	}

	@Test
	void theSenderWithdrawsWhilePendingAndMaySendAgain() {
		long id = sendAsDarkhanToNis("First try");
		assertThat(this.mvc.post().uri("/requests/" + id + "/withdraw").with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(status(id)).isEqualTo("WITHDRAWN");
		assertThat(noticesTo(OFFICER_NIS)).containsExactly("REQUEST_SENT|Darkhan|Niš|/requests/" + id,
				"REQUEST_WITHDRAWN|Darkhan|Niš|/requests/" + id);
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).isEmpty();
		assertThat(sendAsDarkhanToNis("Second try")).isNotEqualTo(id);
	}

	@Test
	void aSendOrAnAnswerRolledBackAnnouncesNothing() {
		TransactionTemplate transactions = this.context.getBean(TransactionTemplate.class);
		Actor darkhanOfficer = actor(AccountTestSupport.OFFICER_DARKHAN);
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			this.requests.send(darkhanOfficer, "test", this.nis, new RequestForm(List.of("SMART_CITY"), "Rolled back", ""),
					"http://x", Locale.ENGLISH);
			throw new IllegalStateException("forced after the announcement");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(noticesTo(OFFICER_NIS)).isEmpty();
		long id = sendAsDarkhanToNis("Kept");
		Actor nisOfficer = actor(OFFICER_NIS);
		transactions.executeWithoutResult(tx -> {
			this.requests.decline(nisOfficer, "test", id, new AnswerForm("No"), "http://x", Locale.ENGLISH);
			tx.setRollbackOnly();
		});
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).isEmpty();
		assertThat(noticesTo(OFFICER_NIS)).containsExactly("REQUEST_SENT|Darkhan|Niš|/requests/" + id);
	}

	@Test
	void anOfficerOfAnotherMunicipalityCannotReadAnswerOrWithdraw() {
		long id = sendAsDarkhanToNis("Private");
		String ghent = AccountTestSupport.OFFICER_GHENT;
		assertThat(this.mvc.get().uri("/requests/" + id).with(as(ghent))).hasStatus(404);
		assertThat(this.mvc.post().uri("/requests/" + id + "/accept").with(as(ghent)).with(csrf())).hasStatus(404);
		assertThat(this.mvc.post().uri("/requests/" + id + "/decline").with(as(ghent)).with(csrf())).hasStatus(404);
		assertThat(this.mvc.post().uri("/requests/" + id + "/withdraw").with(as(ghent)).with(csrf())).hasStatus(404);
		assertThat(this.mvc.post().uri("/requests/" + id + "/reply").with(as(ghent)).with(csrf()).param("body", "Me too")).hasStatus(404);
		// Each side may only take its own steps.
		assertThat(this.mvc.post().uri("/requests/" + id + "/withdraw").with(as(OFFICER_NIS)).with(csrf())).hasStatus(403);
		assertThat(this.mvc.post().uri("/requests/" + id + "/accept").with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/requests")).hasStatus3xxRedirection();
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_request_steps WHERE request_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(1);
		// Refused steps announce nothing.
		assertThat(noticesTo(AccountTestSupport.OFFICER_DARKHAN)).isEmpty();
		assertThat(noticesTo(OFFICER_NIS)).containsExactly("REQUEST_SENT|Darkhan|Niš|/requests/" + id);
	}

	@Test
	void staffOfEitherSidesNetworkReadTheRequestAndCountIt() {
		long id = sendAsDarkhanToNis("For NALAS to see");
		this.mvc.post().uri("/requests/" + id + "/accept").with(as(OFFICER_NIS)).with(csrf()).exchange();
		assertThat(this.mvc.get().uri("/requests/" + id).with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
			.contains("For NALAS to see").doesNotContain("Accept the request");
		assertThat(this.mvc.get().uri("/requests").with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
			.contains("Partnership requests in your network", "Darkhan", "Median response time", "0 hours");
		assertThat(this.mvc.get().uri("/requests?status=declined").with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk()
			.bodyText().contains("No request matches.");
		// CEMR counts neither Darkhan nor Niš among its members.
		assertThat(this.mvc.get().uri("/requests/" + id).with(as(AccountTestSupport.STAFF_CEMR))).hasStatus(404);
		assertThat(this.reads.countsForStaff(actor(AccountTestSupport.STAFF_NALAS)).accepted()).isEqualTo(1);
		assertThat(this.reads.countsForStaff(actor(AccountTestSupport.STAFF_CEMR)).sent()).isZero();
	}

	@Test
	void twoConcurrentSendsForTheSamePairCreateOneRequest() throws Exception {
		Actor fromDarkhan = actor(AccountTestSupport.OFFICER_DARKHAN);
		Actor fromNis = actor(OFFICER_NIS);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (Actor[] pair : List.of(new Actor[] { fromDarkhan, null }, new Actor[] { fromNis, null })) {
				outcomes.add(pool.submit(() -> {
					start.await();
					long to = pair[0] == fromDarkhan ? this.nis : this.darkhan;
					try {
						this.requests.send(pair[0], "test", to, new RequestForm(List.of(), "Concurrent", null), "http://x",
								Locale.ENGLISH);
						return "sent";
					}
					catch (Refusal refused) {
						return refused.messageKey();
					}
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsExactlyInAnyOrder("sent", "matchmaking.request.error.pending");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_requests WHERE status = 'PENDING'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theEleventhPendingRequestIsRefusedWithAClearMessage() {
		MatchmakingFixtures fixtures = new MatchmakingFixtures(this.jdbc);
		Actor officer = actor(AccountTestSupport.OFFICER_DARKHAN);
		List<Long> sent = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			long to = fixtures.municipality("Target " + i, Place.neutral("FR"));
			sent.add(this.requests.send(officer, "test", to, new RequestForm(List.of(), "Hello " + i, null), "http://x",
					Locale.ENGLISH));
		}
		long eleventh = fixtures.municipality("Target 11", Place.neutral("FR"));
		assertThatThrownBy(() -> this.requests.send(officer, "test", eleventh, new RequestForm(List.of(), "Hello", null),
				"http://x", Locale.ENGLISH))
			.isInstanceOfSatisfying(Refusal.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("matchmaking.request.error.limit"));
		assertThat(this.mvc.post().uri("/municipalities/" + eleventh + "/requests/new").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.with(csrf()).param("message", "One more")).hasStatusOk().bodyText()
			.contains("Your municipality already has 10 pending requests, the most allowed.", "One more");
		this.requests.withdraw(officer, "test", sent.get(0), "http://x", Locale.ENGLISH);
		assertThat(this.requests.send(officer, "test", eleventh, new RequestForm(List.of(), "Now", null), "http://x",
				Locale.ENGLISH)).isPositive();
	}

	@Test
	void refusesBadInputWithoutA500() {
		String darkhanOfficer = AccountTestSupport.OFFICER_DARKHAN;
		assertThat(this.mvc.get().uri("/requests/abc").with(as(darkhanOfficer))).hasStatus(404);
		assertThat(this.mvc.get().uri("/requests/999999999").with(as(darkhanOfficer))).hasStatus(404);
		assertThat(this.mvc.get().uri("/municipalities/999999999/requests/new").with(as(darkhanOfficer))).hasStatus(404);
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "/requests/new").with(as(darkhanOfficer)))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/municipalities/" + this.nis + "/requests/new").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/" + this.nis + "/requests/new").with(as(darkhanOfficer)).with(csrf())
			.param("message", "x".repeat(2001)).param("themes", "NO_SUCH_THEME")).hasStatusOk().bodyText()
			.contains("The message can have at most 2,000 characters.");
		assertThat(this.mvc.post().uri("/municipalities/" + this.nis + "/requests/new").with(as(darkhanOfficer)).with(csrf())
			.param("message", "Hello").param("themes", "NO_SUCH_THEME")).hasStatusOk().bodyText()
			.contains("One of the chosen themes is unknown.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_requests").query(Long.class).single()).isZero();
	}

	@Test
	void suggestionsArePublicAndShowPendingRequestsOnlyToTheOfficersOfAAndStaff() {
		sendAsDarkhanToNis("In progress");
		String page = "/municipalities/" + this.darkhan + "/partners";
		assertThat(this.mvc.get().uri(page)).hasStatusOk().bodyText()
			.contains("Partner suggestions for Darkhan", "How suggestions work").doesNotContain("In progress", "Request to Niš");
		assertThat(this.mvc.get().uri(page).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("In progress", "Request to Niš, pending", "a partnership request");
		assertThat(this.mvc.get().uri(page).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatusOk().bodyText()
			.doesNotContain("Request to Niš");
		assertThat(this.mvc.get().uri(page + "?population_min=abc&page=-4&country=ZZ&theme=<b>&group=x")).hasStatusOk();
		assertThat(this.mvc.get().uri("/municipalities/abc/partners")).hasStatus(404);
		assertThat(this.mvc.get().uri("/municipalities/999999999/partners")).hasStatus(404);
		assertThat(this.mvc.get().uri("/partners/how")).hasStatusOk().bodyText().contains("Complementary themes", "10");
		assertThat(this.mvc.get().uri("/municipalities/" + this.nis)).hasStatusOk().bodyText()
			.contains("/municipalities/" + this.nis + "/partners");
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM partnership_requests WHERE id = ?").param(id).query(String.class).single();
	}

	/** The notices an account holds: kind|arguments…|link, oldest first. */
	private List<String> noticesTo(String email) {
		return this.jdbc.sql("""
				SELECT n.kind || '|' || array_to_string(n.args, '|') || '|' || coalesce(n.link, '')
				FROM notices n JOIN accounts a ON a.id = n.account_id WHERE a.email = ? ORDER BY n.id
				""").param(email).query(String.class).list();
	}

	private List<String> mailsTo(String email) {
		return this.jdbc.sql("SELECT subject || ' ' || body FROM outbox_messages WHERE recipient = ? ORDER BY id").param(email)
			.query(String.class).list();
	}
}
