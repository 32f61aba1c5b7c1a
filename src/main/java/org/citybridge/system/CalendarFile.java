package org.citybridge.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A calendar file (RFC 5545, iCalendar) as the portal writes them, for the sessions of a forum and
 * the deadlines of funding calls alike: content lines ended by CRLF, text escaped (section 3.3.11),
 * lines folded so that none exceeds 75 octets, without splitting a UTF-8 character (section 3.1).
 * Start with {@link #calendar}, add lines, end with {@link #end}.
 * <p>
 * Written here rather than with ical4j's writer, measured on ical4j 4.1.1: its
 * {@code FoldingWriter} counts UTF-16 characters, not octets, and folds after 73 of them, so a
 * Mongolian title (two octets a letter) came out in lines of 145 octets, twice the limit calendar
 * clients may hold us to, and a character outside the BMP may be cut in two. Its VTIMEZONE comes from
 * ical4j's own zone definitions instead of the java.time rules the pages show times with. And its
 * jar declares a java.time {@code ZoneRulesProvider}, which java.time loads with the first zone
 * lookup when the jar is on the class path (and which then fails every lookup if one of ical4j's
 * seven dependencies is missing). So ical4j stays in test scope, where the tests read these files
 * back with it, as a calendar client would.
 */
public final class CalendarFile {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private static final int LINE_OCTETS = 75;

	private final StringBuilder out;

	/** Lines appended to {@code out}, for a part of a calendar (a VTIMEZONE) written on its own. */
	public CalendarFile(StringBuilder out) {
		this.out = out;
	}

	/**
	 * A calendar begun: VERSION, PRODID ({@code product}, e.g. {@code -//CityBridge//Forum agendas//EN})
	 * and CALSCALE.
	 */
	public static CalendarFile calendar(String product) {
		return new CalendarFile(new StringBuilder()).line("BEGIN:VCALENDAR")
			.line("VERSION:2.0")
			.line("PRODID:" + product)
			.line("CALSCALE:GREGORIAN");
	}

	/** A content line as given (a value already in iCalendar form), folded. */
	public CalendarFile line(String content) {
		int octets = 0;
		int limit = LINE_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				this.out.append("\r\n ");
				octets = 0;
				limit = LINE_OCTETS - 1; // the leading space of a continuation line counts
			}
			this.out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		this.out.append("\r\n");
		return this;
	}

	/** A TEXT property: {@code SUMMARY:} with its value escaped. */
	public CalendarFile text(String name, String text) {
		return line(name + ":" + escape(text));
	}

	/** A DATE-TIME property in UTC: {@code DTSTAMP:20260101T000000Z}. */
	public CalendarFile utc(String name, Instant instant) {
		return line(name + ":" + UTC.format(instant));
	}

	/** Ends the calendar and gives the file's text. */
	public String end() {
		line("END:VCALENDAR");
		return this.out.toString();
	}

	/** TEXT escaping of RFC 5545 section 3.3.11. */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
			.replace("\r", "\n").replace("\n", "\\n");
	}
}
