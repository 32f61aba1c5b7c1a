package org.citybridge.event.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.citybridge.event.EventCatalogue;
import org.citybridge.system.CalendarFile;

import org.springframework.context.MessageSource;

/**
 * A person's meetings and the sessions beside them as one RFC 5545 calendar file. Times are
 * written in UTC, which every calendar application places in its own zone; UIDs are stable
 * ({@code meeting-12@citybridge}, {@code session-40@citybridge}) so a re-import updates.
 */
final class MeetingCalendar {

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd");

	private MeetingCalendar() {
	}

	static String of(EventCatalogue.Event event, List<MeetingData.Meeting> meetings, List<EventCatalogue.Session> sessions,
			long me, String base, MessageSource messages, Locale locale, Instant now) {
		CalendarFile ics = CalendarFile.calendar("-//CityBridge//Forum meetings//EN")
			.text("X-WR-CALNAME", messages.getMessage("meeting.ics.name", new Object[] { event.title() }, locale));
		// The event itself as an all-day entry, so the file is never empty (RFC 5545 wants one component).
		ics.line("BEGIN:VEVENT")
			.line("UID:event-" + event.id() + "@citybridge")
			.utc("DTSTAMP", now)
			.line("DTSTART;VALUE=DATE:" + DAY.format(event.startsOn()))
			.line("DTEND;VALUE=DATE:" + DAY.format(event.endsOn().plusDays(1)))
			.text("SUMMARY", event.title())
			.text("LOCATION", event.venueName())
			.line("TRANSP:TRANSPARENT")
			.line("END:VEVENT");
		for (EventCatalogue.Session s : sessions) {
			ics.line("BEGIN:VEVENT")
				.line("UID:session-" + s.id() + "@citybridge")
				.utc("DTSTAMP", now)
				.utc("DTSTART", s.startsAt())
				.utc("DTEND", s.endsAt())
				.text("SUMMARY", s.title())
				.text("LOCATION", s.roomName() == null ? event.venueName() : s.roomName() + ", " + event.venueName())
				.line("URL:" + base + "/events/" + event.slug() + "/sessions/" + s.id())
				.line("END:VEVENT");
		}
		for (MeetingData.Meeting m : meetings) {
			String table = m.tableNumber() == null ? ""
					: messages.getMessage("meeting.ics.table", new Object[] { m.tableNumber() }, locale)
							+ (m.tableRoom() == null ? "" : ", " + m.tableRoom()) + ", ";
			StringBuilder description = new StringBuilder(m.otherName(me) + " (" + m.otherRepresents(me) + ")");
			if (m.interpretation()) {
				description.append("\n").append(messages.getMessage("meeting.ics.interpretation", null, locale));
			}
			if (m.message() != null) {
				description.append("\n\n").append(m.message());
			}
			ics.line("BEGIN:VEVENT")
				.line("UID:meeting-" + m.id() + "@citybridge")
				.utc("DTSTAMP", now)
				.utc("DTSTART", m.startsAt())
				.utc("DTEND", m.endsAt())
				.text("SUMMARY", messages.getMessage("meeting.ics.summary", new Object[] { m.otherName(me), m.otherRepresents(me) },
						locale))
				.text("DESCRIPTION", description.toString())
				.text("LOCATION", table + event.venueName())
				.line("STATUS:" + (m.status() == MeetingStatus.REQUESTED ? "TENTATIVE" : "CONFIRMED"))
				.line("SEQUENCE:" + m.version())
				.line("URL:" + base + MeetingNotices.schedule(event))
				.line("END:VEVENT");
		}
		return ics.end();
	}
}
