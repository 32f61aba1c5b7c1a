package org.citybridge.event.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.citybridge.event.EventCatalogue;
import org.citybridge.system.Moments;

/**
 * The agenda as the page shows it: sessions grouped by the event's local day, each time formatted
 * in the viewer's locale and carrying its zone, and, when the viewer chose another zone, the same
 * moments in that zone beside them. Each day also comes as a timetable: one row per start time, one
 * column per room. While the event runs, the sessions under way are marked now and the next ones
 * next.
 */
public record AgendaView(String eventZoneName, String viewerZoneName, boolean dual, List<Day> days, boolean live,
		List<DayTab> tabs, String shown) {

	/** The value of {@code ?day=} for the whole programme on one page. */
	public static final String WHOLE = "all";

	/** Where a session stands at the moment the page was made, while the event runs. */
	enum Marker {
		NOW, NEXT
	}

	record Day(String iso, String heading, List<Item> sessions, List<String> rooms, List<Slot> slots) {
	}

	/** A day of the programme that can be shown on its own, with how many (filtered) sessions it has. */
	record DayTab(String iso, String heading, int count) {
	}

	/** One row of a day's timetable: a start time, and for each room the sessions starting then. */
	record Slot(Times time, List<List<Item>> cells) {
	}

	/**
	 * A time range in one zone; {@code date} only when it falls on another day than the event's.
	 * {@code label} is the range as 09:30–11:00 CET, with the date in front when it is another day than
	 * the event's; {@code startLabel} the start alone, as 09:30 CET.
	 */
	record Times(String start, String end, String zone, String date, String isoStart, String isoEnd, String label,
			String startLabel) {

		Times(String start, String end, String zone, String date, String isoStart, String isoEnd) {
			this(start, end, zone, date, isoStart, isoEnd,
					(date == null ? "" : date + ", ") + start + "\u2013" + end + " " + zone,
					(date == null ? "" : date + ", ") + start + " " + zone);
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

	/** Whether one day is shown rather than the whole programme. */
	public boolean oneDay() {
		return !WHOLE.equals(this.shown);
	}

	public static AgendaView of(List<EventCatalogue.Session> sessions, ZoneId eventZone, ZoneId viewerZone, Locale locale) {
		return of(sessions, eventZone, viewerZone, locale, null, null);
	}

	/**
	 * Every day of {@code sessions}.
	 * @param now the moment the page is made, for the now / next markers
	 * @param programme the whole programme (unfiltered), which decides whether the event is running
	 */
	public static AgendaView of(List<EventCatalogue.Session> sessions, ZoneId eventZone, ZoneId viewerZone, Locale locale,
			Instant now, List<EventCatalogue.Session> programme) {
		return of(sessions, eventZone, viewerZone, locale, now, programme, WHOLE, Integer.MAX_VALUE);
	}

	/**
	 * One day of {@code sessions}, or all of them: the day asked for ({@code day}, an ISO date, or
	 * {@link #WHOLE}); otherwise all days when there are at most {@code wholeUpTo} sessions, else today
	 * while the event runs, else the first day. Only the days shown are formatted.
	 */
	public static AgendaView of(List<EventCatalogue.Session> sessions, ZoneId eventZone, ZoneId viewerZone, Locale locale,
			Instant now, List<EventCatalogue.Session> programme, String day, int wholeUpTo) {
		boolean dual = viewerZone != null && !viewerZone.equals(eventZone);
		boolean live = now != null && programme != null && !programme.isEmpty()
				&& !now.isBefore(programme.stream().map(EventCatalogue.Session::startsAt).min(Instant::compareTo).get())
				&& now.isBefore(programme.stream().map(EventCatalogue.Session::endsAt).max(Instant::compareTo).get());
		Instant next = !live ? null
				: sessions.stream().map(EventCatalogue.Session::startsAt).filter(s -> s.isAfter(now)).min(Instant::compareTo)
					.orElse(null);
		Formats formats = new Formats(locale);
		Map<LocalDate, List<EventCatalogue.Session>> byDay = new LinkedHashMap<>();
		for (EventCatalogue.Session session : sessions) {
			byDay.computeIfAbsent(session.startsAt().atZone(eventZone).toLocalDate(), d -> new ArrayList<>()).add(session);
		}
		LocalDate shown = shownDay(byDay.keySet(), day, sessions.size(), wholeUpTo,
				now == null ? null : now.atZone(eventZone).toLocalDate());
		List<DayTab> tabs = new ArrayList<>();
		List<Day> days = new ArrayList<>();
		for (Map.Entry<LocalDate, List<EventCatalogue.Session>> entry : byDay.entrySet()) {
			String heading = formats.day(entry.getKey());
			tabs.add(new DayTab(entry.getKey().toString(), heading, entry.getValue().size()));
			if (shown != null && !shown.equals(entry.getKey())) {
				continue;
			}
			List<Item> items = new ArrayList<>(entry.getValue().size());
			for (EventCatalogue.Session session : entry.getValue()) {
				Times event = formats.times(session.startsAt(), session.endsAt(), eventZone, entry.getKey());
				Times viewer = dual ? formats.times(session.startsAt(), session.endsAt(), viewerZone, entry.getKey()) : null;
				Marker marker = null;
				if (live && !now.isBefore(session.startsAt()) && now.isBefore(session.endsAt())) {
					marker = Marker.NOW;
				}
				else if (live && session.startsAt().equals(next)) {
					marker = Marker.NEXT;
				}
				items.add(new Item(session, event, viewer, marker));
			}
			days.add(day(entry.getKey(), heading, items));
		}
		return new AgendaView(zoneName(eventZone, locale), dual ? zoneName(viewerZone, locale) : null, dual, days, live,
				tabs, shown == null ? WHOLE : shown.toString());
	}

	/** The day to show, or null for all of them. */
	private static LocalDate shownDay(java.util.Set<LocalDate> days, String asked, int sessions, int wholeUpTo,
			LocalDate today) {
		if (WHOLE.equals(asked) || days.isEmpty()) {
			return null;
		}
		try {
			LocalDate date = asked == null || asked.length() != 10 ? null : LocalDate.parse(asked);
			if (date != null && days.contains(date)) {
				return date;
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			// Not a date: shown as if not asked.
		}
		if (sessions <= wholeUpTo) {
			return null;
		}
		return today != null && days.contains(today) ? today : days.iterator().next();
	}

	private static Day day(LocalDate date, String heading, List<Item> items) {
		List<String> rooms = items.stream().map(i -> i.session().roomName() == null ? "" : i.session().roomName()).distinct()
			.sorted((a, b) -> a.isEmpty() ? 1 : b.isEmpty() ? -1 : a.compareTo(b)).toList();
		Map<String, Integer> columns = new java.util.HashMap<>();
		rooms.forEach(r -> columns.put(r, columns.size()));
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
			cells.get(columns.get(room)).add(item);
		}
		List<Slot> slots = rows.entrySet().stream().map(e -> new Slot(labels.get(e.getKey()), e.getValue())).toList();
		return new Day(date.toString(), heading, List.copyOf(items), rooms, slots);
	}

	/**
	 * The ranges of one page, formatted once ({@link Moments}): in a programme many sessions share
	 * their start and end, and naming a zone (CET or CEST) is the costly part.
	 */
	private static final class Formats {

		final Locale locale;

		final Map<List<Object>, Times> done = new java.util.HashMap<>();

		Formats(Locale locale) {
			this.locale = locale;
		}

		String day(LocalDate day) {
			return Moments.weekdayDate(day, this.locale);
		}

		Times times(Instant starts, Instant ends, ZoneId zone, LocalDate eventDay) {
			return this.done.computeIfAbsent(List.of(starts, ends, zone, eventDay), k -> {
				ZonedDateTime start = starts.atZone(zone);
				ZonedDateTime end = ends.atZone(zone);
				String day = start.toLocalDate().equals(eventDay) ? null : Moments.date(start.toLocalDate(), this.locale);
				// the abbreviation of the zone at that moment: CET in winter, CEST in summer
				return new Times(Moments.time(starts, zone, this.locale), Moments.time(ends, zone, this.locale),
						Moments.zone(starts, zone, this.locale), day, start.toOffsetDateTime().toString(),
						end.toOffsetDateTime().toString());
			});
		}
	}

	static Times times(Instant starts, Instant ends, ZoneId zone, LocalDate eventDay, Locale locale) {
		return new Formats(locale).times(starts, ends, zone, eventDay);
	}

	/** The zone as Central European Time (Europe/Brussels): a name people read, and the id they can type. */
	static String zoneName(ZoneId zone, Locale locale) {
		return zone.getDisplayName(TextStyle.FULL, locale) + " (" + zone.getId() + ")";
	}
}
