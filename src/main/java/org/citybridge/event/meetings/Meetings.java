package org.citybridge.event.meetings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.Programme;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asking for, answering and marking meetings. Whether a slot is free is decided by PostgreSQL
 * (V76): a person is in no two overlapping meetings that are asked for or accepted
 * ({@code meeting_sides_no_overlap}), a table in no two overlapping accepted meetings
 * ({@code meetings_table_no_overlap}), and nobody meets during a session they registered for
 * ({@code meetings_session_clash_ck}); this service turns those refusals into messages, naming
 * the session. Requests whose slot has begun unanswered expire.
 */
@Service
class Meetings {

	private final JdbcClient jdbc;

	private final EventCatalogue catalogue;

	private final MeetingData data;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final MeetingNotices notices;

	private final Clock clock;

	Meetings(JdbcClient jdbc, EventCatalogue catalogue, MeetingData data, AuditLog audit, TransactionTemplate transactions,
			MeetingNotices notices, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.data = data;
		this.audit = audit;
		this.transactions = transactions;
		this.notices = notices;
		this.clock = clock;
	}

	Clock clock() {
		return this.clock;
	}

	/**
	 * The actor asks {@code inviteeId} for a meeting in the slot starting at {@code slot} (an
	 * instant as the form sends it), or, when {@code slot} is {@code first}, in the first slot free
	 * for both. Answers the new meeting's id.
	 */
	long request(Actor actor, String actorLabel, String slug, long inviteeId, String slot, String message) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		MeetingData.Settings settings = this.data.settings(event.id()).orElseThrow(() -> new MeetingsNotFound(slug));
		long me = participant(actor, event);
		if (inviteeId == me) {
			throw new Refusal("slot", "meeting.request.error.self");
		}
		if (this.data.profile(event.id(), inviteeId).isEmpty()) {
			throw new MeetingsNotFound(inviteeId);
		}
		if (!settings.bookingOpen()) {
			throw new Refusal("slot", "meeting.request.error.closed");
		}
		Instant now = this.clock.instant();
		expire(event.id(), now);
		Instant starts;
		if ("first".equals(slot)) {
			starts = firstCommonFree(event.id(), settings, me, inviteeId, now)
				.orElseThrow(() -> new Refusal("slot", "meeting.request.error.noCommonSlot"));
		}
		else {
			starts = parseSlot(slot);
			if (!starts.isAfter(now)) {
				throw new Refusal("slot", "meeting.request.error.past");
			}
		}
		Instant ends = starts.plus(Duration.ofMinutes(settings.slotMinutes()));
		String note = Text.blankToNull(message);
		if (note != null && note.length() > 500) {
			throw new Refusal("message", "meeting.request.message.size");
		}
		try {
			return withRetry(() -> this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, message)
						VALUES (?, ?, ?, ?, ?, ?) RETURNING id
						""").params(event.id(), me, inviteeId, Timestamp.from(starts), Timestamp.from(ends), note)
					.query(Long.class).single();
				MeetingData.Meeting meeting = this.data.meeting(event.id(), id).orElseThrow();
				this.notices.requested(event, meeting);
				this.audit.record(new AuditLog.Who(me, actorLabel), "meeting", id, AuditLog.Action.CREATE, null, view(meeting));
				return id;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex, event, me, inviteeId, starts, ends);
		}
	}

	/** The invitee accepts: the meeting gets the lowest-numbered table free in its slot. */
	String accept(Actor actor, String actorLabel, String slug, String meetingId) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		long me = participant(actor, event);
		expire(event.id(), this.clock.instant());
		try {
			return withRetry(() -> this.transactions.execute(tx -> {
				// One acceptance at a time per event, so two never choose the same table (the constraint would refuse the second).
				this.jdbc.sql("SELECT event_id FROM meeting_programmes WHERE event_id = ? FOR UPDATE").param(event.id())
					.query(Long.class).single();
				MeetingData.Meeting meeting = answerable(event, me, meetingId);
				Long table = this.jdbc.sql("""
						SELECT t.id FROM meeting_tables t WHERE t.event_id = ?
						AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.table_id = t.id AND m.during && tstzrange(?, ?))
						ORDER BY t.number LIMIT 1
						""").params(event.id(), Timestamp.from(meeting.startsAt()), Timestamp.from(meeting.endsAt()))
					.query(Long.class).optional().orElseThrow(() -> Refusal.ofForm("meeting.answer.error.noTable"));
				int changed = this.jdbc.sql("""
						UPDATE meetings SET status = 'ACCEPTED', table_id = ?, answered_at = now(), version = version + 1
						WHERE id = ? AND status = 'REQUESTED' AND version = ?
						""").params(table, meeting.id(), meeting.version()).update();
				if (changed == 0) {
					throw Refusal.ofForm("meeting.answer.error.stale");
				}
				MeetingData.Meeting accepted = this.data.meeting(event.id(), meeting.id()).orElseThrow();
				this.notices.accepted(event, accepted, accepted.tableNumber());
				this.audit.record(new AuditLog.Who(me, actorLabel), "meeting", meeting.id(), AuditLog.Action.UPDATE, view(meeting),
						view(accepted));
				return "meeting.answer.flash.accepted";
			}));
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("meetings_session_clash_ck")) {
				throw Refusal.ofForm("meeting.answer.error.sessionClash");
			}
			if (message.contains("meetings_table_no_overlap")) {
				throw Refusal.ofForm("meeting.answer.error.noTable");
			}
			throw ex;
		}
	}

	/** The invitee declines a request: the slot is free again for both. */
	String decline(Actor actor, String actorLabel, String slug, String meetingId) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		long me = participant(actor, event);
		expire(event.id(), this.clock.instant());
		return this.transactions.execute(tx -> {
			MeetingData.Meeting meeting = answerable(event, me, meetingId);
			int changed = this.jdbc.sql("""
					UPDATE meetings SET status = 'DECLINED', answered_at = now(), version = version + 1
					WHERE id = ? AND status = 'REQUESTED' AND version = ?
					""").params(meeting.id(), meeting.version()).update();
			if (changed == 0) {
				throw Refusal.ofForm("meeting.answer.error.stale");
			}
			this.notices.declined(event, meeting);
			this.audit.record(new AuditLog.Who(me, actorLabel), "meeting", meeting.id(), AuditLog.Action.UPDATE, view(meeting),
					Map.of("status", MeetingStatus.DECLINED.name()));
			return "meeting.answer.flash.declined";
		});
	}

	/** The host's staff mark an accepted meeting held or missed, once it has ended. */
	String mark(Actor actor, String actorLabel, String slug, String meetingId, MeetingStatus outcome) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		if (!Programme.mayEdit(actor, event)) {
			throw new AccessDeniedException("Only the host's staff mark meetings of " + slug);
		}
		if (outcome != MeetingStatus.HELD && outcome != MeetingStatus.MISSED) {
			throw Refusal.ofForm("meeting.mark.error.state");
		}
		MeetingData.Meeting meeting = this.data.meeting(event.id(), Text.requireId(meetingId, MeetingsNotFound::new))
			.orElseThrow(() -> new MeetingsNotFound(meetingId));
		if (meeting.endsAt().isAfter(this.clock.instant())) {
			throw Refusal.ofForm("meeting.mark.error.notYet");
		}
		if (!meeting.status().mayBecome(outcome)) {
			throw Refusal.ofForm("meeting.mark.error.state");
		}
		try {
			return this.transactions.execute(tx -> {
				int changed = this.jdbc.sql("UPDATE meetings SET status = ?, version = version + 1 WHERE id = ? AND version = ?")
					.params(outcome.name(), meeting.id(), meeting.version()).update();
				if (changed == 0) {
					throw Refusal.ofForm("meeting.answer.error.stale");
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meeting", meeting.id(), AuditLog.Action.UPDATE,
						view(meeting), Map.of("status", outcome.name()));
				return outcome == MeetingStatus.HELD ? "meeting.mark.flash.held" : "meeting.mark.flash.missed";
			});
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			java.util.regex.Matcher request = java.util.regex.Pattern.compile("meetings_held_origin_ck: meeting \\d+ began partnership request (\\d+)")
				.matcher(message);
			if (request.find()) {
				throw new OriginKept(this.data.heldOrigin(Long.parseLong(request.group(1))).orElse(null));
			}
			throw ex;
		}
	}

	/**
	 * Marking a held meeting missed, refused because a partnership request continues it (V94: the
	 * request, and any agreement it opened, began at this meeting); the organiser's page names the
	 * request's two municipalities, or says so without them if the request went in the meantime.
	 */
	static final class OriginKept extends Refusal {

		private final transient MeetingData.HeldOrigin origin;

		OriginKept(MeetingData.HeldOrigin origin) {
			super(null, origin == null ? "meeting.mark.error.originUnnamed" : "meeting.mark.error.origin");
			this.origin = origin;
		}

		/** The request that continues the meeting, or {@code null} when it is gone. */
		MeetingData.HeldOrigin origin() {
			return this.origin;
		}
	}

	/**
	 * Requests whose slot has begun unanswered expire; answers how many. The one statement
	 * ({@code meetings_expire}, V87) that registering for a session runs too.
	 */
	int expire(long eventId, Instant now) {
		return this.data.expire(eventId, now);
	}

	/** The first slot, after {@code now}, in which neither side is taken. */
	Optional<Instant> firstCommonFree(long eventId, MeetingData.Settings settings, long a, long b, Instant now) {
		List<MeetingData.Busy> busy = this.data.busy(eventId, List.of(a, b));
		Duration length = Duration.ofMinutes(settings.slotMinutes());
		return MeetingData.slots(settings, this.data.windows(eventId)).stream()
			.filter(s -> s.isAfter(now))
			.filter(s -> busy.stream().noneMatch(x -> x.overlaps(s, s.plus(length))))
			.findFirst();
	}

	/** The actor's account, when they take part in the event's meetings (have a profile); else 403. */
	long participant(Actor actor, EventCatalogue.Event event) {
		if (actor == null || actor.accountId() == null || this.data.profile(event.id(), actor.accountId()).isEmpty()) {
			throw new AccessDeniedException("Not a meeting participant of " + event.slug());
		}
		return actor.accountId();
	}

	private MeetingData.Meeting answerable(EventCatalogue.Event event, long me, String meetingId) {
		MeetingData.Meeting meeting = this.data.meeting(event.id(), Text.requireId(meetingId, MeetingsNotFound::new))
			.orElseThrow(() -> new MeetingsNotFound(meetingId));
		if (meeting.inviteeId() != me) {
			throw new AccessDeniedException("Only the person asked answers meeting " + meeting.id());
		}
		if (meeting.status() != MeetingStatus.REQUESTED) {
			throw Refusal.ofForm(meeting.status() == MeetingStatus.EXPIRED ? "meeting.answer.error.expired"
					: "meeting.answer.error.answered");
		}
		return meeting;
	}

	private RuntimeException refusal(DataIntegrityViolationException ex, EventCatalogue.Event event, long me, long other,
			Instant starts, Instant ends) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("meetings_session_clash_ck")) {
			boolean mine = message.contains("account " + me + " ");
			return new Refusal("slot", mine ? "meeting.request.error.yourSession" : "meeting.request.error.theirSession",
					Text.typed(sessionTitle(ex)));
		}
		if (message.contains("meeting_sides_no_overlap")) {
			boolean mine = this.data.busy(event.id(), List.of(me)).stream()
				.anyMatch(b -> b.accountId() == me && b.overlaps(starts, ends));
			return new Refusal("slot", mine ? "meeting.request.error.youBusy" : "meeting.request.error.theyBusy");
		}
		if (message.contains("meetings_slot_ck")) {
			return new Refusal("slot", "meeting.request.error.slot");
		}
		if (message.contains("meetings_requester_fk") || message.contains("meetings_invitee_fk")) {
			return new MeetingsNotFound(other);
		}
		return ex;
	}

	/** The title of the session a clash names (the trigger's DETAIL and message carry its id). */
	private String sessionTitle(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("registered for session (\\d+)").matcher(message);
		if (!id.find()) {
			return "";
		}
		return this.jdbc.sql("SELECT title FROM sessions WHERE id = ?").param(Long.parseLong(id.group(1))).query(String.class)
			.optional().orElse("");
	}

	private static Instant parseSlot(String slot) {
		try {
			return Instant.parse(slot == null ? "" : slot.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new Refusal("slot", "meeting.request.error.slot");
		}
	}

	/** A deadlock or lock timeout between simultaneous bookings is tried again, up to three times. */
	private static <T> T withRetry(java.util.function.Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
	}

	private static Map<String, Object> view(MeetingData.Meeting m) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("requesterId", m.requesterId());
		view.put("inviteeId", m.inviteeId());
		view.put("startsAt", m.startsAt().toString());
		view.put("status", m.status().name());
		view.put("table", m.tableNumber());
		return view;
	}
}
