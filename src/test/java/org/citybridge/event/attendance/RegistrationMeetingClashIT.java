package org.citybridge.event.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.event.EventFixtures;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Registering for a session after a meeting (V87): a session over a meeting that holds the
 * person's slot (accepted, or asked for and unanswered) is refused with the meeting named, and
 * PostgreSQL refuses it whoever writes; a request whose slot began has expired and holds nothing.
 */
class RegistrationMeetingClashIT extends DemoDataIntegrationTest {

	EventFixtures f;

	long darkhan;

	long ghent;

	@BeforeEach
	void setUp() {
		this.f = new EventFixtures(this.jdbc);
		// Ahead of the portal's clock, so that its own Registrations take registrations for it.
		this.jdbc.sql("UPDATE events SET starts_on = DATE '2027-03-28', ends_on = DATE '2027-03-30', registration_open = true WHERE id = ?")
			.param(this.f.event).update();
		this.jdbc.sql("INSERT INTO meeting_programmes (event_id, slot_minutes) VALUES (?, 20)").param(this.f.event).update();
		this.jdbc.sql("INSERT INTO meeting_windows (event_id, starts_at, ends_at) VALUES (?, ?, ?)")
			.params(this.f.event, brussels(14, 0), brussels(16, 0)).update();
		this.darkhan = account(AccountTestSupport.OFFICER_DARKHAN);
		this.ghent = account(AccountTestSupport.OFFICER_GHENT);
		for (long person : new long[] { this.darkhan, this.ghent }) {
			this.jdbc.sql("""
					INSERT INTO meeting_profiles (event_id, account_id, person_name, represents, country_code)
					VALUES (?, ?, ?, 'City', 'BE')
					""").params(this.f.event, person, person == this.ghent ? "Griet Gentenaar" : "Bat Darkhan").update();
		}
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM events WHERE id = ?").param(this.f.event).update();
	}

	long account(String email) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(email).query(Long.class).single();
	}

	static Timestamp brussels(int hour, int minute) {
		return Timestamp.from(LocalDateTime.of(2027, 3, 28, hour, minute).atZone(EventFixtures.BRUSSELS).toInstant());
	}

	long meeting(int hour, int minute, String status) {
		Timestamp starts = brussels(hour, minute);
		return this.jdbc.sql("""
				INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, status) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
				""").params(this.f.event, this.ghent, this.darkhan, starts, Timestamp.from(starts.toInstant().plusSeconds(1200)), status)
			.query(Long.class).single();
	}

	long session(String title, int fromHour, int fromMinute, int toHour, int toMinute) {
		long id = this.f.session(title, null, LocalDateTime.of(2027, 3, 28, fromHour, fromMinute),
				LocalDateTime.of(2027, 3, 28, toHour, toMinute));
		this.jdbc.sql("UPDATE sessions SET capacity = 100 WHERE id = ?").param(id).update();
		return id;
	}

	long registrations(long session) {
		return this.jdbc.sql("SELECT count(*) FROM registrations WHERE session_id = ?").param(session).query(Long.class).single();
	}

	Registrations at(Instant now) {
		Registrations real = this.context.getBean(Registrations.class);
		return new Registrations(this.jdbc, real.catalogue(), real.audit(), real.transactions(), Clock.fixed(now, ZoneOffset.UTC),
				real.notices());
	}

	@Test
	void aSessionOverAnAcceptedMeetingIsRefusedNamingTheMeetingAndNothingIsRegistered() {
		meeting(14, 20, "ACCEPTED");
		long workshop = session("Workshop", 14, 0, 15, 0);
		String page = "/events/" + this.f.slug + "/sessions/" + workshop;

		assertThat(this.mvc.post().uri(page + "/registration").with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf()))
			.hasStatus3xxRedirection().flash().containsEntry("refusal", "event.registration.error.meeting")
			.hasEntrySatisfying("refusalArguments", args -> {
				assertThat(((Object[]) args)[0]).isEqualTo("Griet Gentenaar");
				assertThat((String) ((Object[]) args)[1]).contains("14:20", "14:40");
			});
		assertThat(registrations(workshop)).isZero();

		// The session's page says so, the other side's name kept out of translation.
		assertThat(this.mvc.get().uri(page).flashAttr("refusal", "event.registration.error.meeting")
			.flashAttr("refusalArguments", new Object[] { "Griet Gentenaar", "14:20–14:40" })).hasStatusOk().bodyText()
			.contains("This session overlaps your accepted meeting with <span translate=\"no\">Griet Gentenaar</span> (14:20–14:40)");

		// Someone with no meeting registers as before.
		assertThat(this.mvc.post().uri(page + "/registration").with(as(AccountTestSupport.STAFF_NALAS)).with(csrf()))
			.hasStatus3xxRedirection().flash().containsKey("flash");
		assertThat(registrations(workshop)).isEqualTo(1);

		// PostgreSQL holds the rule against a writer that skips the service, for a seat or a place on the waiting list.
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO registrations (event_id, session_id, account_id, status) VALUES (?, ?, ?, 'WAITING')")
			.params(this.f.event, workshop, this.ghent).update())
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("registrations_meeting_clash_ck");
	}

	@Test
	void aPendingRequestHoldsTheSlotUntilItsSlotBeginsAndADeclinedOneNever() {
		long asked = meeting(15, 0, "REQUESTED");
		long talk = session("Talk", 15, 0, 15, 40);
		Actor darkhan = ((Actor.Source) this.users.loadUserByUsername(AccountTestSupport.OFFICER_DARKHAN)).actor();
		Registrations before = at(brussels(9, 0).toInstant());

		assertThatThrownBy(() -> before.register(darkhan, "darkhan", this.f.slug, talk, Locale.FRENCH))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).isEqualTo("event.registration.error.meetingAsked");
				assertThat(r.arguments()[0]).isEqualTo("Griet Gentenaar");
				assertThat((String) r.arguments()[1]).contains("15:00", "15:20");
			});
		assertThat(before.answer(darkhan, "darkhan", this.f.slug, String.valueOf(talk), false, Locale.ENGLISH).refusal())
			.isEqualTo("event.registration.error.meetingAsked");
		assertThat(registrations(talk)).isZero();

		// Ten minutes into the slot the request has expired, by the portal's clock: the session is free.
		Registrations during = at(brussels(15, 10).toInstant());
		assertThat(during.register(darkhan, "darkhan", this.f.slug, talk, Locale.ENGLISH)).isNotNull();
		assertThat(this.jdbc.sql("SELECT status FROM meetings WHERE id = ?").param(asked).query(String.class).single())
			.isEqualTo("EXPIRED");

		// A declined meeting holds nobody's slot.
		meeting(14, 0, "DECLINED");
		long early = session("Early", 14, 0, 14, 30);
		assertThat(before.register(darkhan, "darkhan", this.f.slug, early, Locale.ENGLISH)).isNotNull();
	}

	@Test
	void aMeetingIsStillRefusedOverASessionRegisteredFirst() {
		long panel = session("Panel", 14, 0, 15, 0);
		assertThat(at(brussels(9, 0).toInstant()).register(
				((Actor.Source) this.users.loadUserByUsername(AccountTestSupport.OFFICER_DARKHAN)).actor(), "darkhan", this.f.slug,
				panel, Locale.ENGLISH)).isNotNull();
		assertThatThrownBy(() -> meeting(14, 40, "ACCEPTED")).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("meetings_session_clash_ck");
	}
}
