package org.citybridge.event;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** An event of its own for each test, so tests never share rooms or speakers. */
public final class EventFixtures {

	public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	final JdbcClient jdbc;

	public final long event;

	public final long room;

	public final long otherRoom;

	public final long speaker;

	public final String slug;

	final long organisation;

	public EventFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
		String unique = UUID.randomUUID().toString().substring(0, 8);
		this.organisation = jdbc.sql("INSERT INTO organisations (name, kind) VALUES (?, 'REGIONAL') RETURNING id")
			.param("Fixture network " + unique).query(Long.class).single();
		this.slug = "fixture-" + unique;
		this.event = jdbc.sql("""
				INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name)
				VALUES (?, 'Fixture forum', 'FORUM', ?, DATE '2025-03-28', DATE '2025-03-30', 'Europe/Brussels', 'Hall')
				RETURNING id
				""").params("fixture-" + unique, this.organisation).query(Long.class).single();
		this.room = jdbc.sql("INSERT INTO rooms (event_id, name) VALUES (?, 'Room 1') RETURNING id").param(this.event)
			.query(Long.class).single();
		this.otherRoom = jdbc.sql("INSERT INTO rooms (event_id, name) VALUES (?, 'Room 2') RETURNING id").param(this.event)
			.query(Long.class).single();
		this.speaker = jdbc.sql("INSERT INTO speakers (name) VALUES (?) RETURNING id").param("Speaker " + unique)
			.query(Long.class).single();
	}

	/** A session on a day of the fixture event, times in Brussels. */
	public long session(String title, Long room, LocalDateTime starts, LocalDateTime ends) {
		return this.jdbc.sql("""
				INSERT INTO sessions (event_id, title, starts_at, ends_at, room_id, kind) VALUES (?, ?, ?, ?, ?, 'PANEL') RETURNING id
				""").params(this.event, title, brussels(starts), brussels(ends), room).query(Long.class).single();
	}

	/** A signed-in delegate with an account of their own. */
	public org.citybridge.system.Actor delegate() {
		long id = this.jdbc.sql("INSERT INTO accounts (email, role) VALUES (?, 'ADMIN') RETURNING id")
			.param("delegate-" + UUID.randomUUID() + "@example.org").query(Long.class).single();
		return new org.citybridge.system.Actor(id, org.citybridge.system.Actor.Role.ADMIN, null, null);
	}

	public void speaks(long session, long speaker) {
		this.jdbc.sql("INSERT INTO session_speakers (session_id, speaker_id, during) VALUES (?, ?, 'empty')")
			.params(session, speaker).update();
	}

	static Timestamp brussels(LocalDateTime time) {
		return Timestamp.from(time.atZone(BRUSSELS).toInstant());
	}

	public static LocalDateTime at(int day, int hour, int minute) {
		return LocalDate.of(2025, 3, day).atTime(hour, minute);
	}
}
