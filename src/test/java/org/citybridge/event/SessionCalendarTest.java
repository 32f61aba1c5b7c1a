package org.citybridge.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCalendarTest {

	@Test
	void escapesTextAndFoldsLongLinesWithoutSplittingACharacter() {
		EventCatalogue.Event event = new EventCatalogue.Event(1, "forum", "Forum; Brussels, 2025", EventKind.FORUM, 1, "CEMR",
				LocalDate.of(2025, 2, 17), LocalDate.of(2025, 2, 20), ZoneId.of("Europe/Brussels"), "House", null, null, false);
		EventCatalogue.Session session = new EventCatalogue.Session(7, 1, "Улаанбаатар ба Брюссель: хотуудын түншлэл, шинэ боломжууд",
				"Line one\nline two, with \\ backslash", Instant.parse("2025-02-17T09:00:00Z"),
				Instant.parse("2025-02-17T10:30:00Z"), 3L, "Room A", null, null, SessionKind.PANEL, null, false, 0,
				List.of());
		String ics = SessionCalendar.of(event, session, "http://localhost/events/forum/agenda#session-7", "citybridge",
				Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(ics).contains("UID:session-7@citybridge\r\n", "DTSTART:20250217T090000Z\r\n", "DTEND:20250217T103000Z\r\n",
				"DTSTAMP:20260101T000000Z\r\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		String unfolded = ics.replace("\r\n ", "");
		assertThat(unfolded).contains("SUMMARY:" + session.title().replace(",", "\\,") + "\r\n")
			.contains("DESCRIPTION:Forum\\; Brussels\\, 2025\\n\\nLine one\\nline two\\, with \\\\ backslash\r\n")
			.contains("LOCATION:Room A\\, House\r\n");
	}
}
