package org.citybridge.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.system.translation.Translated;
import org.citybridge.system.translation.Translations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads events and their programmes for the public pages and the staff forms. */
@Service
@Transactional(readOnly = true)
public class EventCatalogue {

	public record Event(long id, String slug, String title, EventKind kind, long hostOrganisationId, String hostName,
			LocalDate startsOn, LocalDate endsOn, ZoneId zone, String venueName, String venueAddress, String description,
			boolean demo, boolean registrationOpen, Integer capacity, Translations i18n) {

		/** The title as the reader sees it (issue 20: in their language, else the original marked). */
		public Translated shownTitle(java.util.Locale reader) {
			return this.i18n.pick("title", reader);
		}

		public Translated shownDescription(java.util.Locale reader) {
			return this.i18n.pick("description", reader);
		}
	}

	public record Room(long id, String name, Integer capacity, Translations i18n) {

		public Translated shownName(java.util.Locale reader) {
			return this.i18n.pick("name", reader);
		}
	}

	public record Track(long id, int position, String name, Translations i18n) {

		public Translated shownName(java.util.Locale reader) {
			return this.i18n.pick("name", reader);
		}
	}

	public record Speaker(long id, String name, String role, String organisation, boolean demo, String bio,
			Translations i18n) {

		public Translated shownRole(java.util.Locale reader) {
			return this.i18n.pick("role", reader);
		}

		/** The speaker as Dusan Raicevic (President, NALAS): the name, then what is known of role and organisation. */
		public String label() {
			String about = java.util.stream.Stream.of(this.role, this.organisation)
				.filter(s -> s != null && !s.isBlank())
				.collect(java.util.stream.Collectors.joining(", "));
			return about.isEmpty() ? this.name : this.name + " (" + about + ")";
		}
	}

	public record Session(long id, long eventId, String title, String abstractText, Instant startsAt, Instant endsAt,
			Long roomId, String roomName, Long trackId, String trackName, SessionKind kind, String languages,
			boolean demo, long version, List<Speaker> speakers, Integer capacity, Instant cancelledAt, Translations i18n) {

		public boolean cancelled() {
			return this.cancelledAt != null;
		}

		/** Title, abstract, room and track as the reader sees them (issue 20). */
		public Translated shown(String field, java.util.Locale reader) {
			return this.i18n.pick(field, reader);
		}

		/** Whether this session overlaps {@code other} (half-open ranges, as the database sees them). */
		public boolean overlaps(Session other) {
			return this.startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(this.endsAt);
		}

		/** The languages as a list: English and Mongolian from the text English, Mongolian. */
		public List<String> languageList() {
			return languageList(this.languages);
		}

		public static List<String> languageList(String languages) {
			return languages == null ? List.of()
					: java.util.Arrays.stream(LANGUAGE_SEPARATOR.split(languages)).map(String::strip).filter(l -> !l.isEmpty()).toList();
		}
	}

	private static final java.util.regex.Pattern LANGUAGE_SEPARATOR = java.util.regex.Pattern.compile("[,;/]");

	private static final String EVENT_COLUMNS = """
			SELECT e.id, e.slug, e.title, e.kind, e.host_organisation_id, coalesce(o.short_name, o.name) AS host,
			       e.starts_on, e.ends_on, e.time_zone, e.venue_name, e.venue_address, e.description, e.demo,
			       e.registration_open, e.capacity, e.content_lang, e.translations::text AS translations
			FROM events e JOIN organisations o ON o.id = e.host_organisation_id
			""";

	private final JdbcClient jdbc;

	EventCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Event> all() {
		return this.jdbc.sql(EVENT_COLUMNS + " ORDER BY e.starts_on DESC, e.id").query(EventCatalogue::event).list();
	}

	public Event bySlug(String slug) {
		return this.jdbc.sql(EVENT_COLUMNS + " WHERE e.slug = ?")
			.param(slug)
			.query(EventCatalogue::event)
			.optional()
			.orElseThrow(() -> new EventNotFound(slug));
	}

	public List<Room> rooms(long eventId) {
		return this.jdbc.sql("SELECT id, name, capacity, content_lang, translations::text FROM rooms WHERE event_id = ? ORDER BY name, id")
			.param(eventId)
			.query((rs, n) -> new Room(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
					Translations.builder().from(rs.getString(4), rs.getString(5)).put("name", rs.getString(2)).build()))
			.list();
	}

	public List<Track> tracks(long eventId) {
		return this.jdbc.sql("SELECT id, position, name, content_lang, translations::text FROM tracks WHERE event_id = ? ORDER BY position, id")
			.param(eventId)
			.query((rs, n) -> new Track(rs.getLong(1), rs.getInt(2), rs.getString(3),
					Translations.builder().from(rs.getString(4), rs.getString(5)).put("name", rs.getString(3)).build()))
			.list();
	}

