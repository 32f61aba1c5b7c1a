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
import java.util.TreeMap;

/**
 * The agenda as the page shows it: sessions grouped by the event's local day, each time formatted
 * in the viewer's locale and carrying its zone, and, when the viewer chose another zone, the same
 * moments in that zone beside them. Each day also comes as a timetable: one row per start time, one
 * column per room. While the event runs, the sessions under way are marked now and the next ones
 * next.
 */
record AgendaView(String eventZoneName, String viewerZoneName, boolean dual, List<Day> days, boolean live) {

	/** Where a session stands at the moment the page was made, while the event runs. */
	enum Marker {
		NOW, NEXT
	}

	record Day(String iso, String heading, List<Item> sessions, List<String> rooms, List<Slot> slots) {
	}

	/** One row of a day's timetable: a start time, and for each room the sessions starting then. */
	record Slot(Times time, List<List<Item>> cells) {
	}

	/** A time range in one zone; {@code date} only when it falls on another day than the event's. */
	record Times(String start, String end, String zone, String date, String isoStart, String isoEnd) {

		/** The range as 09:30–11:00 CET, with the date in front when it is another day than the event's. */
		public String label() {
			String range = this.start + "\u2013" + this.end + " " + this.zone;
			return this.date == null ? range : this.date + ", " + range;
		}

		/** The start alone, as 09:30 CET. */
		public String startLabel() {
			String start = this.start + " " + this.zone;
			return this.date == null ? start : this.date + ", " + start;
		}
	}

	record Item(EventCatalogue.Session session, Times event, Times viewer, Marker marker) {

		public boolean now() {
			return this.marker == Marker.NOW;
		}

		public boolean next() {
			return this.marker == Marker.NEXT;
		}
	}

	static AgendaView of(List<EventCatalogue.Session> sessions, ZoneId eventZone, ZoneId viewerZone, Locale locale) {
		return of(sessions, eventZone, viewerZone, locale, null, null);
	}

	/**
	 * @param now the moment the page is made, for the now / next markers
	 * @param programme the whole programme (unfiltered), which decides whether the event is running
	 */
	static AgendaView of(List<EventCatalogue.Session> sessions, ZoneId eventZone, ZoneId viewerZone, Locale locale,
			Instant now, List<EventCatalogue.Session> programme) {
		boolean dual = viewerZone != null && !viewerZone.equals(eventZone);
		boolean live = now != null && programme != null && !programme.isEmpty()
				&& !now.isBefore(programme.stream().map(EventCatalogue.Session::startsAt).min(Instant::compareTo).get())
				&& now.isBefore(programme.stream().map(EventCatalogue.Session::endsAt).max(Instant::compareTo).get());
		Instant next = !live ? null
				: sessions.stream().map(EventCatalogue.Session::startsAt).filter(s -> s.isAfter(now)).min(Instant::compareTo)
					.orElse(null);
		DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
		Map<LocalDate, List<Item>> byDay = new LinkedHashMap<>();
		for (EventCatalogue.Session session : sessions) {
			LocalDate day = session.startsAt().atZone(eventZone).toLocalDate();
			Times event = times(session.startsAt(), session.endsAt(), eventZone, day, locale);
			Times viewer = dual ? times(session.startsAt(), session.endsAt(), viewerZone, day, locale) : null;
			Marker marker = null;
			if (live && !now.isBefore(session.startsAt()) && now.isBefore(session.endsAt())) {
				marker = Marker.NOW;
			}
			else if (live && session.startsAt().equals(next)) {
				marker = Marker.NEXT;
			}
			byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new Item(session, event, viewer, marker));
		}
		List<Day> days = byDay.entrySet().stream().map(e -> day(e.getKey(), e.getValue(), dayFormat)).toList();
		return new AgendaView(zoneName(eventZone, locale), dual ? zoneName(viewerZone, locale) : null, dual, days, live);
	}

	private static Day day(LocalDate date, List<Item> items, DateTimeFormatter dayFormat) {
		List<String> rooms = items.stream().map(i -> i.session().roomName() == null ? "" : i.session().roomName()).distinct()
			.sorted((a, b) -> a.isEmpty() ? 1 : b.isEmpty() ? -1 : a.compareTo(b)).toList();
		Map<Instant, List<List<Item>>> rows = new TreeMap<>();
		Map<Instant, Times> labels = new LinkedHashMap<>();
		for (Item item : items) {
			List<List<Item>> cells = rows.computeIfAbsent(item.session().startsAt(), t -> {
				List<List<Item>> empty = new ArrayList<>();
				rooms.forEach(r -> empty.add(new ArrayList<>()));
				return empty;
			});
			labels.putIfAbsent(item.session().startsAt(), item.viewer() == null ? item.event() : item.viewer());
			String room = item.session().roomName() == null ? "" : item.session().roomName();
			cells.get(rooms.indexOf(room)).add(item);
		}
		List<Slot> slots = rows.entrySet().stream().map(e -> new Slot(labels.get(e.getKey()), e.getValue())).toList();
		return new Day(date.toString(), dayFormat.format(date), List.copyOf(items), rooms, slots);
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
