package org.citybridge.event.programme;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.translation.Translated;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventWeb;
import org.citybridge.event.attendance.PersonalAgendas;
import org.citybridge.event.Programme;
import org.citybridge.event.SessionKind;

/**
 * The agenda page of an event, made from one read of the programme ({@link EventCatalogue#agenda}):
 * filtered by track, room, language and speaker, one day at a time when the programme is long (the
 * whole programme when asked, or when at most {@link #WHOLE_UP_TO} sessions are to be shown), with
 * what each session's entry needs worked out once here rather than by the template for every
 * session: its facts line, its speakers' links, whether it is starred or in the shared list.
 */
@Service
record AgendaPages(EventCatalogue catalogue, PersonalAgendas agendas, MessageSource messages, Clock clock,
		DisplayNames names) {

	/** Up to this many sessions are shown on one page without asking; longer programmes go day by day. */
	static final int WHOLE_UP_TO = 40;

	/** What the visitor asked for: filters (null when none), the day, the view and the shared list. */
	record Query(Long trackId, Long roomId, String language, Long speakerId, String day, boolean grid, List<Long> shared) {
	}

	/** A link with its text, as markup already escaped. */
	public record Link(String href, String labelHtml) {
	}

	/**
	 * One session, ready to print: its times in the event's zone and (when another was chosen) the
	 * viewer's, whether it is on now or next, its facts line, its speakers' links, whether it is starred
	 * or in the shared list; {@code editLabel} names the edit link for staff (null for others). The title
	 * is plain text (for the names of its actions); {@code titleHtml}, {@code factsHtml} and {@code trackHtml}
	 * are escaped markup, with content in another language than the page's marked (issue 20).
	 */
	public record Row(long id, boolean now, boolean next, String isoStart, String label, String viewerIsoStart,
			String viewerLabel, String title, String titleHtml, String href, String factsHtml, boolean demo,
			String trackHtml, List<Link> speakers, boolean starred, boolean chosen, String chooseHref, String editLabel,
			boolean cancelled) {
	}

	/** A row of a day's timetable: the start, and for each room the sessions starting then. */
	public record Slot(String isoStart, String label, List<List<Row>> cells) {
	}

	/**
	 * A day shown, with the markup of the view asked for: {@code entries}, the list's entries, or
	 * {@code timetable}, the body of a table with one column per room (the other is null); {@code rooms},
	 * the timetable's room headings as markup, each in the reader's language or marked with its own
	 * ("" for sessions without a room).
	 */
	public record Day(String iso, String heading, List<String> rooms, String entries, String timetable) {
	}

	/** A day tab with its address and whether it is the one shown. */
	public record Tab(String label, int count, String href, boolean current) {
	}

	/**
	 * The agenda page: {@code trackOptions}, {@code roomOptions}, {@code languageOptions} and
	 * {@code speakerOptions} are the filters' {@code <option>}s, the one asked for selected.
	 */
	record Page(EventCatalogue.Event event, AgendaView agenda, List<Day> days, List<Tab> tabs, Tab whole,
			String trackOptions, String roomOptions, String languageOptions, String speakerOptions, boolean mayEdit,
			String eventPath, String sharedValue, boolean filtered, String clearHref) {

		/** How many sessions the list in the address holds. */
		public int sharedCount() {
			return this.sharedValue == null ? 0 : this.sharedValue.split(",").length;
		}

		/** My agenda, with the shared list when there is one. */
		public String myHref() {
			return this.eventPath + "/my" + (this.sharedValue == null ? "" : "?s=" + this.sharedValue);
		}
	}

	/**
	 * The page for {@code query}; {@code csrf} is the name and value of the field a signed-in visitor's star
	 * forms carry (null when there is none).
	 */
	Page page(String slug, Query query, ZoneId viewer, Actor actor, Locale locale, Map.Entry<String, String> csrf) {
		EventCatalogue.Agenda read = this.catalogue.agenda(slug);
		EventCatalogue.Event event = read.event();
		List<EventCatalogue.Session> programme = read.sessions();
		String lang = query.language();
		List<EventCatalogue.Session> sessions = programme.stream()
			.filter(s -> query.trackId() == null || query.trackId().equals(s.trackId()))
			.filter(s -> query.roomId() == null || query.roomId().equals(s.roomId()))
			.filter(s -> lang == null || s.languageList().stream().anyMatch(l -> l.equalsIgnoreCase(lang)))
			.filter(s -> query.speakerId() == null || s.speakers().stream().anyMatch(sp -> sp.id() == query.speakerId()))
			.toList();
		AgendaView agenda = AgendaView.of(sessions, event.zone(), viewer, locale, this.clock.instant(), programme,
				query.day(), WHOLE_UP_TO);
		String eventPath = EventWeb.eventPath(event);
		String sharedValue = query.shared().isEmpty() ? null : PersonalAgendas.join(query.shared());
		Set<Long> starred = actor.isSignedIn() ? new HashSet<>(this.agendas.starred(actor, event.id())) : Set.of();
		Set<Long> shared = new HashSet<>(query.shared());

		Labels labels = new Labels(locale);
		boolean mayEdit = Programme.mayEdit(actor, event);
		AgendaMarkup markup = new AgendaMarkup(labels.words,
				new AgendaMarkup.Viewer(actor.isSignedIn(), mayEdit, agenda.dual(), agenda.shown(),
						csrf == null ? null : csrf.getKey(), csrf == null ? null : csrf.getValue()));
		Map<Long, Link> speakerLinks = new HashMap<>();
		List<Day> days = new ArrayList<>();
		for (AgendaView.Day day : agenda.days()) {
			Map<AgendaView.Item, Row> rows = new java.util.IdentityHashMap<>();
			for (AgendaView.Item item : day.sessions()) {
				EventCatalogue.Session s = item.session();
				List<Link> speakers = s.speakers().stream()
					.map(sp -> speakerLinks.computeIfAbsent(sp.id(), id -> new Link(eventPath + "/speakers/" + id, speakerHtml(sp, locale))))
					.toList();
				Translated title = s.shown("title", locale);
				rows.put(item, new Row(s.id(), item.now(), item.next(), item.event().isoStart(), item.event().label(),
						item.viewer() == null ? null : item.viewer().isoStart(), item.viewer() == null ? null : item.viewer().label(),
						title.text(), labels.html(title), eventPath + "/sessions/" + s.id(), labels.facts(s), s.demo(),
						s.trackName() == null ? null : labels.html(s.shown("track", locale)), speakers,
						starred.contains(s.id()), shared.contains(s.id()),
						chooseHref(eventPath, query, agenda.shown(), s.id()),
						mayEdit ? labels.editFor(s) : null, s.cancelled()));
			}
			if (query.grid()) {
				List<Slot> slots = day.slots().stream()
					.map(slot -> new Slot(slot.time().isoStart(), slot.time().startLabel(),
							slot.cells().stream().map(cell -> cell.stream().map(rows::get).toList()).toList()))
					.toList();
				Map<String, String> roomHtml = new HashMap<>();
				day.sessions().forEach(item -> {
					EventCatalogue.Session s = item.session();
					if (s.roomName() != null) {
						roomHtml.computeIfAbsent(s.roomName(), r -> labels.html(s.shown("room", locale)));
					}
				});
				days.add(new Day(day.iso(), day.heading(),
						day.rooms().stream().map(r -> r.isEmpty() ? "" : roomHtml.getOrDefault(r, AgendaMarkup.esc(r))).toList(),
						null, markup.timetable(slots)));
			}
			else {
				days.add(new Day(day.iso(), day.heading(), day.rooms(),
						markup.entries(day.sessions().stream().map(rows::get).toList()), null));
			}
		}

		List<Tab> tabs = new ArrayList<>();
		if (agenda.tabs().size() > 1) {
			for (AgendaView.DayTab tab : agenda.tabs()) {
				tabs.add(new Tab(tab.heading(), tab.count(), href(eventPath, query, tab.iso()), tab.iso().equals(agenda.shown())));
			}
		}
		Tab whole = tabs.isEmpty() ? null
				: new Tab(null, sessions.size(), href(eventPath, query, AgendaView.WHOLE), !agenda.oneDay());
		List<String> languages = programme.stream().map(EventCatalogue.Session::languages).distinct()
			.flatMap(l -> EventCatalogue.Session.languageList(l).stream())
			.distinct().sorted().toList();
		boolean filtered = query.trackId() != null || query.roomId() != null || lang != null || query.speakerId() != null;
		Query unfiltered = new Query(null, null, null, null, null, query.grid(), query.shared());
		return new Page(event, agenda, days, tabs, whole,
				labels.options("event.agenda.allTracks", read.tracks(), EventCatalogue.Track::id, t -> t.shownName(locale).text(),
						query.trackId()),
				labels.options("event.agenda.allRooms", read.rooms(), EventCatalogue.Room::id, r -> r.shownName(locale).text(),
						query.roomId()),
				labels.options("event.agenda.allLanguages", languages, l -> l, l -> this.names.languageNamed(l, locale), lang),
				labels.options("event.agenda.allSpeakers", read.speakers(), EventCatalogue.Speaker::id,
						EventCatalogue.Speaker::name, query.speakerId()),
				mayEdit, eventPath, sharedValue, filtered,
				href(eventPath, unfiltered, null));
	}

	/**
	 * "Add to my agenda" without an account: the same agenda, day and filters with the session added
	 * to the list in the address, back at the session, so that choosing three sessions takes three
	 * requests and no detour through the list.
	 */
	private static String chooseHref(String eventPath, Query query, String day, long sessionId) {
		List<Long> shared = new ArrayList<>(query.shared());
		if (!shared.contains(sessionId)) {
			shared.add(sessionId);
		}
		Query chosen = new Query(query.trackId(), query.roomId(), query.language(), query.speakerId(), query.day(),
				query.grid(), shared);
		return href(eventPath, chosen, day) + "#session-" + sessionId;
	}

	/** The agenda with the same filters, view and shared list, showing {@code day} (null: the day shown by default). */
	private static String href(String eventPath, Query query, String day) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(eventPath + "/agenda");
		if (query.grid()) {
			uri.queryParam("view", "grid");
		}
		if (query.trackId() != null) {
			uri.queryParam("track", query.trackId());
		}
		if (query.roomId() != null) {
			uri.queryParam("room", query.roomId());
		}
		if (query.language() != null) {
			uri.queryParam("language", query.language());
		}
		if (query.speakerId() != null) {
			uri.queryParam("speaker", query.speakerId());
		}
		if (!query.shared().isEmpty()) {
			uri.queryParam("s", PersonalAgendas.join(query.shared()));
		}
		if (day != null) {
			uri.queryParam("day", day);
		}
		return uri.encode().build().toUriString();
	}

	/** The words of a session's facts line, looked up once per page. */
	private final class Labels {

		private final Locale locale;

		private final Map<SessionKind, String> kinds = new EnumMap<>(SessionKind.class);

		private final String room;

		private final String track;

		private final String languages;

		private final String separator = " \u00B7 ";

		private final AgendaMarkup.Words words;

		Labels(Locale locale) {
			this.locale = locale;
			this.words = new AgendaMarkup.Words(message("event.agenda.now"), message("event.agenda.next"),
					message("event.agenda.eventTime"), message("event.agenda.yourTime"), message("event.demo.badge"),
					message("event.my.star"), message("event.my.unstar"), message("event.my.inList"),
					message("event.agenda.addToCalendar"), message("event.session.edit"), message("event.session.cancelled"));
			for (SessionKind kind : SessionKind.values()) {
				this.kinds.put(kind, message("event.sessionKind." + kind));
			}
			this.room = message("event.agenda.room");
			this.track = message("event.agenda.track");
			this.languages = message("event.session.field.languages");
		}

		private String message(String code) {
			return AgendaPages.this.messages.getMessage(code, null, this.locale);
		}

		/** A filter's options: "all" ({@code allCode}), then each choice, the one asked for ({@code selected}) selected. */
		<T> String options(String allCode, List<T> choices, Function<T, Object> value, Function<T, String> label,
				Object selected) {
			return AgendaMarkup.options(message(allCode),
					choices.stream().map(c -> new AgendaMarkup.Option(String.valueOf(value.apply(c)), label.apply(c))).toList(),
					selected == null ? null : String.valueOf(selected));
		}

		/** Edit session: Opening plenary (the edit link's name, for staff). */
		String editFor(EventCatalogue.Session s) {
			return AgendaPages.this.messages.getMessage("event.session.editFor", new Object[] { s.title() }, this.locale);
		}

		/**
		 * Room: Room 01, in the page's typography (French: a narrow no-break space before the colon), as
		 * escaped markup: {@code valueHtml} is markup already.
		 */
		private String fact(String label, String valueHtml) {
			return AgendaPages.this.messages.getMessage("event.agenda.fact", new Object[] { AgendaMarkup.esc(label), valueHtml },
					this.locale);
		}

		/**
		 * Panel · Room: Room 01 · Track: Track 2 · Languages: English, French · 30 seats, registration needed,
		 * as escaped markup (a room or track named only in another language is marked as such).
		 */
		String facts(EventCatalogue.Session s) {
			StringBuilder facts = new StringBuilder(AgendaMarkup.esc(this.kinds.get(s.kind())));
			if (s.roomName() != null) {
				facts.append(this.separator).append(fact(this.room, html(s.shown("room", this.locale))));
			}
			if (s.trackName() != null) {
				facts.append(this.separator).append(fact(this.track, html(s.shown("track", this.locale))));
			}
			if (s.languages() != null) {
				facts.append(this.separator).append(fact(this.languages,
						AgendaMarkup.esc(AgendaPages.this.names.languagesNamed(s.languages(), this.locale))));
			}
			if (s.capacity() != null) {
				facts.append(this.separator).append(AgendaMarkup.esc(
						AgendaPages.this.messages.getMessage("event.session.seats", new Object[] { s.capacity() }, this.locale)));
			}
			return facts.toString();
		}

		/** Escaped markup of a text: in another language than the page's, with its lang and the note "in English". */
		String html(Translated text) {
			if (text == null) {
				return "";
			}
			if (!text.foreign(this.locale)) {
				return AgendaMarkup.esc(text.text());
			}
			return "<span lang=\"" + AgendaMarkup.esc(text.lang()) + "\">" + AgendaMarkup.esc(text.text())
					+ "</span> <small class=\"original-lang\">" + AgendaMarkup.esc(message("common.original." + text.lang()))
					+ "</small>";
		}
	}

	/**
	 * A speaker as Dusan Raicevic (President, NALAS), marked for the page's language: the name and
	 * the organisation as names (translate="no"), the role in the reader's language or marked with
	 * its own.
	 */
	private static String speakerHtml(EventCatalogue.Speaker sp, Locale locale) {
		StringBuilder html = new StringBuilder("<span translate=\"no\">").append(AgendaMarkup.esc(sp.name())).append("</span>");
		List<String> about = new ArrayList<>();
		Translated role = sp.shownRole(locale);
		if (role != null) {
			about.add(role.foreign(locale)
					? "<span lang=\"" + AgendaMarkup.esc(role.lang()) + "\">" + AgendaMarkup.esc(role.text()) + "</span>"
					: AgendaMarkup.esc(role.text()));
		}
		if (sp.organisation() != null && !sp.organisation().isBlank()) {
			about.add("<span translate=\"no\">" + AgendaMarkup.esc(sp.organisation()) + "</span>");
		}
		return about.isEmpty() ? html.toString() : html.append(" (").append(String.join(", ", about)).append(')').toString();
	}
}
