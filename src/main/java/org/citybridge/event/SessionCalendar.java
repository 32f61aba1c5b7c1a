package org.citybridge.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * One session as an RFC 5545 calendar file. Times are written in UTC (the Z form), which every
 * calendar converts to its owner's zone, so no VTIMEZONE is needed; text is escaped and lines are
 * folded at 75 octets without splitting a UTF-8 character.
 */
final class SessionCalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private SessionCalendar() {
	}

	static String of(EventCatalogue.Event event, EventCatalogue.Session session, String url, String host, Instant now) {
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//CityBridge//Forum agendas//EN");
		line(ics, "CALSCALE:GREGORIAN");
		line(ics, "METHOD:PUBLISH");
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:session-" + session.id() + "@" + host);
		line(ics, "DTSTAMP:" + UTC.format(now));
		line(ics, "DTSTART:" + UTC.format(session.startsAt()));
		line(ics, "DTEND:" + UTC.format(session.endsAt()));
		line(ics, "SUMMARY:" + escape(session.title()));
		StringBuilder description = new StringBuilder(event.title());
		if (!session.speakers().isEmpty()) {
			description.append("\n").append(session.speakers().stream().map(EventCatalogue.Speaker::name)
				.collect(Collectors.joining(", ")));
		}
		if (session.abstractText() != null) {
			description.append("\n\n").append(session.abstractText());
		}
		line(ics, "DESCRIPTION:" + escape(description.toString()));
		String location = session.roomName() == null ? event.venueName() : session.roomName() + ", " + event.venueName();
		if (event.venueAddress() != null) {
			location += ", " + event.venueAddress();
		}
		line(ics, "LOCATION:" + escape(location));
		line(ics, "URL:" + url);
		line(ics, "END:VEVENT");
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
				limit = 74; // the leading space of a continuation line counts
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}
}
