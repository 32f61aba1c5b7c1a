package org.citybridge.event.meetings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.citybridge.event.EventFixtures;
import org.citybridge.system.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event of its own (28–30 March 2025, Brussels) with a meeting programme of 20-minute slots, and
 * people to take part: registered for the event, with a meeting profile, or neither.
 */
final class MeetingFixtures {

	final JdbcClient jdbc;

	final EventFixtures event;

	final long host;

	final String unique = UUID.randomUUID().toString().substring(0, 8);

	MeetingFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.event = new EventFixtures(jdbc);
		this.host = jdbc.sql("SELECT host_organisation_id FROM events WHERE id = ?").param(this.event.event).query(Long.class).single();
		jdbc.sql("UPDATE events SET registration_open = true WHERE id = ?").param(this.event.event).update();
		jdbc.sql("INSERT INTO meeting_programmes (event_id, slot_minutes) VALUES (?, 20)").param(this.event.event).update();
	}

	long eventId() {
		return this.event.event;
	}

	String slug() {
		return this.event.slug;
	}

	/** A window on a day of March 2025, Brussels times. */
	void window(LocalDateTime from, LocalDateTime to) {
		this.jdbc.sql("INSERT INTO meeting_windows (event_id, starts_at, ends_at) VALUES (?, ?, ?)")
			.params(eventId(), brussels(from), brussels(to)).update();
	}

	void tables(int count) {
		int last = this.jdbc.sql("SELECT coalesce(max(number), 0) FROM meeting_tables WHERE event_id = ?").param(eventId())
			.query(Integer.class).single();
		for (int i = 1; i <= count; i++) {
			this.jdbc.sql("INSERT INTO meeting_tables (event_id, number) VALUES (?, ?)").params(eventId(), last + i).update();
		}
	}

	/** A delegate with an account of their own, not registered. */
	Actor delegate() {
		long id = this.jdbc.sql("INSERT INTO accounts (email, display_name, role, password_hash, enabled) VALUES (?, ?, 'DELEGATE', 'x', true) RETURNING id")
			.params("delegate-" + UUID.randomUUID() + "@example.org", "Delegate " + this.unique).query(Long.class).single();
		return new Actor(id, Actor.Role.DELEGATE, null, null);
	}

	/** A staff member of the host organisation. */
	Actor hostStaff() {
		long id = this.jdbc.sql("INSERT INTO accounts (email, role, organisation_id) VALUES (?, 'STAFF', ?) RETURNING id")
			.params("staff-" + UUID.randomUUID() + "@example.org", this.host).query(Long.class).single();
		return new Actor(id, Actor.Role.STAFF, null, this.host);
	}

	/** A staff member of another organisation. */
	Actor otherStaff() {
		long org = this.jdbc.sql("INSERT INTO organisations (name, kind) VALUES (?, 'REGIONAL') RETURNING id")
			.param("Other network " + UUID.randomUUID()).query(Long.class).single();
		long id = this.jdbc.sql("INSERT INTO accounts (email, role, organisation_id) VALUES (?, 'STAFF', ?) RETURNING id")
			.params("staff-" + UUID.randomUUID() + "@example.org", org).query(Long.class).single();
		return new Actor(id, Actor.Role.STAFF, null, org);
	}

	/** A delegate with a seat at the event. */
	Actor registered() {
		Actor actor = delegate();
		this.jdbc.sql("INSERT INTO registrations (event_id, account_id, status) VALUES (?, ?, 'WAITING')")
			.params(eventId(), actor.accountId()).update();
		return actor;
	}

	/** A registered delegate who opted in to meetings. */
	Actor participant(String name) {
		Actor actor = registered();
		this.jdbc.sql("""
				INSERT INTO meeting_profiles (event_id, account_id, person_name, represents, country_code, languages)
				VALUES (?, ?, ?, ?, 'BE', '{en}')
				""").params(eventId(), actor.accountId(), name, name + " city").update();
		return actor;
	}

	/** Registers the person for a session (with seats) of the event. */
	long registeredSession(Actor actor, String title, LocalDateTime from, LocalDateTime to) {
		long session = this.event.session(title + " " + this.unique, null, from, to);
		this.jdbc.sql("UPDATE sessions SET capacity = 100 WHERE id = ?").param(session).update();
		this.jdbc.sql("INSERT INTO registrations (event_id, session_id, account_id, status) VALUES (?, ?, ?, 'WAITING')")
			.params(eventId(), session, actor.accountId()).update();
		return session;
	}

	static Timestamp brussels(LocalDateTime time) {
		return Timestamp.from(time.atZone(EventFixtures.BRUSSELS).toInstant());
	}

	static Instant at(int day, int hour, int minute) {
		return EventFixtures.at(day, hour, minute).atZone(EventFixtures.BRUSSELS).toInstant();
	}
}
