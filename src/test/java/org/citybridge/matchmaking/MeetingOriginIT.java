package org.citybridge.matchmaking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.event.EventFixtures;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An agreement that began at a forum (issues 23 and 25): a request that continues a meeting held
 * there records it (V86, a foreign key the database checks), the agreement its acceptance opens
 * names the forum on its page to everyone, and the register lists the agreements that began at
 * each forum. A meeting that was not held, or not between the two municipalities, is refused.
 */
class MeetingOriginIT extends DemoDataIntegrationTest {

	@Autowired
	PartnershipRequests requests;

	@Autowired
	Requests reads;

	long darkhan;

	long ghent;

	EventFixtures forum;

	long held;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.jdbc.sql("DELETE FROM partnership_requests").update();
		this.jdbc.sql("DELETE FROM agreements WHERE party_key = ?")
			.param(new Long[] { Math.min(this.darkhan, this.ghent), Math.max(this.darkhan, this.ghent) })
			.update();
		this.forum = new EventFixtures(this.jdbc);
		this.jdbc.sql("INSERT INTO meeting_programmes (event_id, slot_minutes) VALUES (?, 20)").param(this.forum.event).update();
		this.jdbc.sql("INSERT INTO meeting_windows (event_id, starts_at, ends_at) VALUES (?, ?, ?)")
			.params(this.forum.event, Timestamp.from(Instant.parse("2025-03-28T13:00:00Z")),
					Timestamp.from(Instant.parse("2025-03-28T15:00:00Z")))
			.update();
		profile(AccountTestSupport.OFFICER_DARKHAN, this.darkhan, "MN");
		profile(AccountTestSupport.OFFICER_GHENT, this.ghent, "BE");
		this.held = meeting(AccountTestSupport.OFFICER_DARKHAN, AccountTestSupport.OFFICER_GHENT, "13:00", "HELD");
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM partnership_requests").update();
		this.jdbc.sql("DELETE FROM events WHERE id = ?").param(this.forum.event).update();
	}

	long account(String email) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(email).query(Long.class).single();
	}

	void profile(String email, long municipality, String country) {
		this.jdbc.sql("""
				INSERT INTO meeting_profiles (event_id, account_id, municipality_id, person_name, represents, country_code)
				VALUES (?, ?, ?, 'Someone', 'Somewhere', ?)
				""").params(this.forum.event, account(email), municipality, country).update();
	}

	long meeting(String requester, String invitee, String time, String status) {
		Instant starts = Instant.parse("2025-03-28T" + time + ":00Z");
		return this.jdbc.sql("""
				INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, status) VALUES (?, ?, ?, ?, ?, ?)
				RETURNING id
				""").params(this.forum.event, account(requester), account(invitee), Timestamp.from(starts),
					Timestamp.from(starts.plusSeconds(1200)), status)
			.query(Long.class).single();
	}

	Actor actor(String email) {
		return ((Actor.Source) this.users.loadUserByUsername(email)).actor();
	}

	@Test
	void aRequestContinuingAHeldMeetingOpensAnAgreementThatNamesTheForumAndTheRegisterListsIt() {
		// The held meeting's link opens the form with the meeting named and kept in the form.
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent + "/requests/new?themes=SMART_CITY&meeting=" + this.held)
			.with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("This request continues your meeting at", "Fixture forum", "name=\"meeting\"", "value=\"" + this.held + "\"");

		MvcTestResult sent = this.mvc.post().uri("/municipalities/" + this.ghent + "/requests/new")
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())
			.param("themes", "SMART_CITY").param("message", "As we said at the forum").param("meeting", String.valueOf(this.held))
			.exchange();
		assertThat(sent).hasStatus3xxRedirection();
		long request = this.jdbc.sql("SELECT id FROM partnership_requests").query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT meeting_id FROM partnership_requests WHERE id = ?").param(request).query(Long.class).single())
			.isEqualTo(this.held);

		this.requests.accept(actor(AccountTestSupport.OFFICER_GHENT), "test", request, "http://x", Locale.ENGLISH);
		long agreement = this.jdbc.sql("SELECT agreement_id FROM partnership_requests WHERE id = ?").param(request)
			.query(Long.class).single();
		assertThat(this.reads.forumsOf(agreement)).extracting(Requests.Forum::eventId).containsExactly(this.forum.event);

		// Everyone reads where it began, the people who met not named; the register filters by the forum.
		assertThat(this.mvc.get().uri("/agreements/" + agreement)).hasStatusOk().bodyText()
			.contains("Where it began", "Began at a meeting at", "href=\"/events/" + this.forum.slug + "\"", "Fixture forum",
					"href=\"/agreements?forum=" + this.forum.slug + "\"")
			.doesNotContain("Someone");
		assertThat(this.mvc.get().uri("/agreements?forum=" + this.forum.slug)).hasStatusOk().bodyText()
			.contains("href=\"/agreements/" + agreement + "\"", "<option value=\"" + this.forum.slug + "\" selected");
		assertThat(this.mvc.get().uri("/agreements?forum=" + new EventFixtures(this.jdbc).slug)).hasStatusOk().bodyText()
			.doesNotContain("href=\"/agreements/" + agreement + "\"");
		assertThat(this.mvc.get().uri("/agreements").param("forum", "<b>x")).hasStatusOk().bodyText()
			.contains("is not the address of a forum").doesNotContain("<b>x");
		assertThat(this.mvc.get().uri("/agreements?forum=" + this.forum.slug).with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatusOk().bodyText().contains("Began at a meeting at the forum");

		// Ghent's delegate withdraws their consent: their profile and its meetings go, this one too (it is
		// personal to the two who met), but the forum where the partnership began is the request's own record.
		assertThat(this.mvc.post().uri("/events/" + this.forum.slug + "/meetings/withdraw").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT))).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT count(*) FROM meetings WHERE id = ?").param(this.held).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_requests WHERE id = ? AND meeting_id IS NULL").param(request)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(this.reads.forumsOf(agreement)).extracting(Requests.Forum::eventId).containsExactly(this.forum.event);
		assertThat(this.reads.forumsOf(agreement)).extracting(Requests.Forum::meetingAt).containsOnlyNulls();
		// Still "began at the forum", now with the forum's days rather than the meeting's.
		assertThat(this.mvc.get().uri("/agreements/" + agreement)).hasStatusOk().bodyText()
			.contains("Where it began", "Began at a meeting at", "href=\"/events/" + this.forum.slug + "\"", "Fixture forum",
					org.citybridge.system.Moments.days(java.time.LocalDate.of(2025, 3, 28), java.time.LocalDate.of(2025, 3, 30),
							Locale.ENGLISH), "href=\"/agreements?forum=" + this.forum.slug + "\"")
			.doesNotContain("Someone");
		assertThat(this.mvc.get().uri("/agreements?forum=" + this.forum.slug)).hasStatusOk().bodyText()
			.contains("href=\"/agreements/" + agreement + "\"", "<option value=\"" + this.forum.slug + "\" selected");
		assertThat(this.mvc.get().uri("/agreements/" + agreement).header("Accept-Language", "fr")).hasStatusOk().bodyText()
			.contains("href=\"/agreements?forum=" + this.forum.slug + "\"");

		// The forum itself deleted: then, and only then, the agreement has no forum to name.
		this.jdbc.sql("DELETE FROM events WHERE id = ?").param(this.forum.event).update();
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_requests WHERE id = ? AND meeting_event_id IS NULL").param(request)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(this.reads.forumsOf(agreement)).isEmpty();
		assertThat(this.mvc.get().uri("/agreements/" + agreement)).hasStatusOk().bodyText().doesNotContain("Where it began");
	}

	@Test
	void theForumIsWrittenFromTheMeetingAndNoWriterPointsARequestAtAnotherForum() {
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		long request = this.jdbc.sql("""
				INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, meeting_id) VALUES (?, ?, 'x', ?)
				RETURNING id
				""").params(this.darkhan, this.ghent, this.held).query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT meeting_event_id FROM partnership_requests WHERE id = ?").param(request).query(Long.class)
			.single()).isEqualTo(this.forum.event);

		EventFixtures other = new EventFixtures(this.jdbc);
		try {
			// A request without a meeting names no forum; one with a meeting names no other forum than the meeting's.
			assertThatThrownBy(() -> this.jdbc.sql("""
					INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, meeting_event_id) VALUES (?, ?, 'x', ?)
					""").params(this.darkhan, nis, this.forum.event).update())
				.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("partnership_requests_meeting_event_ck");
			assertThatThrownBy(() -> this.jdbc.sql("UPDATE partnership_requests SET meeting_event_id = ? WHERE id = ?")
				.params(other.event, request).update())
				.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("partnership_requests_meeting_event_ck");

			// The meeting going (a participant withdrew) leaves the forum; the request may not be given another.
			this.jdbc.sql("DELETE FROM meeting_profiles WHERE event_id = ? AND account_id = ?")
				.params(this.forum.event, account(AccountTestSupport.OFFICER_DARKHAN)).update();
			assertThat(this.jdbc.sql("SELECT meeting_event_id FROM partnership_requests WHERE id = ? AND meeting_id IS NULL")
				.param(request).query(Long.class).single()).isEqualTo(this.forum.event);
			assertThatThrownBy(() -> this.jdbc.sql("UPDATE partnership_requests SET meeting_event_id = ? WHERE id = ?")
				.params(other.event, request).update())
				.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("partnership_requests_meeting_event_ck");
		}
		finally {
			this.jdbc.sql("DELETE FROM events WHERE id = ?").param(other.event).update();
		}
	}

	/** A staff member of the forum's host, who may sign in. */
	String hostStaff() {
		String email = "host-" + java.util.UUID.randomUUID() + "@example.org";
		this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, role, organisation_id, password_hash, enabled)
				SELECT ?, 'Host staff', 'STAFF', host_organisation_id, 'x', true FROM events WHERE id = ?
				""").params(email, this.forum.event).update();
		return email;
	}

	String status(long meeting) {
		return this.jdbc.sql("SELECT status FROM meetings WHERE id = ?").param(meeting).query(String.class).single();
	}

	@Test
	void aHeldMeetingThatARequestContinuesStaysHeldAndTheOrganiserReadsWhichRequest() {
		this.requests.send(actor(AccountTestSupport.OFFICER_DARKHAN), "test", this.ghent,
				new RequestForm(List.of(), "As we said", null, String.valueOf(this.held)), "http://x", Locale.ENGLISH);
		String staff = hostStaff();
		String manage = "/events/" + this.forum.slug + "/manage/meetings";
		String mark = manage + "/" + this.held + "/mark";

		// Only the host's staff mark meetings: not an officer who met there, not another network's staff, not a visitor.
		assertThat(this.mvc.post().uri(mark).with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT)).param("outcome", "MISSED"))
			.hasStatus(403);
		assertThat(this.mvc.post().uri(mark).with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)).param("outcome", "MISSED"))
			.hasStatus(403);
		assertThat(this.mvc.post().uri(mark).param("outcome", "MISSED")).hasStatus(403);
		assertThat(status(this.held)).isEqualTo("HELD");

		// The organiser: refused with the page again, naming the request's municipalities and its day.
		assertThat(this.mvc.post().uri(mark).with(csrf()).with(as(staff)).param("outcome", "MISSED")).hasStatusOk().bodyText()
			.contains("This meeting stays held: the partnership request that Darkhan sent to Ghent on", "role=\"alert\"",
					"Meeting programme");
		assertThat(this.mvc.post().uri(mark).header("Accept-Language", "mn").with(csrf()).with(as(staff)).param("outcome", "MISSED"))
			.hasStatusOk().bodyText().contains("Энэ уулзалт «болсон» хэвээр үлдэнэ", "Хүсэлт илгээсэн:");
		assertThat(this.mvc.post().uri(mark).header("Accept-Language", "fr").with(csrf()).with(as(staff)).param("outcome", "MISSED"))
			.hasStatusOk().bodyText().contains("Ce rendez-vous reste marqué comme tenu", "Darkhan");
		assertThat(status(this.held)).isEqualTo("HELD");
		// The organiser's list no longer offers "missed" for it, and says why (the list shows meetings at a table).
		long table = this.jdbc.sql("INSERT INTO meeting_tables (event_id, number) VALUES (?, 1) RETURNING id")
			.param(this.forum.event).query(Long.class).single();
		this.jdbc.sql("UPDATE meetings SET table_id = ? WHERE id = ?").params(table, this.held).update();
		assertThat(this.mvc.get().uri(manage).with(as(staff))).hasStatusOk().bodyText()
			.contains("This meeting stays held: a partnership request continues it")
			.doesNotContain("action=\"" + mark + "\"");

		// Bad input answers 404 or a message, never a 500.
		assertThat(this.mvc.post().uri(manage + "/abc/mark").with(csrf()).with(as(staff)).param("outcome", "MISSED")).hasStatus(404);
		assertThat(this.mvc.post().uri(manage + "/999999999/mark").with(csrf()).with(as(staff)).param("outcome", "MISSED"))
			.hasStatus(404);
		assertThat(this.mvc.post().uri(mark).with(csrf()).with(as(staff)).param("outcome", "<b>LOST")).hasStatusOk().bodyText()
			.contains("This meeting cannot be marked so.").doesNotContain("<b>LOST");
		assertThat(this.mvc.post().uri(mark).with(csrf()).with(as(staff))).hasStatusOk().bodyText()
			.contains("This meeting cannot be marked so.");

		// The database holds the rule against a writer that skips the page.
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE meetings SET status = 'MISSED' WHERE id = ?").param(this.held).update())
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("meetings_held_origin_ck");

		// A held meeting no request continues may still be corrected: missed, then held again.
		long other = meeting(AccountTestSupport.OFFICER_DARKHAN, AccountTestSupport.OFFICER_GHENT, "13:20", "HELD");
		assertThat(this.mvc.post().uri(manage + "/" + other + "/mark").with(csrf()).with(as(staff)).param("outcome", "MISSED"))
			.hasStatus3xxRedirection().hasRedirectedUrl(manage + "#meetings");
		assertThat(status(other)).isEqualTo("MISSED");
		assertThat(this.mvc.post().uri(manage + "/" + other + "/mark").with(csrf()).with(as(staff)).param("outcome", "HELD"))
			.hasStatus3xxRedirection();
		assertThat(status(other)).isEqualTo("HELD");
	}

	/**
	 * A request naming a held meeting and the organiser marking it missed at the same instant: one of
	 * the two is refused, whichever comes second, so a request never names a meeting that was not held.
	 */
	@Test
	void aRequestAndAMarkAtTheSameInstantNeverLeaveARequestNamingAMissedMeeting() throws Exception {
		for (int round = 0; round < 10; round++) {
			this.jdbc.sql("DELETE FROM partnership_requests").update();
			this.jdbc.sql("DELETE FROM meetings WHERE event_id = ?").param(this.forum.event).update();
			long meeting = meeting(AccountTestSupport.OFFICER_DARKHAN, AccountTestSupport.OFFICER_GHENT, "14:00", "HELD");
			java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			try {
				var request = pool.submit(() -> attempt(together, () -> this.jdbc.sql("""
						INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, meeting_id) VALUES (?, ?, 'x', ?)
						""").params(this.darkhan, this.ghent, meeting).update()));
				var mark = pool.submit(() -> attempt(together,
						() -> this.jdbc.sql("UPDATE meetings SET status = 'MISSED' WHERE id = ?").param(meeting).update()));
				assertThat(List.of(request.get(60, java.util.concurrent.TimeUnit.SECONDS), mark.get(60, java.util.concurrent.TimeUnit.SECONDS)))
					.as("exactly one of the two stands").containsExactlyInAnyOrder(true, false);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM partnership_requests r JOIN meetings m ON m.id = r.meeting_id WHERE m.status <> 'HELD'
					""").query(Long.class).single()).isZero();
		}
	}

	private static boolean attempt(java.util.concurrent.CyclicBarrier together, Runnable write) throws Exception {
		together.await(30, java.util.concurrent.TimeUnit.SECONDS);
		try {
			write.run();
			return true;
		}
		catch (DataIntegrityViolationException refused) {
			return false;
		}
	}

	@Test
	void onlyAMeetingHeldBetweenTheTwoMunicipalitiesIsRecordedAndTheDatabaseRefusesAnyOther() {
		long accepted = meeting(AccountTestSupport.OFFICER_DARKHAN, AccountTestSupport.OFFICER_GHENT, "13:20", "ACCEPTED");
		Actor darkhanOfficer = actor(AccountTestSupport.OFFICER_DARKHAN);
		long nis = AccountTestSupport.municipalityId(this.context, NIS);

		// Not held yet, not between Darkhan and Nis, or not a meeting at all: refused, nothing saved.
		for (Object[] attempt : List.of(new Object[] { this.ghent, String.valueOf(accepted) }, new Object[] { nis, String.valueOf(this.held) },
				new Object[] { this.ghent, "999999999" }, new Object[] { this.ghent, "abc" })) {
			assertThatThrownBy(() -> this.requests.send(darkhanOfficer, "test", (long) attempt[0],
					new RequestForm(List.of(), "Hello", null, (String) attempt[1]), "http://x", Locale.ENGLISH))
				.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("matchmaking.request.error.meeting"));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_requests").query(Long.class).single()).isZero();
		// The form leaves out a meeting it may not continue, rather than failing.
		assertThat(this.requests.recipientForm(darkhanOfficer, nis, List.of(), String.valueOf(this.held)).meetingEvent()).isNull();
		assertThat(this.mvc.post().uri("/municipalities/" + nis + "/requests/new").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.with(csrf()).param("message", "Hello").param("meeting", String.valueOf(this.held))).hasStatusOk().bodyText()
			.contains("That meeting was not held between your municipality and this one").doesNotContain("name=\"meeting\"");

		// The database holds the same rule against a writer that skips the service.
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, meeting_id) VALUES (?, ?, 'x', ?)
				""").params(this.darkhan, this.ghent, accepted).update())
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("partnership_requests_meeting_ck");
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, meeting_id) VALUES (?, ?, 'x', ?)
				""").params(this.darkhan, nis, this.held).update())
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("partnership_requests_meeting_ck");
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, meeting_id) VALUES (?, ?, 'x', ?)
				""").params(this.darkhan, this.ghent, 999999999L).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		// From Ghent to Darkhan is the same meeting seen from the other side.
		this.jdbc.sql("INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, meeting_id) VALUES (?, ?, 'x', ?)")
			.params(this.ghent, this.darkhan, this.held).update();
	}

	@Test
	void aRequestThatLedToTheAgreementThePairAlreadyHadIsNotItsOrigin() {
		long existing = this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key, created_at, updated_at)
				VALUES ('SISTER_CITY', 'Ghent and Darkhan since 2019', 'ACTIVE', ?, now() - interval '1 day', now() - interval '1 day')
				RETURNING id
				""").param(new Long[] { this.darkhan, this.ghent }).query(Long.class).single();
		long request = this.requests.send(actor(AccountTestSupport.OFFICER_DARKHAN), "test", this.ghent,
				new RequestForm(List.of(), "Hello again", null, String.valueOf(this.held)), "http://x", Locale.ENGLISH);
		this.requests.accept(actor(AccountTestSupport.OFFICER_GHENT), "test", request, "http://x", Locale.ENGLISH);
		assertThat(this.jdbc.sql("SELECT agreement_id FROM partnership_requests WHERE id = ?").param(request).query(Long.class)
			.single()).isEqualTo(existing);
		assertThat(this.reads.forumsOf(existing)).isEmpty();
	}
}
