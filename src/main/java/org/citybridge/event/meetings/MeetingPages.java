package org.citybridge.event.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventWeb;
import org.citybridge.event.MeetingFit;
import org.citybridge.event.Programme;
import org.citybridge.system.Actor;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.Moments;
import org.citybridge.system.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What the meeting pages show, each gathered in one call: the participants' list with filters,
 * reasons and suggested meetings; one participant with the slots free for both; a person's
 * schedule of meetings beside their sessions, in the event's zone and the viewer's; and the
 * organiser's counts, table occupancy and interpretation per slot.
 */
/* Not one read-only transaction: a page first lets its event's unanswered requests whose slot began expire. */
@Service
class MeetingPages {

	/** How many suggested meetings the list puts first. */
	static final int SUGGESTED = 5;

	/** A code and its name in the page's language, for a filter's options. */
	record Option(String code, String label) {
	}

	/** A slot as a form offers it: its instant, and its time in the event's zone and the viewer's. */
	record SlotOption(String value, String eventLabel, String viewerLabel) {
	}

	/** Another participant as the list shows them to the viewer. */
	record Entry(MeetingData.Profile profile, String country, List<String> offers, List<String> seeks, List<String> languages,
			MeetingFit.Fit fit, String interpretation, MeetingStatus withMe) {
	}

	/** The list of others, a page of {@link #PAGE_SIZE} at a time ({@code previous} and {@code next} null at the ends). */
	record Participants(EventCatalogue.Event event, String dates, MeetingData.Profile me, List<Entry> suggested,
			List<Entry> entries, int total, String country, String theme, String language, List<Option> countries,
			List<Option> themes, List<Option> languages, boolean bookingOpen, String previous, String position, String next) {
	}

	/** How many participants one page of the list shows: a list of 300 with reasons is no page for a phone. */
	static final int PAGE_SIZE = 30;

	record Person(EventCatalogue.Event event, Entry entry, List<SlotOption> slots, boolean dual, String eventZone,
			String viewerZone, boolean bookingOpen) {
	}

	/** A line of a schedule: a meeting or a session. */
	record Line(boolean meeting, String iso, String eventTime, String viewerTime, String title, String other,
			String represents, Integer table, String tableRoom, String room, MeetingStatus status, boolean interpretation,
			long id, boolean toAnswer, String message, String continueHref) {
	}

	record Schedule(EventCatalogue.Event event, String dates, MeetingData.Profile me, List<Line> lines, List<Line> toAnswer,
			boolean dual, String eventZone, String viewerZone, boolean mayManage) {
	}

	/** One slot for the organiser: tables taken of all, meetings needing interpretation (by language). */
	record SlotUse(String label, int accepted, int tables, int interpretation, String languages) {
	}

	/**
	 * A booked meeting on the organiser's page: when it may be marked (it has ended), and whether a
	 * partnership request continues it (then it stays held: no "missed" is offered, V94).
	 */
	record Booked(MeetingData.Meeting meeting, String time, boolean markable, boolean keptHeld) {
	}

	record Overview(EventCatalogue.Event event, MeetingData.Settings settings, int participants, Map<MeetingStatus, Integer> counts,
			List<SlotUse> slots, List<Booked> meetings, List<String> windows, List<MeetingData.Window> windowRows,
			List<MeetingData.Table> tables, String zone) {
	}

	private final EventCatalogue catalogue;

	private final MeetingData data;

	private final Meetings meetings;

	private final MeetingProfiles profiles;

	private final ObjectProvider<MeetingFit> fit;

