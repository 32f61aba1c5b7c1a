package org.citybridge.event;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demonstration meetings (issue 23), marked as demo data: at the Brussels forum a meeting window on
 * 17 February 2025 (the networking meeting at the House of Municipalities) with demo delegates of
 * Mongolian and European municipalities and the meetings they held; and at the upcoming demo forum
 * a window with booking open, the same delegates registered and opted in. The delegates' accounts
 * cannot sign in (no password): they are there to be found and asked. Loads once per event.
 */
@Service
public class MeetingDemoData {

	record DemoDelegate(String key, String name, long geonamesId, String country, List<String> languages,
			String interpretation) {
	}

	static final List<DemoDelegate> DELEGATES = List.of(
			new DemoDelegate("ulaanbaatar", "Delegate of Ulaanbaatar (demo)", 2028462L, "MN", List.of("mn", "en"), "EN"),
			new DemoDelegate("erdenet", "Delegate of Erdenet (demo)", 2031405L, "MN", List.of("mn", "ru"), "FR"),
			new DemoDelegate("darkhan", "Delegate of Darkhan (demo)", 2031964L, "MN", List.of("mn", "en"), "NONE"),
			new DemoDelegate("ghent", "Delegate of Ghent (demo)", 2797656L, "BE", List.of("nl", "en", "fr"), "NONE"),
			new DemoDelegate("liege", "Delegate of Liège (demo)", 2792413L, "BE", List.of("fr", "en"), "NONE"),
			new DemoDelegate("bonn", "Delegate of Bonn (demo)", 2946447L, "DE", List.of("de", "en"), "NONE"));

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final JdbcClient jdbc;

	MeetingDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Loads both events' demo meetings, each unless its programme is there already (or the event is not). */
	@Transactional
	public void load() {
		List<Long> accounts = new ArrayList<>();
		for (DemoDelegate d : DELEGATES) {
			accounts.add(account(d));
		}
		eventId(EventDemoData.SLUG).filter(this::noProgramme).ifPresent(event -> {
			programme(event, EventDemoData.DAY1, 10, 0, 11, 30, false);
			profiles(event, accounts, false);
			// The meetings held that morning: Ulaanbaatar–Ghent, Erdenet–Liège, Darkhan–Bonn at 10:00; Ulaanbaatar–Bonn at 10:20.
			meeting(event, accounts.get(0), accounts.get(3), EventDemoData.DAY1.atTime(10, 0), "HELD", 1);
			meeting(event, accounts.get(1), accounts.get(4), EventDemoData.DAY1.atTime(10, 0), "HELD", 2);
			meeting(event, accounts.get(2), accounts.get(5), EventDemoData.DAY1.atTime(10, 0), "MISSED", 3);
			meeting(event, accounts.get(5), accounts.get(0), EventDemoData.DAY1.atTime(10, 20), "HELD", 1);
		});
		eventId(EventDemoData.UPCOMING_SLUG).filter(this::noProgramme).ifPresent(event -> {
			LocalDate day = this.jdbc.sql("SELECT starts_on FROM events WHERE id = ?").param(event).query(LocalDate.class).single();
			programme(event, day, 14, 0, 16, 0, true);
			profiles(event, accounts, true);
			meeting(event, accounts.get(0), accounts.get(3), day.atTime(14, 0), "ACCEPTED", 1);
			meeting(event, accounts.get(4), accounts.get(1), day.atTime(14, 20), "REQUESTED", null);
		});
	}

	private Optional<Long> eventId(String slug) {
		return this.jdbc.sql("SELECT id FROM events WHERE slug = ?").param(slug).query(Long.class).optional();
	}

	private boolean noProgramme(long event) {
		return !this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM meeting_programmes WHERE event_id = ?)").param(event)
			.query(Boolean.class).single();
	}

	private long account(DemoDelegate d) {
		String email = "demo.delegate." + d.key() + "@citybridge.example";
		return this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, role) VALUES (?, ?, 'DELEGATE')
				ON CONFLICT ((lower(email))) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id
				""").params(email, d.name()).query(Long.class).single();
	}

	private void programme(long event, LocalDate day, int fromHour, int fromMinute, int toHour, int toMinute, boolean open) {
		this.jdbc.sql("INSERT INTO meeting_programmes (event_id, slot_minutes, booking_open) VALUES (?, 20, ?)").params(event, open)
			.update();
		this.jdbc.sql("INSERT INTO meeting_windows (event_id, starts_at, ends_at) VALUES (?, ?, ?)")
			.params(event, at(day.atTime(fromHour, fromMinute)), at(day.atTime(toHour, toMinute))).update();
		for (int table = 1; table <= 10; table++) {
			this.jdbc.sql("INSERT INTO meeting_tables (event_id, number, room) VALUES (?, ?, 'House of Municipalities')")
				.params(event, table).update();
		}
	}

	private void profiles(long event, List<Long> accounts, boolean register) {
		for (int i = 0; i < DELEGATES.size(); i++) {
			DemoDelegate d = DELEGATES.get(i);
			long account = accounts.get(i);
			if (register) {
				this.jdbc.sql("""
						INSERT INTO registrations (event_id, account_id, status) SELECT ?, ?, 'WAITING'
						WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = ? AND target = 0 AND account_id = ?)
						""").params(event, account, event, account).update();
			}
			this.jdbc.sql("""
					INSERT INTO meeting_profiles (event_id, account_id, person_name, municipality_id, represents, country_code,
					                              offers, seeks, languages, about, interpretation, demo)
					SELECT ?, ?, ?, m.id, m.name, ?,
					       ARRAY(SELECT theme_code FROM municipality_offered_themes WHERE municipality_id = m.id ORDER BY 1),
					       ARRAY(SELECT theme_code FROM municipality_sought_themes WHERE municipality_id = m.id ORDER BY 1),
					       ?, ?, ?, true
					FROM municipalities m WHERE m.geonames_id = ?
					""").params(event, account, d.name(), d.country(), d.languages().toArray(String[]::new),
					null, d.interpretation(), d.geonamesId())
				.update();
		}
	}

	private void meeting(long event, long requester, long invitee, LocalDateTime starts, String status, Integer table) {
		boolean both = this.jdbc.sql("SELECT count(*) = 2 FROM meeting_profiles WHERE event_id = ? AND account_id IN (?, ?)")
			.params(event, requester, invitee).query(Boolean.class).single();
		if (!both) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, status, table_id, message, demo)
				VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM meeting_tables WHERE event_id = ? AND number = ?), CAST(? AS varchar), true)
				""").params(event, requester, invitee, at(starts), at(starts.plusMinutes(20)), status, event, table,
				null).update();
	}

	private static Timestamp at(LocalDateTime time) {
		return Timestamp.from(time.atZone(BRUSSELS).toInstant());
	}
}
