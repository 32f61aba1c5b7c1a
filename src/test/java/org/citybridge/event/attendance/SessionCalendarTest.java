package org.citybridge.event.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventKind;
import org.citybridge.event.IcsParser;
import org.citybridge.event.SessionKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar files, read back with ical4j. */
class SessionCalendarTest {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	static final EventCatalogue.Event FORUM = new EventCatalogue.Event(1, "forum", "Forum; Brussels, 2025", EventKind.FORUM, 1,
			"CEMR", LocalDate.of(2025, 3, 28), LocalDate.of(2025, 3, 31), BRUSSELS, "House", "Rue d'Arlon 22, Brussels",
			"Four days;\nfour tracks", false, false, null, org.citybridge.system.translation.Translations.NONE);

	static EventCatalogue.Session session(long id, String title, String abstractText, String starts, String ends) {
		return new EventCatalogue.Session(id, 1, title, abstractText, Instant.parse(starts), Instant.parse(ends), 3L, "Room A",
				null, "Track, one", SessionKind.PANEL, null, false, 2, List.of(), null, null,
				org.citybridge.system.translation.Translations.NONE);
	}

	@Test
	void escapesTextAndFoldsALongMongolianTitleWithoutSplittingACharacter() {
		String title = "Улаанбаатар ба Брюссель: хотуудын түншлэл, шинэ боломжууд; хот хоорондын хамтын ажиллагааны сургалт \\ семинар";
		EventCatalogue.Session session = session(7, title, "Line one\nline two, with \\ backslash", "2025-03-28T09:00:00Z",
				"2025-03-28T10:30:00Z");
		String ics = SessionCalendar.of(FORUM, session, "http://localhost/events/forum/sessions/7", NOW);
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(ics).contains("UID:session-7@citybridge\r\n", "DTSTART;TZID=Europe/Brussels:20250328T100000\r\n",
				"DTEND;TZID=Europe/Brussels:20250328T113000\r\n", "DTSTAMP:20260101T000000Z\r\n");
		assertThat(ics.split("\r\n").length).as("the title needs folding").isGreaterThan(ics.replace("\r\n ", "").split("\r\n").length);
		String unfolded = ics.replace("\r\n ", "");
		assertThat(unfolded).contains("SUMMARY:" + title.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;") + "\r\n")
			.contains("DESCRIPTION:Forum\\; Brussels\\, 2025\\n\\nLine one\\nline two\\, with \\\\ backslash\r\n")
			.contains("LOCATION:Room A\\, House\\, Rue d'Arlon 22\\, Brussels\r\n");

		Calendar calendar = IcsParser.parse(ics);
		VEvent event = IcsParser.events(calendar).get(0);
		assertThat(IcsParser.text(event, "SUMMARY")).isEqualTo(title);
		assertThat(IcsParser.text(event, "DESCRIPTION")).isEqualTo("Forum; Brussels, 2025\n\nLine one\nline two, with \\ backslash");
		assertThat(IcsParser.text(event, "UID")).isEqualTo("session-7@citybridge");
		assertThat(ZonedDateTime.from(event.getStartDate().get().getDate()).toInstant()).isEqualTo(session.startsAt());
	}

	@Test
	void theWholeEventSpansItsDaysAndItsZoneChangesToSummerTimeOnTheLastSundayOfMarch() {
		EventCatalogue.Session saturday = session(8, "Saturday", null, "2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z");
		EventCatalogue.Session sunday = session(9, "Sunday", null, "2025-03-30T08:00:00Z", "2025-03-30T09:00:00Z");
		String ics = SessionCalendar.calendar(FORUM.title(), FORUM, "http://localhost/events/forum",
				List.of(new SessionCalendar.Entry(FORUM, saturday, null), new SessionCalendar.Entry(FORUM, sunday, null)), NOW);
		assertThat(ics).contains("DTSTART;VALUE=DATE:20250328\r\n", "DTEND;VALUE=DATE:20250401\r\n", "TZID:Europe/Brussels\r\n",
				"DTSTART;TZID=Europe/Brussels:20250329T100000\r\n", "DTSTART;TZID=Europe/Brussels:20250330T100000\r\n")
			.contains("BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n")
			.contains("BEGIN:STANDARD\r\nDTSTART:20241027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n");
		Calendar calendar = IcsParser.parse(ics);
		List<VEvent> events = IcsParser.events(calendar);
		assertThat(events).hasSize(3);
		assertThat(events.get(0).getStartDate().get().getDate()).isEqualTo(LocalDate.of(2025, 3, 28));
		assertThat(events.get(0).getEndDate().get().getDate()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(ZonedDateTime.from(events.get(1).getStartDate().get().getDate()).toInstant()).isEqualTo(saturday.startsAt());
		assertThat(ZonedDateTime.from(events.get(2).getStartDate().get().getDate()).toInstant()).isEqualTo(sunday.startsAt());
		assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
	}

	@Test
	void yearlyRulesOtherThanTheLastSundayBecomeWeekdaysOnOrAfterADay() {
		// New York: second Sunday of March, first Sunday of November.
		var rules = ZoneId.of("America/New_York").getRules().getTransitionRules();
		assertThat(rules.stream().map(SessionCalendar::rrule).toList()).containsExactly(
				"FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14",
				"FREQ=YEARLY;BYMONTH=11;BYDAY=SU;BYMONTHDAY=1,2,3,4,5,6,7");
	}

	@Test
	void aZoneWithoutSummerTimeHasOneStandardObservance() {
		StringBuilder ics = new StringBuilder();
		SessionCalendar.timezone(ics, ZoneId.of("Asia/Ulaanbaatar"), 2025, 2025);
		assertThat(ics.toString()).isEqualTo("BEGIN:VTIMEZONE\r\nTZID:Asia/Ulaanbaatar\r\nBEGIN:STANDARD\r\nDTSTART:20250101T000000\r\n"
				+ "TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
	}
}