	/** The people who speak at this event, by name. */
	public List<Speaker> speakers(long eventId) {
		return this.jdbc.sql("""
				SELECT DISTINCT sp.id, sp.name, sp.role, sp.organisation, sp.demo, sp.bio, sp.content_lang, sp.translations::text
				FROM speakers sp JOIN session_speakers ss ON ss.speaker_id = sp.id JOIN sessions s ON s.id = ss.session_id
				WHERE s.event_id = ? ORDER BY sp.name, sp.id
				""").param(eventId).query(EventCatalogue::speaker).list();
	}

	/** One speaker of this event. */
	public Speaker speaker(long eventId, long speakerId) {
		return speakers(eventId).stream()
			.filter(s -> s.id() == speakerId)
			.findFirst()
			.orElseThrow(() -> new EventNotFound(speakerId));
	}

	/** Every session someone starred, of every event, for their private calendar feed. */
	public List<Session> starredSessions(long accountId) {
		List<Long> events = this.jdbc.sql("""
				SELECT DISTINCT s.event_id FROM agenda_stars a JOIN sessions s ON s.id = a.session_id WHERE a.account_id = ?
				ORDER BY s.event_id
				""").param(accountId).query(Long.class).list();
		java.util.Set<Long> starred = new java.util.HashSet<>(starred(accountId, null));
		List<Session> all = new ArrayList<>();
		for (long event : events) {
			sessions(event, null, null).stream().filter(s -> starred.contains(s.id())).forEach(all::add);
		}
		return all;
	}

	/** The ids of the sessions someone starred, of one event or ({@code eventId} null) of all. */
	public List<Long> starred(long accountId, Long eventId) {
		return this.jdbc.sql("""
				SELECT a.session_id FROM agenda_stars a JOIN sessions s ON s.id = a.session_id
				WHERE a.account_id = ? AND (CAST(? AS bigint) IS NULL OR s.event_id = ?) ORDER BY s.starts_at, s.id
				""").params(accountId, eventId, eventId).query(Long.class).list();
	}

	public Event byId(long eventId) {
		return this.jdbc.sql(EVENT_COLUMNS + " WHERE e.id = ?")
			.param(eventId)
			.query(EventCatalogue::event)
			.optional()
			.orElseThrow(() -> new EventNotFound(eventId));
	}

	/**
	 * The events of these ids, in the order given (an id of no event is left out): one statement,
	 * outside a transaction, for a list that names several (the register's forum filter).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public List<Event> byIds(List<Long> eventIds) {
		if (eventIds.isEmpty()) {
			return List.of();
		}
		Map<Long, Event> found = new java.util.HashMap<>();
		this.jdbc.sql(EVENT_COLUMNS + " WHERE e.id = ANY(?)")
			.param(eventIds.toArray(Long[]::new))
			.query(EventCatalogue::event)
			.list()
			.forEach(e -> found.put(e.id(), e));
		return eventIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Everyone a session could be given to, for the staff form. */
	public List<Speaker> allSpeakers() {
		return this.jdbc.sql("SELECT id, name, role, organisation, demo, bio, content_lang, translations::text FROM speakers ORDER BY name, id")
			.query(EventCatalogue::speaker)
			.list();
	}

	/** The programme in time order, narrowed to one track and/or one room when asked. */
	public List<Session> sessions(long eventId, Long trackId, Long roomId) {
		List<Session> sessions = this.jdbc.sql("""
				SELECT s.id, s.event_id, s.title, s.abstract, s.starts_at, s.ends_at, s.room_id, r.name, s.track_id, t.name,
				       s.kind, s.languages, s.demo, s.version, s.capacity, s.cancelled_at, s.content_lang,
				       s.translations::text, r.content_lang, r.translations::text, t.content_lang, t.translations::text
				FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN tracks t ON t.id = s.track_id
				WHERE s.event_id = :event AND (CAST(:track AS bigint) IS NULL OR s.track_id = :track)
				  AND (CAST(:room AS bigint) IS NULL OR s.room_id = :room)
				ORDER BY s.starts_at, r.name NULLS LAST, s.id
				""").param("event", eventId).param("track", trackId).param("room", roomId)
			.query(EventCatalogue::session)
			.list();
		return withSpeakers(eventId, sessions);
	}

	/**
	 * What the agenda page reads, in five statements (src/bench/agenda.sql runs the same ones): the event, the people who speak at it, its sessions in time order each with the
	 * ids of its speakers, its rooms and its tracks. Abstracts and biographies are left out (null): the
	 * session and speaker pages show them.
	 */
	public record Agenda(Event event, List<Session> sessions, List<Speaker> speakers, List<Room> rooms, List<Track> tracks) {
	}

