package org.citybridge.event;

import org.citybridge.event.attendance.AttendanceNotices;
import org.citybridge.system.Text;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff build an event's programme: the host organisation's staff and administrators create and
 * edit sessions. The overlap and date rules are PostgreSQL's; a refusal comes back as a
 * {@link Refusal} naming the field and, for a clash, the session it clashes with.
 */
@Service
public class Programme {

	private final JdbcClient jdbc;

	private final EventCatalogue catalogue;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final AttendanceNotices notices;

	Programme(JdbcClient jdbc, EventCatalogue catalogue, AuditLog audit, TransactionTemplate transactions,
			AttendanceNotices notices) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.audit = audit;
		this.transactions = transactions;
	}

	public static boolean mayEdit(Actor actor, EventCatalogue.Event event) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.STAFF && actor.organisationId() != null
				&& actor.organisationId() == event.hostOrganisationId());
	}

	/** The event, if the actor may build its programme; else access is denied (403). */
	public EventCatalogue.Event editable(Actor actor, String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		if (!mayEdit(actor, event)) {
			throw new AccessDeniedException("May not edit the programme of " + slug);
		}
		return event;
	}

	public long create(Actor actor, String actorLabel, String slug, SessionForm form) {
		EventCatalogue.Event event = editable(actor, slug);
		Instant starts = ZonedDateTime.of(form.day(), form.startTime(), event.zone()).toInstant();
		Instant ends = ZonedDateTime.of(form.day(), form.endTime(), event.zone()).toInstant();
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO sessions (event_id, title, abstract, starts_at, ends_at, room_id, track_id, kind, languages,
						                      capacity, translations)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id
						""").params(event.id(), form.title().strip(), Text.blankToNull(form.abstractText()), Timestamp.from(starts),
						Timestamp.from(ends), form.roomId(), form.trackId(), form.kind().name(), Text.blankToNull(form.languages()),
						form.capacity(), form.translations())
					.query(Long.class)
					.single();
				addSpeakers(id, form.speakers());
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "session", id, AuditLog.Action.CREATE,
						null, auditView(form, starts, ends));
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex, event.id(), 0, form, starts, ends);
		}
	}

	public void update(Actor actor, String actorLabel, String slug, long sessionId, SessionForm form) {
		EventCatalogue.Event event = editable(actor, slug);
		EventCatalogue.Session before = this.catalogue.session(event.id(), sessionId);
		Instant starts = ZonedDateTime.of(form.day(), form.startTime(), event.zone()).toInstant();
		Instant ends = ZonedDateTime.of(form.day(), form.endTime(), event.zone()).toInstant();
		try {
			this.transactions.executeWithoutResult(tx -> {
				// Speakers first: moving the session rewrites its speakers' time ranges, and a
				// speaker who is being removed must not block the move.
				this.jdbc.sql("DELETE FROM session_speakers WHERE session_id = ?").param(sessionId).update();
				int updated = this.jdbc.sql("""
						UPDATE sessions SET title = ?, abstract = ?, starts_at = ?, ends_at = ?, room_id = ?, track_id = ?,
						       kind = ?, languages = ?, capacity = ?, translations = CAST(? AS jsonb), version = version + 1
						WHERE id = ? AND event_id = ? AND version = ?
						""").params(form.title().strip(), Text.blankToNull(form.abstractText()), Timestamp.from(starts),
						Timestamp.from(ends), form.roomId(), form.trackId(), form.kind().name(),
						Text.blankToNull(form.languages()), form.capacity(), form.translations(), sessionId, event.id(),
						form.version())
					.update();
				if (updated == 0) {
					throw Refusal.ofForm("event.session.error.stale");
				}
				addSpeakers(sessionId, form.speakers());
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "session", sessionId,
						AuditLog.Action.UPDATE,
						auditView(SessionForm.of(before, event.zone()), before.startsAt(), before.endsAt()),
						auditView(form, starts, ends));
				boolean changed = !starts.equals(before.startsAt()) || !ends.equals(before.endsAt())
						|| !java.util.Objects.equals(form.roomId(), before.roomId())
						|| !form.title().strip().equals(before.title());
				if (changed) {
					this.notices.announceSessionChanged(sessionId, actor.accountId());
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex, event.id(), sessionId, form, starts, ends);
		}
	}

	/**
	 * Cancels a session (issue 19) as of the version staff saw: it stays on the agenda, marked
	 * cancelled; those registered for it or who starred it, and the event's followers, are told, and
	 * its registrations are released, all in one transaction. A stale version, or a session already
	 * cancelled, is refused and changes nothing.
	 */
	public void cancel(Actor actor, String actorLabel, String slug, long sessionId, long version) {
		EventCatalogue.Event event = editable(actor, slug);
		EventCatalogue.Session before = this.catalogue.session(event.id(), sessionId);
		if (before.cancelled()) {
			throw Refusal.ofForm("event.session.error.cancelled");
		}
		this.transactions.executeWithoutResult(tx -> {
			int updated = this.jdbc.sql("""
					UPDATE sessions SET cancelled_at = now(), version = version + 1
					WHERE id = ? AND event_id = ? AND version = ? AND cancelled_at IS NULL
					""").params(sessionId, event.id(), version).update();
			if (updated == 0) {
				throw Refusal.ofForm("event.session.error.stale");
			}
			// Told while the registrations can still be read, then released.
			this.notices.announceSessionCancelled(sessionId, actor.accountId());
			int released = this.jdbc.sql("DELETE FROM registrations WHERE session_id = ?").param(sessionId).update();
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "session", sessionId, AuditLog.Action.UPDATE,
					Map.of("cancelled", false), Map.of("cancelled", true, "registrationsReleased", released));
		});
	}

	private void addSpeakers(long sessionId, List<Long> speakerIds) {
		for (Long speakerId : speakerIds) {
			// The trigger copies the session's time range into "during".
			this.jdbc.sql("INSERT INTO session_speakers (session_id, speaker_id, during) VALUES (?, ?, 'empty')")
				.params(sessionId, speakerId)
				.update();
		}
	}

	/** Runs after the failed transaction has rolled back, so it can read what the row clashed with. */
	private Refusal refusal(DataIntegrityViolationException ex, long eventId, long sessionId, SessionForm form,
			Instant starts, Instant ends) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("sessions_room_no_overlap")) {
			String clash = this.jdbc.sql("""
					SELECT title FROM sessions WHERE room_id = ? AND id <> ? AND tstzrange(starts_at, ends_at) && tstzrange(?, ?)
					ORDER BY starts_at LIMIT 1
					""").params(form.roomId(), sessionId, Timestamp.from(starts), Timestamp.from(ends))
				.query(String.class)
				.optional()
				.orElse("");
			return new Refusal("roomId", "event.session.error.roomClash", Text.typed(clash));
		}
		if (message.contains("session_speakers_no_overlap") && !form.speakers().isEmpty()) {
			String clash = this.jdbc.sql("""
					SELECT sp.name || ' – ' || s.title FROM session_speakers ss
					JOIN sessions s ON s.id = ss.session_id JOIN speakers sp ON sp.id = ss.speaker_id
					WHERE ss.speaker_id IN (:speakers) AND ss.session_id <> :session AND ss.during && tstzrange(:starts, :ends)
					ORDER BY s.starts_at LIMIT 1
					""").param("speakers", form.speakers()).param("session", sessionId)
				.param("starts", Timestamp.from(starts)).param("ends", Timestamp.from(ends))
				.query(String.class)
				.optional()
				.orElse("");
			return new Refusal("speakerIds", "event.session.error.speakerClash", Text.typed(clash));
		}
		if (message.contains("registrations_capacity_ck")) {
			long taken = this.jdbc.sql("SELECT count(*) FROM registrations WHERE session_id = ? AND status = 'CONFIRMED'")
				.param(sessionId).query(Long.class).single();
			return new Refusal("capacity", "event.session.error.capacityBelowTaken", taken);
		}
		if (message.contains("sessions_capacity_ck")) {
			return new Refusal("capacity", "event.session.capacity.range");
		}
		if (message.contains("sessions_end_after_start_ck")) {
			return new Refusal("endTime", "event.session.error.endBeforeStart");
		}
		if (message.contains("sessions_within_event_ck")) {
			return new Refusal("day", "event.session.error.outsideEvent");
		}
		if (message.contains("sessions_room_fk")) {
			return new Refusal("roomId", "event.session.error.room");
		}
		if (message.contains("sessions_track_fk")) {
			return new Refusal("trackId", "event.session.error.track");
		}
		if (message.contains("session_speakers_speaker_id_fkey")) {
			return new Refusal("speakerIds", "event.session.error.speaker");
		}
		throw ex;
	}

	private static Map<String, Object> auditView(SessionForm form, Instant starts, Instant ends) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("title", form.title() == null ? null : form.title().strip());
		view.put("startsAt", starts);
		view.put("endsAt", ends);
		view.put("roomId", form.roomId());
		view.put("trackId", form.trackId());
		view.put("kind", form.kind());
		view.put("languages", Text.blankToNull(form.languages()));
		view.put("capacity", form.capacity());
		view.put("translations", form.translations());
		view.put("speakers", form.speakers());
		return view;
	}

}
