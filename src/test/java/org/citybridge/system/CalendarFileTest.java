package org.citybridge.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one calendar writer: escaping, and folding by octets without cutting a character in two. */
class CalendarFileTest {

	@Test
	void textIsEscapedAndLinesEndWithCrlf() {
		String ics = CalendarFile.calendar("-//CityBridge//Test//EN")
			.text("SUMMARY", "a; b, c \\ d\r\ne")
			.utc("DTSTAMP", Instant.parse("2026-01-01T00:00:00Z"))
			.end();
		assertThat(ics).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CityBridge//Test//EN\r\nCALSCALE:GREGORIAN\r\n"
				+ "SUMMARY:a\\; b\\, c \\\\ d\\ne\r\nDTSTAMP:20260101T000000Z\r\nEND:VCALENDAR\r\n");
	}

	@Test
	void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
		String title = "Улаанбаатар 🏙 ".repeat(12);
		StringBuilder out = new StringBuilder();
		new CalendarFile(out).text("SUMMARY", title);
		String[] lines = out.toString().split("\r\n");
		assertThat(lines.length).isGreaterThan(3);
		for (String line : lines) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(out.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + title + "\r\n");
	}
}
