package org.citybridge.event.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Moments;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventNotFound;

/**
 * Delegates register for an event, or for a session with a limited number of seats. Who gets a
 * seat and who waits at which position is decided by PostgreSQL ({@code registrations_place} in
 * V30), one registration at a time per event or session, so the limit holds under any number of
 * simultaneous registrations; cancelling hands the seat to position 1 and moves the list up.
 */
@Service
public record Registrations(JdbcClient jdbc,
		EventCatalogue catalogue,
		AuditLog audit,
		TransactionTemplate transactions,
		Clock clock,
		AttendanceNotices notices) {

	/** One delegate's registration: a seat, or a place on the waiting list. */
	public record Registration(long id, RegistrationState status, Integer position) {

		public boolean confirmed() {
			return this.status == RegistrationState.CONFIRMED;
		}
	}

	/** Seats taken and people waiting for an event or a session. */
	public record Counts(Integer capacity, int confirmed, int waiting) {

		public boolean full() {
			return this.capacity != null && this.confirmed >= this.capacity;
		}

		public int free() {
			return this.capacity == null ? Integer.MAX_VALUE : Math.max(0, this.capacity - this.confirmed);
		}
	}

	/**
	 * Where a visitor stands with an event or a session: its seats ({@code null} for a session
	 * without a limit, which takes no registrations), the visitor's own registration (null when none)
	 * and whether the event is over.
	 */
	public record Standing(Counts seats, Registration registration, boolean ended) {
	}

	/**
	 * What became of a delegate's request to register or cancel, for the page they return to: the
	 * event's slug, the session (null for the event), and the flash message or, when refused, the
	 * refusal's message key and its arguments.
	 */
	record Answer(String eventSlug, Long sessionId, String flash, String refusal, Object[] refusalArguments) {

		Answer(String eventSlug, Long sessionId, String flash, String refusal) {
			this(eventSlug, sessionId, flash, refusal, new Object[0]);
		}
	}

	/** Registers the signed-in actor for the event ({@code sessionId} null) or one of its sessions. */
	Registration register(Actor actor, String actorLabel, String slug, Long sessionId) {
		return register(actor, actorLabel, slug, sessionId, Locale.ENGLISH);
	}

	/**
	 * Registers the signed-in actor for the event ({@code sessionId} null) or one of its sessions;
	 * a session over a meeting that holds the actor's slot is refused, naming the meeting (V87) with
	 * its time in the event's zone, written for {@code locale}.
	 */
	Registration register(Actor actor, String actorLabel, String slug, Long sessionId, Locale locale) {
		long account = signedIn(actor);
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Session chosen = sessionId == null ? null : this.catalogue.session(event.id(), sessionId);
		Long session = chosen == null ? null : chosen.id();
		String title = chosen == null ? event.title() : chosen.title();
		String link = "/events/" + event.slug() + (chosen == null ? "" : "/sessions/" + chosen.id());
		if (ended(event, this.clock.instant())) {
			throw Refusal.ofForm("event.registration.error.ended");
		}
		if (session == null && !event.registrationOpen()) {
			throw Refusal.ofForm("event.registration.error.closed");
		}
		try {
			return insert(account, actorLabel, event, session, title, link);
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("registrations_meeting_clash_ck")) {
				// A request whose slot began unanswered has expired by the portal's clock, though no page wrote it yet:
				// it holds nobody's slot. Written only on a clash, so registrations without one cost nothing more.
				int expired = this.jdbc.sql("SELECT meetings_expire(?, ?)").params(event.id(), Timestamp.from(this.clock.instant()))
					.query(Integer.class).single();
				if (expired > 0) {
					try {
						return insert(account, actorLabel, event, session, title, link);
					}
					catch (DataIntegrityViolationException again) {
						throw refusal(again, account, event, locale);
					}
				}
			}
			throw refusal(ex, account, event, locale);
		}
	}

	private Registration insert(long account, String actorLabel, EventCatalogue.Event event, Long session, String title,
			String link) {
		return this.transactions.execute(tx -> {
			Registration registration = this.jdbc.sql("""
					INSERT INTO registrations (event_id, session_id, account_id, status) VALUES (?, ?, ?, ?)
					RETURNING id, status, position
					""").params(event.id(), session, account, RegistrationState.onArrival().name())
				.query(Registrations::registration).single();
			this.audit.record(new AuditLog.Who(account, actorLabel), "registration", registration.id(),
					AuditLog.Action.CREATE, null, view(event.id(), session, registration));
			this.notices.announceRegistered(account, title, link, registration);
			return registration;
		});
	}

	private RuntimeException refusal(DataIntegrityViolationException ex, long account, EventCatalogue.Event event, Locale locale) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("registrations_account_uk")) {
			return Refusal.ofForm("event.registration.error.already");
		}
		if (message.contains("registrations_open_ck")) {
			return Refusal.ofForm("event.registration.error.closed");
		}
		if (message.contains("registrations_session_ck")) {
			return Refusal.ofForm("event.registration.error.noSeats");
		}
		if (message.contains("registrations_meeting_clash_ck")) {
			return meetingClash(message, account, event, locale);
		}
		return ex;
	}

	/**
	 * The refusal of a registration over a meeting: the other side's name and the meeting's time
	 * (the trigger's message carries the meeting's id), and whether it is accepted or still asked for.
	 */
	private Refusal meetingClash(String message, long account, EventCatalogue.Event event, Locale locale) {
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("has meeting (\\d+)").matcher(message);
		Optional<Object[]> meeting = !id.find() ? Optional.empty() : this.jdbc.sql("""
				SELECT p.person_name, m.starts_at, m.ends_at, m.status FROM meetings m
				JOIN meeting_profiles p ON p.event_id = m.event_id
				 AND p.account_id = CASE WHEN m.requester_id = ? THEN m.invitee_id ELSE m.requester_id END
				WHERE m.id = ?
				""").params(account, Long.parseLong(id.group(1)))
			.query((rs, n) -> new Object[] { rs.getString(1),
					Moments.range(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), event.zone(), locale),
					rs.getString(4) })
			.optional();
		if (meeting.isEmpty()) {
			return Refusal.ofForm("event.registration.error.meetingUnnamed");
		}
		Object[] m = meeting.get();
		return Refusal.ofForm("REQUESTED".equals(m[2]) ? "event.registration.error.meetingAsked"
				: "event.registration.error.meeting", m[0], m[1]);
	}

	/**
	 * Registers the actor for the event or, when {@code sessionId} (as the address gives it) is not
	 * null, one of its sessions; or cancels that registration ({@code cancel}).
	 */
	Answer answer(Actor actor, String actorLabel, String slug, String sessionId, boolean cancel, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		Long session = sessionId == null ? null
				: this.catalogue.session(event.id(), Text.requireId(sessionId, EventNotFound::new)).id();
		if (cancel) {
			boolean cancelled = cancel(actor, actorLabel, slug, session);
			return new Answer(event.slug(), session,
					cancelled ? "event.registration.flash.cancelled" : "event.registration.flash.none", null);
		}
		try {
			Registration registration = register(actor, actorLabel, slug, session, locale);
			return new Answer(event.slug(), session,
					registration.confirmed() ? "event.registration.flash.confirmed" : "event.registration.flash.waiting", null);
		}
		catch (Refusal refused) {
			return new Answer(event.slug(), session, null, refused.messageKey(), refused.arguments());
		}
	}

	/** Cancels the actor's registration; the database gives a freed seat to the first person waiting. */
	boolean cancel(Actor actor, String actorLabel, String slug, Long sessionId) {
		long account = signedIn(actor);
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		Boolean cancelled = this.transactions.execute(tx -> {
			List<Long> waiting = this.notices.waiting(event.id(), sessionId);
			Optional<Registration> registration = this.jdbc.sql("""
					DELETE FROM registrations WHERE event_id = ? AND target = coalesce(CAST(? AS bigint), 0) AND account_id = ?
					RETURNING id, status, position
					""").params(event.id(), sessionId, account).query(Registrations::registration).optional();
			registration.ifPresent(r -> this.audit.record(new AuditLog.Who(account, actorLabel), "registration", r.id(),
					AuditLog.Action.DELETE, view(event.id(), sessionId, r), null));
			// The database gave a freed seat to the first in the queue: they hear of it.
			this.notices.announcePromoted(waiting);
			return registration.isPresent();
		});
		return Boolean.TRUE.equals(cancelled);
	}

	/**
	 * Whether the event is over: its last day has passed in its own time zone. Nobody registers for an
	 * event that has ended (the portal's one clock decides, so tests can fix "now").
	 */
	public static boolean ended(EventCatalogue.Event event, Instant now) {
		return !now.isBefore(event.endsOn().plusDays(1).atStartOfDay(event.zone()).toInstant());
	}

	public boolean ended(EventCatalogue.Event event) {
		return ended(event, this.clock.instant());
	}

	public Optional<Registration> of(Actor actor, long eventId, Long sessionId) {
		if (actor.accountId() == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT id, status, position FROM registrations
				WHERE event_id = ? AND target = coalesce(CAST(? AS bigint), 0) AND account_id = ?
				""").params(eventId, sessionId, actor.accountId()).query(Registrations::registration).optional();
	}

	/** Where the actor stands with the event ({@code session} null) or one of its sessions. */
	public Standing standing(Actor actor, EventCatalogue.Event event, EventCatalogue.Session session) {
		Long sessionId = session == null ? null : session.id();
		Counts seats = session == null ? counts(event.id(), null, event.capacity())
				: session.capacity() == null ? null : counts(event.id(), sessionId, session.capacity());
		return new Standing(seats, of(actor, event.id(), sessionId).orElse(null), ended(event));
	}

	public Counts counts(long eventId, Long sessionId, Integer capacity) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = ?), count(*) FILTER (WHERE status = ?)
				FROM registrations WHERE event_id = ? AND target = coalesce(CAST(? AS bigint), 0)
				""").params(RegistrationState.CONFIRMED.name(), RegistrationState.WAITING.name(), eventId, sessionId)
			.query((rs, n) -> new Counts(capacity, rs.getInt(1), rs.getInt(2)))
			.single();
	}

	private static long signedIn(Actor actor) {
		if (actor == null || actor.accountId() == null) {
			throw new AccessDeniedException("Registering needs an account");
		}
		return actor.accountId();
	}

	private static Registration registration(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Registration(rs.getLong(1), RegistrationState.valueOf(rs.getString(2)), (Integer) rs.getObject(3));
	}

	private static Map<String, Object> view(long eventId, Long sessionId, Registration registration) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("eventId", eventId);
		view.put("sessionId", sessionId);
		view.put("status", registration.status().name());
		view.put("position", registration.position());
		return view;
	}
}
