package org.citybridge.event.programme;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.citybridge.DemoDataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.citybridge.event.EventDemoData;
import org.citybridge.event.EventWeb;
import org.citybridge.event.IcsParser;

import static org.assertj.core.api.Assertions.assertThat;

/** The public event pages: the list, the overview, the agenda in one or two zones, and .ics files. */
class EventPagesIT extends DemoDataIntegrationTest {

	static final String AGENDA = "/events/" + EventDemoData.SLUG + "/agenda";

	@BeforeEach
	void setUp() {
		this.context.getBean(EventDemoData.class).load();
	}

	@Test
	void loadingTheDemoProgrammeTwiceAddsNothing() {
		long sessions = this.jdbc.sql("SELECT count(*) FROM sessions").query(Long.class).single();
		this.context.getBean(EventDemoData.class).load();
		assertThat(this.jdbc.sql("SELECT count(*) FROM sessions").query(Long.class).single()).isEqualTo(sessions);
	}

	@Test
	void listsTheBrusselsForumAmongPastEvents() {
		assertThat(this.mvc.get().uri("/events")).hasStatusOk().bodyText()
			.contains("Past events", "Networking and Best Practice Forum", "hosted by CEMR", "aria-current=\"page\"");
	}

	/** Issue 19: a delegate could not try registering, the only demo forum being over. */
	@Test
	void listsAnUpcomingDemonstrationForumOpenForRegistration() {
		assertThat(this.mvc.get().uri("/events")).hasStatusOk().bodyText()
			.contains("Upcoming events", "Follow-up forum on European–Mongolian city partnerships (demo)");
		assertThat(this.mvc.get().uri("/events/" + EventDemoData.UPCOMING_SLUG)).hasStatusOk().bodyText()
			.contains("A demonstration event, not a real forum")
			.contains("60 seats: 0 taken", "/login?next=/events/" + EventDemoData.UPCOMING_SLUG)
			.doesNotContain("This event has ended");
	}