	private final DisplayNames names;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	MeetingPages(EventCatalogue catalogue, MeetingData data, Meetings meetings, MeetingProfiles profiles,
			ObjectProvider<MeetingFit> fit, DisplayNames names, MessageSource messages, JdbcClient jdbc) {
		this.catalogue = catalogue;
		this.data = data;
		this.meetings = meetings;
		this.profiles = profiles;
		this.fit = fit;
		this.names = names;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	/** The participants' list for a participant of the event; anyone else is refused (403). */
	Participants participants(Actor actor, String slug, String country, String theme, String language, String page,
			Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		MeetingData.Settings settings = this.data.settings(event.id()).orElseThrow(() -> new MeetingsNotFound(slug));
		long me = this.meetings.participant(actor, event);
		this.meetings.expire(event.id(), this.meetings.clock().instant());
		List<MeetingData.Profile> all = this.data.profiles(event.id());
		MeetingData.Profile mine = all.stream().filter(p -> p.accountId() == me).findFirst().orElseThrow();
		List<MeetingData.Profile> others = all.stream().filter(p -> p.accountId() != me).toList();
		Map<Long, MeetingFit.Fit> fits = fits(mine, others, locale);
		Map<Long, MeetingStatus> withMe = new HashMap<>();
		for (MeetingData.Meeting m : this.data.meetingsOf(event.id(), me)) {
			if (m.status().busy() || !withMe.containsKey(m.otherSide(me))) {
				withMe.put(m.otherSide(me), m.status());
			}
		}
		String c = code(country, others.stream().map(MeetingData.Profile::countryCode).collect(Collectors.toSet()));
		String t = code(theme, Set.copyOf(themeCodes()));
		String l = code(language, Set.copyOf(MeetingProfiles.LANGUAGES));
		List<MeetingData.Profile> matching = new ArrayList<>();
		for (MeetingData.Profile p : others) {
			if ((c == null || c.equals(p.countryCode())) && (t == null || p.offers().contains(t) || p.seeks().contains(t))
					&& (l == null || p.languages().contains(l))) {
				matching.add(p);
			}
		}
		List<MeetingData.Profile> ordered = DisplayNames.sorted(matching, p -> p.represents() + " " + p.personName(), locale);
		int pages = Math.max(1, (ordered.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		Long asked = Text.idOrNull(page);
		int number = asked == null ? 1 : (int) Math.max(1, Math.min(pages, asked));
		List<Entry> sorted = ordered.subList((number - 1) * PAGE_SIZE, Math.min(ordered.size(), number * PAGE_SIZE)).stream()
			.map(p -> entry(p, fits, withMe, locale)).toList();
		List<Entry> suggested = matching.stream().filter(p -> withMe.get(p.accountId()) == null && fits.containsKey(p.accountId())
				&& !fits.get(p.accountId()).reasonsHtml().isEmpty())
			.sorted(Comparator.comparingDouble((MeetingData.Profile p) -> -fits.get(p.accountId()).score()).thenComparing(MeetingData.Profile::id))
			.limit(SUGGESTED)
			.map(p -> entry(p, fits, withMe, locale))
			.toList();
		String base = "/events/" + event.slug() + "/meetings?" + (c == null ? "" : "country=" + c + "&") + (t == null ? "" : "theme=" + t + "&")
				+ (l == null ? "" : "language=" + l + "&") + "page=";
		List<Option> countries = DisplayNames.sorted(others.stream().map(MeetingData.Profile::countryCode).distinct()
			.map(code -> new Option(code, this.names.country(code, locale))).toList(), Option::label, locale);
		return new Participants(event, EventWeb.dates(event, locale), mine, suggested, sorted, others.size(), c, t, l, countries,
				themeOptions(locale), languageOptions(locale), settings.bookingOpen(), number > 1 ? base + (number - 1) : null,
				this.messages.getMessage("common.page", new Object[] { number, pages }, locale),
				number < pages ? base + (number + 1) : null);
	}

	/** One other participant with the slots free for both, for the booking form. */
	Person person(Actor actor, String slug, String accountId, ZoneId viewer, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		MeetingData.Settings settings = this.data.settings(event.id()).orElseThrow(() -> new MeetingsNotFound(slug));
		long me = this.meetings.participant(actor, event);
		long other = Text.requireId(accountId, MeetingsNotFound::new);
		MeetingData.Profile them = this.data.profile(event.id(), other).filter(p -> p.accountId() != me)
			.orElseThrow(() -> new MeetingsNotFound(accountId));
		MeetingData.Profile mine = this.data.profile(event.id(), me).orElseThrow();
		this.meetings.expire(event.id(), this.meetings.clock().instant());
		Map<Long, MeetingStatus> withMe = new HashMap<>();
		this.data.meetingsOf(event.id(), me).stream().filter(m -> m.otherSide(me) == other)
			.forEach(m -> withMe.merge(other, m.status(), (a, b) -> b.busy() ? b : a));
		Entry entry = entry(them, fits(mine, List.of(them), locale), withMe, locale);
		Instant now = this.meetings.clock().instant();
		List<MeetingData.Busy> busy = this.data.busy(event.id(), List.of(me, other));
		Duration length = Duration.ofMinutes(settings.slotMinutes());
		List<SlotOption> slots = MeetingData.slots(settings, this.data.windows(event.id())).stream()
			.filter(s -> s.isAfter(now))
			.filter(s -> busy.stream().noneMatch(b -> b.overlaps(s, s.plus(length))))
			.map(s -> new SlotOption(s.toString(), Moments.range(s, s.plus(length), event.zone(), locale),
					Moments.range(s, s.plus(length), viewer, locale)))
			.toList();
		boolean dual = dual(event.zone(), viewer);
		return new Person(event, entry, slots, dual, zoneName(event.zone(), locale), zoneName(viewer, locale),
				settings.bookingOpen());
	}

	/** The actor's schedule: their meetings beside the sessions they registered for or starred. */
	Schedule schedule(Actor actor, String slug, ZoneId viewer, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		this.data.settings(event.id()).orElseThrow(() -> new MeetingsNotFound(slug));
		if (actor.accountId() == null) {
			throw new AccessDeniedException("A schedule needs an account");
		}
		long me = actor.accountId();
		this.meetings.expire(event.id(), this.meetings.clock().instant());
		MeetingData.Profile mine = this.data.profile(event.id(), me).orElse(null);
		List<Line> lines = new ArrayList<>();
		List<Line> toAnswer = new ArrayList<>();
		for (MeetingData.Meeting m : this.data.meetingsOf(event.id(), me)) {
			if (m.status() == MeetingStatus.DECLINED || m.status() == MeetingStatus.EXPIRED) {
				continue;
			}
			Line line = meetingLine(event, m, me, viewer, locale, continueHref(actor, event.id(), mine, m));
			lines.add(line);
			if (line.toAnswer()) {
				toAnswer.add(line);
			}
		}
		for (EventCatalogue.Session s : sessionsOf(event.id(), me)) {
			lines.add(new Line(false, s.startsAt().toString(), Moments.range(s.startsAt(), s.endsAt(), event.zone(), locale),
					Moments.range(s.startsAt(), s.endsAt(), viewer, locale), s.title(), null, null, null, null, s.roomName(), null,
					false, s.id(), false, null, null));
		}
		lines.sort(Comparator.comparing(Line::iso));
		return new Schedule(event, EventWeb.dates(event, locale), mine, lines, toAnswer, dual(event.zone(), viewer),
				zoneName(event.zone(), locale), zoneName(viewer, locale), Programme.mayEdit(actor, event));
	}

	/** The sessions the person registered for or starred, in time order, none cancelled. */
	List<EventCatalogue.Session> sessionsOf(long eventId, long accountId) {
		Set<Long> chosen = new java.util.HashSet<>(this.catalogue.starred(accountId, eventId));
		chosen.addAll(this.jdbc.sql("SELECT session_id FROM registrations WHERE event_id = ? AND account_id = ? AND session_id IS NOT NULL")
			.params(eventId, accountId).query(Long.class).list());
		return this.catalogue.sessions(eventId, null, null).stream()
			.filter(s -> chosen.contains(s.id()) && !s.cancelled()).toList();
	}

	/** The actor's meetings of the event that hold their slot (a request as tentative), for the calendar file. */
	List<MeetingData.Meeting> calendarMeetings(Actor actor, EventCatalogue.Event event) {
		if (actor.accountId() == null) {
			throw new AccessDeniedException("A schedule needs an account");
		}
		this.meetings.expire(event.id(), this.meetings.clock().instant());
		return this.data.meetingsOf(event.id(), actor.accountId()).stream()
			.filter(m -> m.status() == MeetingStatus.REQUESTED || m.status() == MeetingStatus.ACCEPTED
					|| m.status() == MeetingStatus.HELD)
			.toList();
	}

	/** The organiser's page: settings, windows and tables, counts, slots and the meetings to mark. */
	Overview overview(Actor actor, String slug, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		if (!Programme.mayEdit(actor, event)) {
			throw new AccessDeniedException("Only the host's staff run the meetings of " + slug);
		}
		Instant now = this.meetings.clock().instant();
		MeetingData.Settings settings = this.data.settings(event.id()).orElse(null);
		if (settings == null) {
			return new Overview(event, null, 0, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
					zoneName(event.zone(), locale));
		}
		this.meetings.expire(event.id(), now);
		List<MeetingData.Window> windows = this.data.windows(event.id());
		List<MeetingData.Table> tables = this.data.tables(event.id());
		List<MeetingData.Meeting> all = this.data.meetings(event.id());
		Map<MeetingStatus, Integer> counts = new LinkedHashMap<>();
		for (MeetingStatus status : MeetingStatus.values()) {
			counts.put(status, (int) all.stream().filter(m -> m.status() == status).count());
		}
		Map<Long, String> interpretation = new HashMap<>();
		this.data.profiles(event.id()).forEach(p -> interpretation.put(p.accountId(), p.interpretation()));
		Duration length = Duration.ofMinutes(settings.slotMinutes());
		List<SlotUse> slots = new ArrayList<>();
		for (Instant slot : MeetingData.slots(settings, windows)) {
			List<MeetingData.Meeting> in = all.stream()
				.filter(m -> m.tableNumber() != null && m.startsAt().equals(slot)).toList();
			List<MeetingData.Meeting> interpreted = in.stream().filter(MeetingData.Meeting::interpretation).toList();
			String languages = interpreted.stream()
				.flatMap(m -> java.util.stream.Stream.of(interpretation.get(m.requesterId()), interpretation.get(m.inviteeId())))
				.filter(Objects::nonNull).filter(x -> !"NONE".equals(x)).distinct().sorted()
				.map(x -> this.messages.getMessage("meeting.interpretation." + x, null, locale))
				.collect(Collectors.joining(", "));
			slots.add(new SlotUse(Moments.range(slot, slot.plus(length), event.zone(), locale), in.size(), tables.size(),
					interpreted.size(), languages));
		}
		Set<Long> origins = this.data.requestOrigins(event.id());
		List<Booked> booked = all.stream()
			.filter(m -> m.tableNumber() != null)
			.map(m -> new Booked(m, Moments.range(m.startsAt(), m.endsAt(), event.zone(), locale), !m.endsAt().isAfter(now),
					m.status() == MeetingStatus.HELD && origins.contains(m.id())))
			.toList();
		List<String> windowLabels = windows.stream().map(w -> Moments.range(w.startsAt(), w.endsAt(), event.zone(), locale)).toList();
		return new Overview(event, settings, this.data.profiles(event.id()).size(), counts, slots, booked, windowLabels, windows,
				tables, zoneName(event.zone(), locale));
	}

	/** The opt-in form's event and choices; only people with a seat at the event see it. */
	EventCatalogue.Event optInEvent(Actor actor, String slug) {
		return this.profiles.eligible(actor, slug);
	}

	List<Option> themeOptions(Locale locale) {
		return themeCodes().stream().map(c -> new Option(c, this.messages.getMessage("theme." + c, null, c, locale))).toList();
	}

	List<Option> languageOptions(Locale locale) {
		return DisplayNames.sorted(MeetingProfiles.LANGUAGES.stream().map(c -> new Option(c, this.names.language(c, locale))).toList(),
				Option::label, locale);
	}

	List<Option> countryOptions(Locale locale) {
		return DisplayNames.sorted(this.jdbc.sql("SELECT code FROM countries").query(String.class).list().stream()
			.map(c -> new Option(c, this.names.country(c, locale))).toList(), Option::label, locale);
	}

	private List<String> themeCodes() {
		return this.jdbc.sql("SELECT code FROM themes ORDER BY position, code").query(String.class).list();
	}

	/**
	 * After a held meeting, an officer of one side's municipality continues as a partnership request
	 * to the other's, the themes the two profiles share (one's offer the other's need, or both's)
	 * ticked and the meeting named; null when that does not apply.
	 */
	private String continueHref(Actor actor, long eventId, MeetingData.Profile mine, MeetingData.Meeting m) {
		if (m.status() != MeetingStatus.HELD || mine == null || mine.municipalityId() == null
				|| actor.role() != Actor.Role.OFFICER || !mine.municipalityId().equals(actor.municipalityId())) {
			return null;
		}
		MeetingData.Profile theirs = this.data.profile(eventId, m.otherSide(mine.accountId())).orElse(null);
		if (theirs == null || theirs.municipalityId() == null || theirs.municipalityId().equals(mine.municipalityId())) {
			return null;
		}
		java.util.Set<String> talked = new java.util.LinkedHashSet<>();
		mine.offers().stream().filter(t -> theirs.seeks().contains(t) || theirs.offers().contains(t)).forEach(talked::add);
		mine.seeks().stream().filter(t -> theirs.offers().contains(t) || theirs.seeks().contains(t)).forEach(talked::add);
		StringBuilder href = new StringBuilder("/municipalities/" + theirs.municipalityId() + "/requests/new");
		String separator = "?";
		for (String theme : talked) {
			href.append(separator).append("themes=").append(theme);
			separator = "&";
		}
		// The request records the meeting it continues, so the agreement it may open names the forum (V86).
		return href.append(separator).append("meeting=").append(m.id()).toString();
	}

	private Line meetingLine(EventCatalogue.Event event, MeetingData.Meeting m, long me, ZoneId viewer, Locale locale,
			String continueHref) {
		return new Line(true, m.startsAt().toString(), Moments.range(m.startsAt(), m.endsAt(), event.zone(), locale),
				Moments.range(m.startsAt(), m.endsAt(), viewer, locale), null, m.otherName(me), m.otherRepresents(me),
				m.tableNumber(), m.tableRoom(), null, m.status(), m.interpretation(), m.id(),
				m.status() == MeetingStatus.REQUESTED && m.inviteeId() == me, m.message(), continueHref);
	}

	private Map<Long, MeetingFit.Fit> fits(MeetingData.Profile mine, List<MeetingData.Profile> others, Locale locale) {
		Map<Long, MeetingFit.Fit> byAccount = new HashMap<>();
		if (mine.municipalityId() == null) {
			return byAccount;
		}
		List<Long> municipalities = others.stream().map(MeetingData.Profile::municipalityId).filter(Objects::nonNull).distinct().toList();
		Map<Long, MeetingFit.Fit> byMunicipality = this.fit.getIfAvailable(() -> MeetingFit.NONE)
			.fits(mine.municipalityId(), municipalities, locale);
		for (MeetingData.Profile p : others) {
			if (p.municipalityId() != null && byMunicipality.containsKey(p.municipalityId())) {
				byAccount.put(p.accountId(), byMunicipality.get(p.municipalityId()));
			}
		}
		return byAccount;
	}

	private Entry entry(MeetingData.Profile p, Map<Long, MeetingFit.Fit> fits, Map<Long, MeetingStatus> withMe, Locale locale) {
		List<String> offers = p.offers().stream().map(c -> this.messages.getMessage("theme." + c, null, c, locale)).toList();
		List<String> seeks = p.seeks().stream().map(c -> this.messages.getMessage("theme." + c, null, c, locale)).toList();
		List<String> languages = p.languages().stream().map(c -> this.names.language(c, locale)).toList();
		String interpretation = p.needsInterpretation()
				? this.messages.getMessage("meeting.interpretation." + p.interpretation(), null, locale) : null;
		return new Entry(p, this.names.country(p.countryCode(), locale), offers, seeks, languages,
				fits.getOrDefault(p.accountId(), MeetingFit.Fit.NONE), interpretation, withMe.get(p.accountId()));
	}

	private static String code(String value, Set<String> allowed) {
		String v = Text.blankToNull(value);
		return v != null && allowed.contains(v) ? v : null;
	}

	private static boolean dual(ZoneId event, ZoneId viewer) {
		return viewer != null && !viewer.getRules().equals(event.getRules());
	}

	private static String zoneName(ZoneId zone, Locale locale) {
		return zone == null ? "" : zone.getDisplayName(java.time.format.TextStyle.FULL, locale) + " (" + zone.getId() + ")";
	}
}
