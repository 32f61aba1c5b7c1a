package org.citybridge.event.programme;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.citybridge.DemoDataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.citybridge.event.EventDemoData;
import org.citybridge.event.EventFixtures;
import org.citybridge.event.IcsParser;

import static org.assertj.core.api.Assertions.assertThat;

/** Session and speaker pages, the timetable, the new filters, calendar files, JSON and JSON-LD. */
class AgendaPagesIT extends DemoDataIntegrationTest {

	static final String EVENT = "/events/" + EventDemoData.SLUG;

	long plenary;

	long raicevic;

	@BeforeEach
	void setUp() {
		this.context.getBean(EventDemoData.class).load();
		this.plenary = this.jdbc.sql("SELECT id FROM sessions WHERE title LIKE 'Four strategic%'").query(Long.class).single();
		this.raicevic = this.jdbc.sql("SELECT id FROM speakers WHERE name = 'Dusan Raicevic'").query(Long.class).single();
	}

	static org.springframework.test.web.servlet.setup.MockMvcConfigurer springSecurity() {
		return org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity();
	}

	String body(MvcTestResult result) throws Exception {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	@Test
	void aSessionPageLinksToItsSpeakersAndTheSpeakerPageLinksBack() {
		assertThat(this.mvc.get().uri(EVENT + "/sessions/" + this.plenary)).hasStatusOk().bodyText()
			.contains("Four strategic focus areas for city-to-city partnerships", "datetime=\"2025-02-17T11:30+01:00\"",
					"/speakers/" + this.raicevic, "application/ld+json", "\"@type\":\"Event\"", "\"performer\"");
		assertThat(this.mvc.get().uri(EVENT + "/speakers/" + this.raicevic)).hasStatusOk().bodyText()
			.contains("Dusan Raicevic", "President", "NALAS", "Network of Associations of Local Authorities",
					"/sessions/" + this.plenary, "Four strategic focus areas");
	}

	@Test
	void unknownOrMalformedSessionsAndSpeakersAre404() {
		assertThat(this.mvc.get().uri(EVENT + "/sessions/999999999")).hasStatus(404);
		assertThat(this.mvc.get().uri(EVENT + "/sessions/abc")).hasStatus(404);
		assertThat(this.mvc.get().uri(EVENT + "/sessions/" + "9".repeat(30))).hasStatus(404);
		assertThat(this.mvc.get().uri(EVENT + "/speakers/999999999")).hasStatus(404);
		assertThat(this.mvc.get().uri(EVENT + "/speakers/-1")).hasStatus(404);
		assertThat(this.mvc.get().uri("/events/nope/speakers/1")).hasStatus(404);
		assertThat(this.mvc.get().uri("/events/nope/agenda.ics")).hasStatus(404);
		assertThat(this.mvc.get().uri("/events/nope/agenda.json")).hasStatus(404);
	}

	@Test
	void theTimetableIsATableWithRoomColumnsAndTimeRows() {
		assertThat(this.mvc.get().uri(EVENT + "/agenda?view=grid&tz=event")).hasStatusOk().bodyText()
			.contains("<table class=\"timetable\">", "<caption>Timetable by room, Monday, 17 February 2025</caption>",
					"<th scope=\"col\">House of Municipalities</th>", "<th scope=\"row\">", "aria-current=\"page\">As a timetable by room");
	}

	@Test
	void filtersByLanguageAndSpeaker() {
		assertThat(this.mvc.get().uri(EVENT + "/agenda?language=French")).hasStatusOk().bodyText()
			.contains("Twinning and TAIEX").doesNotContain("Four strategic focus areas for city-to-city partnerships</a>");
		assertThat(this.mvc.get().uri(EVENT + "/agenda?speaker=" + this.raicevic)).hasStatusOk().bodyText()
			.contains("Four strategic focus areas").doesNotContain("Twinning and TAIEX</a>");
		assertThat(this.mvc.get().uri(EVENT + "/agenda?language=" + "x".repeat(5000) + "&speaker=abc&view=<b>")).hasStatusOk();
		assertThat(this.mvc.get().uri(EVENT + "/agenda?language=Klingon")).hasStatusOk().bodyText()
			.contains("No sessions match these filters.");
	}

	@Test
	void switchingThePortalsLanguageOnTheAgendaKeepsEverySessionAndTheFiltersChosen() {
		// ?lang= is the portal's language (the language switcher); the sessions' language filter is ?language=.
		assertThat(this.mvc.get().uri(EVENT + "/agenda?lang=mn")).hasStatusOk().bodyText()
			// The demo programme is given in Mongolian (issue 20).
			.contains("<html lang=\"mn\"", "Хот хоорондын түншлэлийн стратегийн дөрвөн чиглэл</a>",
					"Твиннинг ба TAIEX: ЕХ-ноос хотуудад үзүүлэх техникийн туслалцаа")
			.doesNotContain("No sessions match these filters.");
		assertThat(this.mvc.get().uri(EVENT + "/agenda?lang=en")).hasStatusOk().bodyText()
			.contains("Four strategic focus areas for city-to-city partnerships</a>");
		// The switcher on a filtered agenda keeps the filter and changes only the language.
		assertThat(this.mvc.get().uri(EVENT + "/agenda?language=French")).hasStatusOk().bodyText()
			.contains("href=\"" + EVENT + "/agenda?language=French&amp;lang=fr\"");
		assertThat(this.mvc.get().uri(EVENT + "/agenda?language=French&lang=fr")).hasStatusOk().bodyText()
			.contains("<html lang=\"fr\"", "Jumelage et TAIEX", "<option value=\"French\" selected>français</option>")
			.doesNotContain("Quatre axes stratégiques pour les partenariats entre villes</a>");
	}

	@Test
	void theWholeEventIsOneCalendarFileThatParses() throws Exception {
		MvcTestResult result = this.mvc.get().uri(EVENT + "/agenda.ics").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
		String ics = body(result);
		Calendar calendar = IcsParser.parse(ics);
		List<VEvent> events = IcsParser.events(calendar);
		long sessions = this.jdbc.sql("SELECT count(*) FROM sessions s JOIN events e ON e.id = s.event_id WHERE e.slug = ?")
			.param(EventDemoData.SLUG).query(Long.class).single();
		assertThat(events).hasSize((int) sessions + 1);
		assertThat(ics).contains("DTSTART;VALUE=DATE:20250217", "DTEND;VALUE=DATE:20250221", "TZID:Europe/Brussels",
				"UID:session-" + this.plenary + "@citybridge");
		// Stable: the same file twice has the same UIDs.
		String again = body(this.mvc.get().uri(EVENT + "/agenda.ics").exchange());
		assertThat(uids(again)).isEqualTo(uids(ics));
	}

	static List<String> uids(String ics) {
		return ics.lines().filter(l -> l.startsWith("UID:")).toList();
	}

	@Test
	void theAgendaIsOpenDataAndTheEventPageCarriesSchemaOrgEvent() throws Exception {
		MvcTestResult result = this.mvc.get().uri(EVENT + "/agenda.json").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/json");
		JsonNode json = JsonMapper.builder().build().readTree(body(result));
		assertThat(json.get("timeZone").asString()).isEqualTo("Europe/Brussels");
		assertThat(json.get("sessions").size()).isGreaterThan(5);
		assertThat(json.get("sessions").get(1).get("startsAt").asString()).isEqualTo("2025-02-17T11:30+01:00");
		String page = body(this.mvc.get().uri(EVENT).exchange());
		String ld = page.substring(page.indexOf("application/ld+json\">") + 21, page.indexOf("</script>", page.indexOf("ld+json")));
		JsonNode event = JsonMapper.builder().build().readTree(ld);
		assertThat(event.get("@type").asString()).isEqualTo("Event");
		assertThat(event.get("startDate").asString()).isEqualTo("2025-02-17");
		assertThat(event.get("location").get("name").asString()).isEqualTo("House of Municipalities");
		assertThat(event.get("location").has("geo")).as("no coordinates, no geo").isFalse();

		// Staff enter the venue's coordinates: search engines get them as GeoCoordinates.
		this.jdbc.sql("UPDATE events SET venue_latitude = 50.8466, venue_longitude = 4.3528 WHERE slug = 'brussels-forum-2025'").update();
		try {
			String located = body(this.mvc.get().uri(EVENT).exchange());
			JsonNode geo = JsonMapper.builder().build()
				.readTree(located.substring(located.indexOf("application/ld+json\">") + 21,
						located.indexOf("</script>", located.indexOf("ld+json"))))
				.get("location").get("geo");
			assertThat(geo.get("@type").asString()).isEqualTo("GeoCoordinates");
			assertThat(geo.get("latitude").asDouble()).isEqualTo(50.8466);
			assertThat(geo.get("longitude").asDouble()).isEqualTo(4.3528);
		}
		finally {
			this.jdbc.sql("UPDATE events SET venue_latitude = NULL, venue_longitude = NULL WHERE slug = 'brussels-forum-2025'").update();
		}
	}

	@Test
	void hostileTitlesCannotBreakOutOfTheJsonLdNorTheAgenda() {
		this.jdbc.sql("UPDATE sessions SET title = ? WHERE id = ?").params("</script><script>alert(1)</script>", this.plenary).update();
		try {
			assertThat(this.mvc.get().uri(EVENT + "/sessions/" + this.plenary)).hasStatusOk().bodyText()
				.doesNotContain("<script>alert(1)").contains("\\u003c/script>");
			// The agenda's entries and timetable cells are written in Java (AgendaMarkup): escaped there too.
			assertThat(this.mvc.get().uri(EVENT + "/agenda?tz=event")).hasStatusOk().bodyText()
				.doesNotContain("<script>alert(1)").contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a></h3>",
						"<span class=\"visually-hidden\">: &lt;/script&gt;");
			assertThat(this.mvc.get().uri(EVENT + "/agenda?tz=event&view=grid")).hasStatusOk().bodyText()
				.doesNotContain("<script>alert(1)").contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>");
		}
		finally {
			this.jdbc.sql("UPDATE sessions SET title = ? WHERE id = ?").params("Four strategic focus areas for city-to-city partnerships",
					this.plenary).update();
		}
	}

