package org.citybridge.funding.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.citybridge.funding.Call;
import org.citybridge.funding.Deadline;
import org.citybridge.funding.FundingDeadlines;

/**
 * Call deadlines as an RFC 5545 calendar: one VEVENT per call at its exact closing instant, written
 * in UTC (the Z form) so no VTIMEZONE is needed; the call's own zone is named in the description.
 * Text is escaped and lines are folded at 75 octets without splitting a UTF-8 character.
 */
final class DeadlineCalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private DeadlineCalendar() {
	}

	static String of(List<Deadline> deadlines, String baseUrl, String host, Instant now) {
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//CityBridge//Funding deadlines//EN");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "METHOD:PUBLISH");
		line(ics, "X-WR-CALNAME:CityBridge funding deadlines");
		for (Deadline d : deadlines) {
			Call call = d.call();
			line(ics, "BEGIN:VEVENT");
			line(ics, "UID:funding-call-" + call.id() + "@" + host);
			line(ics, "DTSTAMP:" + UTC.format(now));
			// A deadline is a moment: a zero-length event at the closing instant.
			line(ics, "DTSTART:" + UTC.format(call.closesAt()));
			line(ics, "DTEND:" + UTC.format(call.closesAt()));
			line(ics, "SUMMARY:" + escape(d.instrumentShortName() + ": " + call.title()));
			String description = d.instrumentName() + "\n"
					+ "Closes " + FundingDeadlines.time(call.closesAt(), call.zone(), Locale.ENGLISH, true) + (call.budget() == null ? "" : "\n" + call.budget())
					+ (d.example() ? "\nExample entry, not a real programme." : "");
			line(ics, "DESCRIPTION:" + escape(description));
			line(ics, "URL:" + baseUrl + "/funding/" + d.instrumentSlug());
			line(ics, "TRANSP:TRANSPARENT");
			line(ics, "END:VEVENT");
		}
		line(ics, "END:VCALENDAR");
		return ics.toString();
	}

	/** TEXT escaping of RFC 5545 section 3.3.11. */
	static String escape(String text) {
		return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
			.replace("\r", "\n").replace("\n", "\\n");
	}

	/** Appends a content line, folded so that no line exceeds 75 octets, and its CRLF. */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 0;
				limit = 74;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}
}
