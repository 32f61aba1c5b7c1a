package org.citybridge.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agenda as the page shows it: sessions grouped by the event's local day, each time formatted
 * in the viewer's locale and carrying its zone, and, when the viewer chose another zone, the same
 * moments in that zone beside them.
 */
record AgendaView(String eventZoneName, String viewerZoneName, boolean dual, List<Day> days) {

	record Day(String iso, String heading, List<Item> sessions) {
	}

	/** A time range in one zone; {@code date} only when it falls on another day than the event's. */
	record Times(String start, String end, String zone, String date, String isoStart, String isoEnd) {

		/** The range as 09:30–11:00 CET, with the date in front when it is another day than the event's. */
		public String label() {
			String range = this.start + "\u2013" + this.end + " " + this.zone;
			return this.date == null ? range : this.date + ", " + range;
		}
	}

	record Item(EventCatalogue.Session session, Times event, Times viewer) {
	}

	static AgendaView of(List<EventCatalogue.Session> sessions, ZoneId eventZone, ZoneId viewerZone, Locale locale) {
		boolean dual = viewerZone != null && !viewerZone.equals(eventZone);
		DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
		Map<LocalDate, List<Item>> byDay = new LinkedHashMap<>();
		for (EventCatalogue.Session session : sessions) {
			LocalDate day = session.startsAt().atZone(eventZone).toLocalDate();
			Times event = times(session.startsAt(), session.endsAt(), eventZone, day, locale);
			Times viewer = dual ? times(session.startsAt(), session.endsAt(), viewerZone, day, locale) : null;
			byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new Item(session, event, viewer));
		}
		List<Day> days = byDay.entrySet().stream()
			.map(e -> new Day(e.getKey().toString(), dayFormat.format(e.getKey()), List.copyOf(e.getValue())))
			.toList();
		return new AgendaView(zoneName(eventZone, locale), dual ? zoneName(viewerZone, locale) : null, dual, days);
	}

	static Times times(Instant starts, Instant ends, ZoneId zone, LocalDate eventDay, Locale locale) {
		DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
		DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		// The abbreviation of the zone at that moment: CET in winter, CEST in summer.
		DateTimeFormatter abbreviation = DateTimeFormatter.ofPattern("zzz", locale);
		ZonedDateTime start = starts.atZone(zone);
		ZonedDateTime end = ends.atZone(zone);
		String day = start.toLocalDate().equals(eventDay) ? null : date.format(start);
		return new Times(time.format(start), time.format(end), abbreviation.format(start), day,
				start.toOffsetDateTime().toString(), end.toOffsetDateTime().toString());
	}

	/** The zone as Central European Time (Europe/Brussels): a name people read, and the id they can type. */
	static String zoneName(ZoneId zone, Locale locale) {
		return zone.getDisplayName(TextStyle.FULL, locale) + " (" + zone.getId() + ")";
	}
}