	@Test
	void aFixtureEventOverTheSummerTimeChangeShowsBothZonesCorrectly() {
		EventFixtures fixtures = new EventFixtures(this.jdbc);
		fixtures.session("Saturday panel", fixtures.room, EventFixtures.at(29, 10, 0), EventFixtures.at(29, 11, 0));
		fixtures.session("Sunday panel", fixtures.room, EventFixtures.at(30, 10, 0), EventFixtures.at(30, 11, 0));
		assertThat(this.mvc.get().uri("/events/" + fixtures.slug + "/agenda?tz=Asia/Ulaanbaatar")).hasStatusOk().bodyText()
			.contains("datetime=\"2025-03-29T10:00+01:00\"", "datetime=\"2025-03-29T17:00+08:00\"",
					"datetime=\"2025-03-30T10:00+02:00\"", "datetime=\"2025-03-30T16:00+08:00\"", "CET", "CEST");
		String ics = new String(this.mvc.get().uri("/events/" + fixtures.slug + "/agenda.ics").exchange().getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(ics).contains("DTSTART;TZID=Europe/Brussels:20250330T100000", "TZOFFSETTO:+0200");
		IcsParser.parse(ics);
	}

	@Test
	void aLongProgrammeIsShownOneDayAtATimeWithTabsForEachDayAndTheWholeProgramme() {
		EventFixtures fixtures = new EventFixtures(this.jdbc);
		long last = 0;
		for (int day = 28; day <= 30; day++) {
			for (int i = 0; i < 15; i++) {
				last = fixtures.session("Day " + day + " talk " + i, null, EventFixtures.at(day, 8 + i / 2, i % 2 * 30),
						EventFixtures.at(day, 8 + i / 2, i % 2 * 30 + 29));
			}
		}
		fixtures.speaks(last, fixtures.speaker);
		String agenda = "/events/" + fixtures.slug + "/agenda";
		assertThat(this.mvc.get().uri(agenda + "?tz=event")).hasStatusOk().bodyText()
			.contains("Day 28 talk 0</a>", "Day 28 talk 14</a>", "<nav class=\"day-tabs no-print\"",
					"href=\"" + agenda + "?day=2025-03-28\" aria-current=\"page\">Friday, 28 March 2025",
					"href=\"" + agenda + "?day=2025-03-29\">", "(15 sessions)", "Whole programme", "(45 sessions)")
			.doesNotContain("Day 29 talk 0</a>", "Day 30 talk 0</a>");
		assertThat(this.mvc.get().uri(agenda + "?tz=event&day=2025-03-30")).hasStatusOk().bodyText()
			.contains("Day 30 talk 0</a>", "Day 30 talk 14</a>").doesNotContain("Day 28 talk 0</a>");
		assertThat(this.mvc.get().uri(agenda + "?tz=event&day=all")).hasStatusOk().bodyText()
			.contains("Day 28 talk 0</a>", "Day 29 talk 7</a>", "Day 30 talk 14</a>");
		assertThat(this.mvc.get().uri(agenda + "?tz=event&view=grid&day=2025-03-29")).hasStatusOk().bodyText()
			.contains("Day 29 talk 3</a>", "?view=grid&amp;day=2025-03-30").doesNotContain("Day 28 talk 3</a>");
		// A day that is not one of the programme's, or not a date, shows the first day.
		assertThat(this.mvc.get().uri(agenda + "?tz=event&day=2031-01-01")).hasStatusOk().bodyText()
			.contains("Day 28 talk 0</a>").doesNotContain("Day 29 talk 0</a>");
		assertThat(this.mvc.get().uri(agenda).param("day", "<b>")).hasStatusOk().bodyText()
			.contains("Day 28 talk 0</a>").doesNotContain("<b>");
		// Filtered down to a few sessions, they are all shown, whatever their day.
		assertThat(this.mvc.get().uri(agenda + "?tz=event&speaker=" + fixtures.speaker)).hasStatusOk().bodyText()
			.contains("Day 30 talk 14</a>").doesNotContain("Day 28 talk 0</a>");
	}
}