	// Five reads, each with its own snapshot under READ COMMITTED whether or not they share a
	// transaction: no transaction to begin and commit, one connection for the five.
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public Agenda agenda(String slug) {
		Event event = bySlug(slug);
		List<Speaker> speakers = this.jdbc.sql("""
				SELECT sp.id, sp.name, sp.role, sp.organisation, sp.demo, NULL, sp.content_lang, sp.translations::text FROM speakers sp
				WHERE sp.id IN (SELECT ss.speaker_id FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id
				                WHERE s.event_id = ?)
				ORDER BY sp.name, sp.id
				""").param(event.id()).query(EventCatalogue::speaker).list();
		Map<Long, Integer> position = new java.util.HashMap<>();
		for (Speaker speaker : speakers) {
			position.put(speaker.id(), position.size());
		}
		List<Session> sessions = this.jdbc.sql("""
				SELECT s.id, s.event_id, s.title, NULL, s.starts_at, s.ends_at, s.room_id, r.name, s.track_id, t.name,
				       s.kind, s.languages, s.demo, s.version, s.capacity, s.cancelled_at, s.content_lang,
				       s.translations::text, r.content_lang, r.translations::text, t.content_lang, t.translations::text,
				       (SELECT array_agg(ss.speaker_id) FROM session_speakers ss WHERE ss.session_id = s.id)
				FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN tracks t ON t.id = s.track_id
				WHERE s.event_id = ?
				ORDER BY s.starts_at, r.name NULLS LAST, s.id
				""").param(event.id()).query((rs, n) -> {
					Session session = session(rs, n);
					java.sql.Array ids = rs.getArray(23);
					if (ids == null) {
						return session;
					}
					// In the order of the speakers list: by name, then id.
					List<Speaker> of = java.util.Arrays.stream((Long[]) ids.getArray())
						.map(position::get)
						.filter(java.util.Objects::nonNull)
						.sorted()
						.map(speakers::get)
						.toList();
					return new Session(session.id(), session.eventId(), session.title(), null, session.startsAt(),
							session.endsAt(), session.roomId(), session.roomName(), session.trackId(), session.trackName(),
							session.kind(), session.languages(), session.demo(), session.version(), of, session.capacity(),
							session.cancelledAt(), session.i18n());
				}).list();
		return new Agenda(event, sessions, speakers, rooms(event.id()), tracks(event.id()));
	}

	public Session session(long eventId, long sessionId) {
		return sessions(eventId, null, null).stream()
			.filter(s -> s.id() == sessionId)
			.findFirst()
			.orElseThrow(() -> new EventNotFound(sessionId));
	}

	private List<Session> withSpeakers(long eventId, List<Session> sessions) {
		Map<Long, List<Speaker>> bySession = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT ss.session_id, sp.id, sp.name, sp.role, sp.organisation, sp.demo, sp.bio, sp.content_lang,
				       sp.translations::text
				FROM session_speakers ss JOIN speakers sp ON sp.id = ss.speaker_id JOIN sessions s ON s.id = ss.session_id
				WHERE s.event_id = ? ORDER BY sp.name, sp.id
				""").param(eventId).query((rs, n) -> bySession.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Speaker(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
						rs.getString(7), Translations.builder().from(rs.getString(8), rs.getString(9)).put("role", rs.getString(4)).build())))
			.list();
		return sessions.stream()
			.map(s -> new Session(s.id(), s.eventId(), s.title(), s.abstractText(), s.startsAt(), s.endsAt(), s.roomId(),
					s.roomName(), s.trackId(), s.trackName(), s.kind(), s.languages(), s.demo(), s.version(),
					List.copyOf(bySession.getOrDefault(s.id(), List.of())), s.capacity(), s.cancelledAt(), s.i18n()))
			.toList();
	}

	private static Event event(ResultSet rs, int row) throws SQLException {
		return new Event(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), EventKind.valueOf(rs.getString("kind")),
				rs.getLong("host_organisation_id"), rs.getString("host"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), ZoneId.of(rs.getString("time_zone")), rs.getString("venue_name"),
				rs.getString("venue_address"), rs.getString("description"), rs.getBoolean("demo"),
				rs.getBoolean("registration_open"), (Integer) rs.getObject("capacity"),
				Translations.builder().from(rs.getString("content_lang"), rs.getString("translations"))
					.put("title", rs.getString("title"))
					.put("description", rs.getString("description"))
					.build());
	}

	private static Speaker speaker(ResultSet rs, int row) throws SQLException {
		return new Speaker(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
				Translations.builder().from(rs.getString(7), rs.getString(8)).put("role", rs.getString(3)).build());
	}

	private static Session session(ResultSet rs, int row) throws SQLException {
		return new Session(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, java.time.OffsetDateTime.class).toInstant(),
				rs.getObject(6, java.time.OffsetDateTime.class).toInstant(), (Long) rs.getObject(7), rs.getString(8),
				(Long) rs.getObject(9), rs.getString(10), SessionKind.valueOf(rs.getString(11)), rs.getString(12),
				rs.getBoolean(13), rs.getLong(14), List.of(), (Integer) rs.getObject(15),
				rs.getObject(16, java.time.OffsetDateTime.class) == null ? null
						: rs.getObject(16, java.time.OffsetDateTime.class).toInstant(),
				Translations.builder().from(rs.getString(17), rs.getString(18))
					.put("title", rs.getString(3))
					.put("abstract", rs.getString(4))
					.from(rs.getString(19), rs.getString(20))
					.put("room", "name", rs.getString(8))
					.from(rs.getString(21), rs.getString(22))
					.put("track", "name", rs.getString(10))
					.build());
	}
}