	@Test
	void showsTheOverviewWithVenueTracksAndSpeakers() {
		assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG)).hasStatusOk().bodyText()
			.contains("House of Municipalities", "Institutional partnerships", "Local capacity for international engagement",
					"<strong translate=\"no\">Dusan Raicevic</strong></a> · <span>President</span> · <span translate=\"no\">NALAS</span>", "Europe/Brussels");
	}

	@Test
	void showsTheAgendaInTheEventsZoneByDefault() {
		assertThat(this.mvc.get().uri(AGENDA)).hasStatusOk().bodyText()
			.contains("All times are in the event’s time zone", "(Europe/Brussels)",
					"Four strategic focus areas for city-to-city partnerships", "datetime=\"2025-02-17T11:30+01:00\"", "CET", "Monday, 17 February 2025")
			.doesNotContain("Your time:");
	}

	@Test
	void switchesToTheViewersZoneShowsBothTimesAndRemembersTheChoice() {
		MvcTestResult result = this.mvc.get().uri(AGENDA + "?tz=Asia/Ulaanbaatar").exchange();
		assertThat(result).hasStatusOk().bodyText()
			.contains("two times side by side", "(Asia/Ulaanbaatar)", "datetime=\"2025-02-17T11:30+01:00\"", "datetime=\"2025-02-17T18:30+08:00\"", "Your time:");
		assertThat(result).cookies().containsCookie(EventWeb.ZONE_COOKIE);
		assertThat(result.getResponse().getCookie(EventWeb.ZONE_COOKIE).getValue()).isEqualTo("Asia/Ulaanbaatar");

		assertThat(this.mvc.get().uri(AGENDA).cookie(new Cookie(EventWeb.ZONE_COOKIE, "Asia/Ulaanbaatar")))
			.hasStatusOk().bodyText().contains("two times side by side", "datetime=\"2025-02-17T18:30+08:00\"");

		MvcTestResult back = this.mvc.get().uri(AGENDA + "?tz=event")
			.cookie(new Cookie(EventWeb.ZONE_COOKIE, "Asia/Ulaanbaatar")).exchange();
		assertThat(back).hasStatusOk().bodyText().doesNotContain("Your time:");
		assertThat(back.getResponse().getCookie(EventWeb.ZONE_COOKIE).getMaxAge()).isZero();
	}

	@Test
	void aZoneThatDoesNotExistGetsAMessageNeverAnError() {
		MvcTestResult result = this.mvc.get().uri(AGENDA + "?tz=Mars/Olympus_Mons").exchange();
		assertThat(result).hasStatusOk().bodyText().contains("is not a time zone we know", "Mars/Olympus_Mons",
				"Four strategic focus areas");
		assertThat(result.getResponse().getCookie(EventWeb.ZONE_COOKIE)).isNull();
		assertThat(this.mvc.get().uri(AGENDA).param("tz", "<script>alert(1)</script>")).hasStatusOk().bodyText()
			.contains("&lt;script&gt;").doesNotContain("<script>alert(1)");
		assertThat(this.mvc.get().uri(AGENDA + "?tz=%2B08:00")).hasStatusOk().bodyText().contains("is not a time zone we know");
		assertThat(this.mvc.get().uri(AGENDA).cookie(new Cookie(EventWeb.ZONE_COOKIE, "Nowhere/Else")))
			.hasStatusOk().bodyText().doesNotContain("Your time:");
	}

	@Test
	void filtersByTrackAndRoomAndShrugsOffBadFilters() {
		long track = this.jdbc.sql("""
				SELECT t.id FROM tracks t JOIN events e ON e.id = t.event_id WHERE e.slug = ? AND t.position = 2
				""").param(EventDemoData.SLUG).query(Long.class).single();
		assertThat(this.mvc.get().uri(AGENDA + "?track=" + track)).hasStatusOk().bodyText()
			.contains("Twinning and TAIEX").doesNotContain("Four strategic focus areas for city-to-city partnerships");
		long room = this.jdbc.sql("SELECT r.id FROM rooms r JOIN events e ON e.id = r.event_id WHERE e.slug = ? AND r.name = ?")
			.params(EventDemoData.SLUG, "House of Municipalities").query(Long.class).single();
		assertThat(this.mvc.get().uri(AGENDA + "?room=" + room)).hasStatusOk().bodyText()
			.contains("Four strategic focus areas").doesNotContain("Twinning and TAIEX");
		assertThat(this.mvc.get().uri(AGENDA + "?track=abc&room=-1")).hasStatusOk().bodyText().contains("Twinning and TAIEX");
		assertThat(this.mvc.get().uri(AGENDA + "?track=999999999")).hasStatusOk().bodyText()
			.contains("No sessions match these filters.");
	}

	@Test
	void servesEachSessionAsAnICalendarFile() {
		long session = this.jdbc.sql("SELECT id FROM sessions WHERE title LIKE 'Four strategic%'").query(Long.class).single();
		MvcTestResult result = this.mvc.get().uri("/events/" + EventDemoData.SLUG + "/sessions/" + session + ".ics").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
		String ics = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;TZID=Europe/Brussels:20250217T113000", "DTEND;TZID=Europe/Brussels:20250217T123000",
				"UID:session-" + session + "@citybridge");
		IcsParser.parse(ics);
		assertThat(this.mvc.get().uri(AGENDA)).bodyText().contains("/sessions/" + session + ".ics");
	}

	@Test
	void answers404ForUnknownEventsAndSessions() {
		assertThat(this.mvc.get().uri("/events/no-such-event")).hasStatus(404);
		assertThat(this.mvc.get().uri("/events/no-such-event/agenda")).hasStatus(404);
		assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG + "/sessions/999999999.ics")).hasStatus(404);
		assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG + "/sessions/abc.ics")).hasStatus(404);
	}
}
