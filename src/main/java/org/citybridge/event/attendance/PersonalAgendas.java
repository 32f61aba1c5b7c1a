package org.citybridge.event.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventNotFound;

/**
 * Personal agendas: the sessions a signed-in person starred, or the sessions named in a shared
 * address for someone without an account, with the clashes between them; and the private address
 * at which a calendar application reads a signed-in person's agenda. That address carries a random
 * secret of which only a SHA-256 hash is stored; making a new one revokes the old.
 */
@Service
public class PersonalAgendas {

	/** At most this many sessions in a shared address, so a long list cannot make the page work hard. */
	static final int MAX_SHARED = 200;

	/** A session starred or unstarred: the event's slug and the session's id, for the page to return to. */
	record Starred(String eventSlug, long sessionId) {
	}

	/** A private calendar address made for an event's page: the event's slug and the address's secret. */
	record Feed(String eventSlug, String token) {
	}

	/** A chosen session with the titles of the other chosen sessions it overlaps. */
	record Chosen(EventCatalogue.Session session, List<EventCatalogue.Session> clashes) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final EventCatalogue catalogue;

	private final AuditLog audit;

	PersonalAgendas(JdbcClient jdbc, EventCatalogue catalogue, AuditLog audit) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.audit = audit;
	}

	/** Stars or unstars a session for the actor; answers the event's slug and the session's id. */
	@Transactional
	Starred star(Actor actor, String slug, String sessionId, boolean starred) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		long account = signedIn(actor);
		long session = this.catalogue.session(event.id(), Text.requireId(sessionId, EventNotFound::new)).id();
		if (starred) {
			this.jdbc.sql("INSERT INTO agenda_stars (account_id, session_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(account, session).update();
		}
		else {
			this.jdbc.sql("DELETE FROM agenda_stars WHERE account_id = ? AND session_id = ?").params(account, session).update();
		}
		return new Starred(event.slug(), session);
	}

	/**
	 * Keeps the sessions of a shared address ({@code shared}, as {@code s=} lists them) in the
	 * actor's account, as if each had been starred: sessions already starred stay as they are, ids
	 * of no session of the event are skipped. Answers the event's slug.
	 */
	@Transactional
	String keep(Actor actor, String slug, String shared) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		long account = signedIn(actor);
		List<Long> sessions = chosen(event.id(), shared(shared)).stream().map(c -> c.session().id()).toList();
		for (long session : sessions) {
			this.jdbc.sql("INSERT INTO agenda_stars (account_id, session_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(account, session).update();
		}
		return event.slug();
	}

	@Transactional(readOnly = true)
	public List<Long> starred(Actor actor, long eventId) {
		return actor.accountId() == null ? List.of() : this.catalogue.starred(actor.accountId(), eventId);
	}

	/** The sessions of the event among {@code ids}, in time order, each with what it clashes with. */
	@Transactional(readOnly = true)
	List<Chosen> chosen(long eventId, java.util.Collection<Long> ids) {
		Set<Long> wanted = new java.util.HashSet<>(ids);
		List<EventCatalogue.Session> sessions = this.catalogue.sessions(eventId, null, null).stream()
			.filter(s -> wanted.contains(s.id())).toList();
		return withClashes(sessions);
	}

	static List<Chosen> withClashes(List<EventCatalogue.Session> sessions) {
		List<Chosen> chosen = new ArrayList<>();
		for (EventCatalogue.Session session : sessions) {
			List<EventCatalogue.Session> clashes = sessions.stream()
				.filter(other -> other.id() != session.id() && other.overlaps(session))
				.toList();
			chosen.add(new Chosen(session, clashes));
		}
		return chosen;
	}

	/**
	 * The session ids of a shared address, {@code s=12,15,18}: numbers only, each once, in the
	 * order given; anything else is skipped rather than refused.
	 */
	public static List<Long> shared(String value) {
		Set<Long> ids = new LinkedHashSet<>();
		if (value != null) {
			for (String part : value.split(",", MAX_SHARED + 1)) {
				if (ids.size() >= MAX_SHARED) {
					break;
				}
				Long id = Text.idOrNull(part);
				if (id != null) {
					ids.add(id);
				}
			}
		}
		return List.copyOf(ids);
	}

	public static String join(java.util.Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
	}

	/**
	 * Makes a new private calendar address from an event's page ({@code slug}), revoking the previous
	 * one; the secret is returned once.
	 */
	@Transactional
	Feed newFeed(Actor actor, String actorLabel, String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		long account = signedIn(actor);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = this.jdbc.sql("""
				INSERT INTO agenda_feeds (account_id, token_hash) VALUES (?, ?)
				ON CONFLICT (account_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
				RETURNING id
				""").params(account, hash(token)).query(Long.class).single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("created", Instant.now().toString());
		this.audit.record(new AuditLog.Who(account, actorLabel), "agendaFeed", id, AuditLog.Action.CREATE, null, after);
		return new Feed(event.slug(), token);
	}

	/** Revokes the actor's private calendar address from an event's page; answers the event's slug. */
	@Transactional
	String revokeFeed(Actor actor, String actorLabel, String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		long account = signedIn(actor);
		Optional<Long> id = this.jdbc.sql("DELETE FROM agenda_feeds WHERE account_id = ? RETURNING id").param(account)
			.query(Long.class).optional();
		id.ifPresent(feed -> this.audit.record(new AuditLog.Who(account, actorLabel), "agendaFeed", feed,
				AuditLog.Action.DELETE, Map.of("revoked", true), null));
		return event.slug();
	}

	/** When the actor's private address was made, if there is one. */
	@Transactional(readOnly = true)
	Optional<Instant> feedCreated(Actor actor) {
		if (actor.accountId() == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT created_at FROM agenda_feeds WHERE account_id = ?").param(actor.accountId())
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).optional();
	}

	/** The account whose private address this is; an unknown or revoked secret finds nobody (404). */
	@Transactional(readOnly = true)
	List<SessionCalendar.Entry> feed(String token, java.util.function.BiFunction<EventCatalogue.Event, EventCatalogue.Session, String> url) {
		if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
			throw new EventNotFound("feed");
		}
		long account = this.jdbc.sql("SELECT account_id FROM agenda_feeds WHERE token_hash = ?").param(hash(token))
			.query(Long.class).optional().orElseThrow(() -> new EventNotFound("feed"));
		Map<Long, EventCatalogue.Event> events = new java.util.HashMap<>();
		return this.catalogue.starredSessions(account).stream()
			.map(s -> {
				EventCatalogue.Event event = events.computeIfAbsent(s.eventId(), this.catalogue::byId);
				return new SessionCalendar.Entry(event, s, url.apply(event, s));
			})
			.toList();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long signedIn(Actor actor) {
		if (actor == null || actor.accountId() == null) {
			throw new AccessDeniedException("A personal agenda kept by the portal needs an account");
		}
		return actor.accountId();
	}
}
