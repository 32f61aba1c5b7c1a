package org.citybridge.event.attendance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.citybridge.event.EventCatalogue;
import org.citybridge.system.CalendarFile;

/**
 * Sessions (and, for a whole event, the event itself) as one RFC 5545 calendar file. Session times
 * are written in the event's own zone with a VTIMEZONE that describes that zone's rules around
 * the event, so a calendar shows 09:30 Brussels time as the organisers meant it, summer time
 * or not. UIDs are stable (the same session always has the same UID, so a re-import updates rather
 * than duplicates). The file is written by the portal's one calendar writer ({@link CalendarFile}).
 */
public final class SessionCalendar {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	static final String UID_HOST = "citybridge";

	/** A session of an event, with the page a calendar links back to. */
	public record Entry(EventCatalogue.Event event, EventCatalogue.Session session, String url) {
	}

	private SessionCalendar() {
	}

	/** One session. */
	public static String of(EventCatalogue.Event event, EventCatalogue.Session session, String url, Instant now) {
		return calendar(event.title(), null, null, List.of(new Entry(event, session, url)), now);
	}

	/**
	 * A calendar named {@code name}: {@code wholeEvent}, when given, as an all-day entry over its
	 * dates (the end date exclusive, as RFC 5545 wants), then each session.
	 */
	public static String calendar(String name, EventCatalogue.Event wholeEvent, String eventUrl, List<Entry> entries, Instant now) {
		CalendarFile ics = CalendarFile.calendar("-//CityBridge//Forum agendas//EN").text("X-WR-CALNAME", name);
		Map<ZoneId, int[]> zones = new LinkedHashMap<>();
		if (wholeEvent != null) {
			zones.put(wholeEvent.zone(), new int[] { wholeEvent.startsOn().getYear(), wholeEvent.endsOn().getYear() });
		}
		for (Entry entry : entries) {
			int year = entry.session().startsAt().atZone(entry.event().zone()).getYear();
			int endYear = entry.session().endsAt().atZone(entry.event().zone()).getYear();
			zones.merge(entry.event().zone(), new int[] { year, endYear },
					(a, b) -> new int[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
		}
		zones.forEach((zone, years) -> timezone(ics, zone, years[0], years[1]));
		if (wholeEvent != null) {
			ics.line("BEGIN:VEVENT")
				.line("UID:event-" + wholeEvent.id() + "@" + UID_HOST)
				.utc("DTSTAMP", now)
				.line("DTSTART;VALUE=DATE:" + DATE.format(wholeEvent.startsOn()))
				.line("DTEND;VALUE=DATE:" + DATE.format(wholeEvent.endsOn().plusDays(1)))
				.text("SUMMARY", wholeEvent.title());
			if (wholeEvent.description() != null) {
				ics.text("DESCRIPTION", wholeEvent.description());
			}
			ics.text("LOCATION", venue(wholeEvent, null)).line("TRANSP:TRANSPARENT");
			if (eventUrl != null) {
				ics.line("URL:" + eventUrl);
			}
			ics.line("END:VEVENT");
		}
		for (Entry entry : entries) {
			session(ics, entry, now);
		}
		return ics.end();
	}

	private static void session(CalendarFile ics, Entry entry, Instant now) {
		EventCatalogue.Event event = entry.event();
		EventCatalogue.Session session = entry.session();
		ZoneId zone = event.zone();
		ics.line("BEGIN:VEVENT")
			.line("UID:session-" + session.id() + "@" + UID_HOST)
			.utc("DTSTAMP", now)
			.line("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(session.startsAt().atZone(zone)))
			.line("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(session.endsAt().atZone(zone)))
			.text("SUMMARY", session.title());
		StringBuilder description = new StringBuilder(event.title());
		if (!session.speakers().isEmpty()) {
			description.append("\n").append(session.speakers().stream().map(EventCatalogue.Speaker::name)
				.collect(Collectors.joining(", ")));
		}
		if (session.abstractText() != null) {
			description.append("\n\n").append(session.abstractText());
		}
		ics.text("DESCRIPTION", description.toString()).text("LOCATION", venue(event, session.roomName()));
		if (session.trackName() != null) {
			ics.text("CATEGORIES", session.trackName());
		}
		ics.line("SEQUENCE:" + session.version());
		if (entry.url() != null) {
			ics.line("URL:" + entry.url());
		}
		ics.line("END:VEVENT");
	}

	private static String venue(EventCatalogue.Event event, String room) {
		String location = room == null ? event.venueName() : room + ", " + event.venueName();
		return event.venueAddress() == null ? location : location + ", " + event.venueAddress();
	}

	/**
	 * The zone's definition for the years {@code fromYear} to {@code toYear}. A zone that follows
	 * yearly rules (Europe/Brussels: summer time from the last Sunday of March to the last Sunday of
	 * October) gets them as RRULE observances, the form calendar applications read most reliably; a
	 * zone whose history changes within those years gets each real transition; a zone without
	 * daylight saving (Asia/Ulaanbaatar) gets one STANDARD observance.
	 */
	static void timezone(StringBuilder out, ZoneId zone, int fromYear, int toYear) {
		timezone(new CalendarFile(out), zone, fromYear, toYear);
	}

	private static void timezone(CalendarFile ics, ZoneId zone, int fromYear, int toYear) {
		ZoneRules rules = zone.getRules();
		ics.line("BEGIN:VTIMEZONE").line("TZID:" + zone.getId());
		List<ZoneOffsetTransition> history = rules.getTransitions();
		int lastFixedYear = history.isEmpty() ? Integer.MIN_VALUE
				: history.get(history.size() - 1).getDateTimeAfter().getYear();
		List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
		if (!yearly.isEmpty() && lastFixedYear < fromYear - 1) {
			// Start a year early, so that the first days of the range follow an onset too.
			int year = fromYear - 1;
			for (ZoneOffsetTransitionRule rule : yearly) {
				ZoneOffsetTransition first = rule.createTransition(year);
				observance(ics, rules.isDaylightSavings(first.getInstant()), first.getDateTimeBefore(), first.getOffsetBefore(),
						first.getOffsetAfter(), rrule(rule));
			}
		}
		else {
			LocalDateTime from = LocalDateTime.of(fromYear, 1, 1, 0, 0);
			Instant start = from.atZone(zone).toInstant();
			Instant end = LocalDateTime.of(toYear + 1, 1, 1, 0, 0).atZone(zone).toInstant();
			ZoneOffset initial = rules.getOffset(start);
			observance(ics, rules.isDaylightSavings(start), from, initial, initial, null);
			ZoneOffsetTransition transition = rules.nextTransition(start);
			while (transition != null && transition.getInstant().isBefore(end)) {
				observance(ics, rules.isDaylightSavings(transition.getInstant()), transition.getDateTimeBefore(),
						transition.getOffsetBefore(), transition.getOffsetAfter(), null);
				transition = rules.nextTransition(transition.getInstant());
			}
		}
		ics.line("END:VTIMEZONE");
	}

	/** A yearly java.time rule as an RRULE: the last Sunday of March is BYMONTH=3;BYDAY=-1SU. */
	static String rrule(ZoneOffsetTransitionRule rule) {
		String rrule = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
		int indicator = rule.getDayOfMonthIndicator();
		if (rule.getDayOfWeek() == null) {
			return rrule + ";BYMONTHDAY=" + indicator;
		}
		String day = rule.getDayOfWeek().name().substring(0, 2);
		// java.time says "Sunday on or after the 25th" for the last Sunday of a 31-day month.
		boolean lastWeek = indicator > 0 && rule.getMonth().minLength() == rule.getMonth().maxLength()
				&& indicator + 6 == rule.getMonth().maxLength();
		if (indicator == -1 || lastWeek) {
			return rrule + ";BYDAY=-1" + day;
		}
		// That weekday on or after (or, counted from the end, on or before) the given day.
		java.util.stream.IntStream days = indicator > 0 ? java.util.stream.IntStream.rangeClosed(indicator, indicator + 6)
				: java.util.stream.IntStream.rangeClosed(indicator - 6, indicator);
		return rrule + ";BYDAY=" + day + ";BYMONTHDAY="
				+ days.mapToObj(String::valueOf).collect(Collectors.joining(","));
	}

	private static void observance(CalendarFile ics, boolean daylight, LocalDateTime start, ZoneOffset from, ZoneOffset to,
			String rrule) {
		String kind = daylight ? "DAYLIGHT" : "STANDARD";
		ics.line("BEGIN:" + kind).line("DTSTART:" + LOCAL.format(start));
		if (rrule != null) {
			ics.line("RRULE:" + rrule);
		}
		ics.line("TZOFFSETFROM:" + offset(from)).line("TZOFFSETTO:" + offset(to)).line("END:" + kind);
	}

	/** +0100, or +013000 when seconds are needed (RFC 5545 UTC-OFFSET). */
	static String offset(ZoneOffset offset) {
		int total = offset.getTotalSeconds();
		int abs = Math.abs(total);
		String value = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
		return abs % 60 == 0 ? value : value + String.format("%02d", abs % 60);
	}
}
