package org.citybridge.learning.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.learning.Languages;
import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training programmes and enrolments. Seats are PostgreSQL's to guard: every enrolment change
 * takes the programme row's lock ({@code FOR UPDATE}), so enrolments on one programme happen one
 * at a time; the seat counter cannot pass the number of seats (a check constraint); waiting
 * positions are handed out and moved up under the same lock, so they stay 1, 2, 3 … without gaps
 * (an exclusion constraint checked at commit refuses two on one position).
 */
@Service
record Training(JdbcClient jdbc, AuditLog audit, TrainingPolicy policy, TransactionTemplate transactions,
		Notices notices) {

	/** A training course (a programme of sessions people enrol in) as pages show it. */
	record Course(long id, String title, TrainingTopic topic, TrainingFormat format, String language, Instant startsAt,
			Instant endsAt, ZoneId zone, int seats, int confirmed, String provider, String description,
			Long organisationId, String organisationName, long version, long waiting) {

		public int seatsLeft() {
			return Math.max(0, this.seats - this.confirmed);
		}

		public boolean over() {
			return this.endsAt.isBefore(Instant.now());
		}
	}

	/** One person's enrolment, as the programme's staff see it. */
	record Enrolment(long id, long accountId, String name, EnrolmentStatus status, Integer position, Instant enrolledAt) {
	}

	/** One line of an officer's training history. */
	record HistoryEntry(long programmeId, String title, Instant startsAt, ZoneId zone, EnrolmentStatus status,
			Integer position) {
	}

	private static final String PROGRAMME = """
			SELECT p.id, p.title, p.topic, p.format, p.language, p.starts_at, p.ends_at, p.time_zone, p.seats, p.confirmed,
			       p.provider, p.description, p.organisation_id, o.name AS organisation_name, p.version,
			       (SELECT count(*) FROM training_enrolments e WHERE e.programme_id = p.id AND e.status = ?) AS waiting
			FROM training_programmes p LEFT JOIN organisations o ON o.id = p.organisation_id
			""";

	/** The states as the SQL binds them: the enum owns them, the SQL names none. */
	private static final String CONFIRMED = EnrolmentStatus.CONFIRMED.name();

	private static final String WAITING = EnrolmentStatus.WAITING.name();

	private static final String CANCELLED = EnrolmentStatus.CANCELLED.name();

	private static final String COMPLETED = EnrolmentStatus.COMPLETED.name();

	private static Course programme(ResultSet rs, int n) throws SQLException {
		return new Course(rs.getLong(1), rs.getString(2), TrainingTopic.valueOf(rs.getString(3)),
				TrainingFormat.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant(),
				rs.getTimestamp(7).toInstant(), ZoneId.of(rs.getString(8)), rs.getInt(9), rs.getInt(10), rs.getString(11),
				rs.getString(12), (Long) rs.getObject(13), rs.getString(14), rs.getLong(15), rs.getLong(16));
	}

	/** Programmes that have not ended, soonest first. */
	List<Course> upcoming() {
		return this.jdbc.sql(PROGRAMME + " WHERE p.ends_at >= now() ORDER BY p.starts_at, p.id LIMIT 100")
			.param(WAITING)
			.query(Training::programme)
			.list();
	}

	List<Course> past() {
		return this.jdbc.sql(PROGRAMME + " WHERE p.ends_at < now() ORDER BY p.starts_at DESC, p.id LIMIT 50")
			.param(WAITING)
			.query(Training::programme)
			.list();
	}

	Course programme(long id) {
		return this.jdbc.sql(PROGRAMME + " WHERE p.id = ?")
			.params(WAITING, id)
			.query(Training::programme)
			.optional()
			.orElseThrow(() -> new TrainingNotFound(id));
	}

	/** Everyone enrolled, for the programme's staff only. */
	List<Enrolment> enrolments(Actor actor, long programmeId) {
		if (!this.policy.mayManage(actor, programme(programmeId))) {
			throw new AccessDeniedException("May not see the enrolments of programme " + programmeId);
		}
		return this.jdbc.sql("""
				SELECT e.id, e.account_id, coalesce(a.display_name, a.email), e.status, e.waiting_position, e.enrolled_at
				FROM training_enrolments e JOIN accounts a ON a.id = e.account_id
				WHERE e.programme_id = ? AND e.status <> ?
				ORDER BY CASE e.status WHEN ? THEN 1 ELSE 0 END, e.waiting_position, e.enrolled_at, e.id
				""").params(programmeId, CANCELLED, WAITING).query((rs, n) -> new Enrolment(rs.getLong(1), rs.getLong(2), rs.getString(3),
				EnrolmentStatus.valueOf(rs.getString(4)), (Integer) rs.getObject(5), rs.getTimestamp(6).toInstant())).list();
	}

	/** The actor's own current enrolment in a programme, if any. */
	Optional<Enrolment> myEnrolment(Actor actor, long programmeId) {
		if (actor.accountId() == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT e.id, e.account_id, '', e.status, e.waiting_position, e.enrolled_at FROM training_enrolments e
				WHERE e.programme_id = ? AND e.account_id = ? AND e.status <> ?
				""").params(programmeId, actor.accountId(), CANCELLED).query((rs, n) -> new Enrolment(rs.getLong(1), rs.getLong(2),
				rs.getString(3), EnrolmentStatus.valueOf(rs.getString(4)), (Integer) rs.getObject(5),
				rs.getTimestamp(6).toInstant())).optional();
	}

	/** Every programme the account enrolled in, latest first, cancelled ones included. */
	List<HistoryEntry> history(long accountId) {
		return this.jdbc.sql("""
				SELECT p.id, p.title, p.starts_at, p.time_zone, e.status, e.waiting_position FROM training_enrolments e
				JOIN training_programmes p ON p.id = e.programme_id WHERE e.account_id = ?
				ORDER BY p.starts_at DESC, e.id DESC
				""").param(accountId).query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getString(2),
				rs.getTimestamp(3).toInstant(), ZoneId.of(rs.getString(4)), EnrolmentStatus.valueOf(rs.getString(5)),
				(Integer) rs.getObject(6))).list();
	}

	long create(Actor actor, String actorLabel, ProgrammeForm form) {
		if (!this.policy.mayPublish(actor)) {
			throw new AccessDeniedException("May not publish training");
		}
		ZoneId zone = checkedZone(form);
		Instant starts = form.startsAt().atZone(zone).toInstant();
		Instant ends = form.endsAt().atZone(zone).toInstant();
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO training_programmes (title, topic, format, language, starts_at, ends_at, time_zone, seats,
						                                 provider, description, organisation_id)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
						""").params(form.title().strip(), form.topic().name(), form.format().name(), form.language(),
						Timestamp.from(starts), Timestamp.from(ends), zone.getId(), form.seats(), form.provider().strip(),
						Text.blankToNull(form.description()), actor.role() == Actor.Role.STAFF ? actor.organisationId() : null)
					.query(Long.class)
					.single();
				this.audit.record(who(actor, actorLabel), "training_programme", id, AuditLog.Action.CREATE, null,
						auditView(form, starts, ends));
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	void update(Actor actor, String actorLabel, long id, ProgrammeForm form) {
		Course before = programme(id);
		if (!this.policy.mayManage(actor, before)) {
			throw new AccessDeniedException("May not edit programme " + id);
		}
		ZoneId zone = checkedZone(form);
		Instant starts = form.startsAt().atZone(zone).toInstant();
		Instant ends = form.endsAt().atZone(zone).toInstant();
		try {
			this.transactions.executeWithoutResult(tx -> {
				this.jdbc.sql("SELECT id FROM training_programmes WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
				int updated = this.jdbc.sql("""
						UPDATE training_programmes SET title = ?, topic = ?, format = ?, language = ?, starts_at = ?, ends_at = ?,
						       time_zone = ?, seats = ?, provider = ?, description = ?, version = version + 1, updated_at = now()
						WHERE id = ? AND version = ?
						""").params(form.title().strip(), form.topic().name(), form.format().name(), form.language(),
						Timestamp.from(starts), Timestamp.from(ends), zone.getId(), form.seats(), form.provider().strip(),
						Text.blankToNull(form.description()), id, form.version())
					.update();
				if (updated == 0) {
					throw Refusal.ofForm("learning.form.stale");
				}
				// More seats: the first in the queue move up.
				promote(id);
				this.audit.record(who(actor, actorLabel), "training_programme", id, AuditLog.Action.UPDATE,
						auditView(ProgrammeForm.of(before), before.startsAt(), before.endsAt()), auditView(form, starts, ends));
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	/** Enrols the actor: a seat while there is one, else the next place in the queue. */
	EnrolmentStatus enrol(Actor actor, String actorLabel, long programmeId) {
		if (!this.policy.mayEnrol(actor)) {
			throw new AccessDeniedException("Only officers enrol");
		}
		return this.transactions.execute(tx -> {
			Instant ends = this.jdbc.sql("SELECT ends_at FROM training_programmes WHERE id = ? FOR UPDATE")
				.param(programmeId)
				.query(Timestamp.class)
				.optional()
				.orElseThrow(() -> new TrainingNotFound(programmeId))
				.toInstant();
			if (ends.isBefore(Instant.now())) {
				throw Refusal.ofForm("learning.enrol.closed");
			}
			boolean already = this.jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM training_enrolments WHERE programme_id = ? AND account_id = ? AND status <> ?)
					""").params(programmeId, actor.accountId(), CANCELLED).query(Boolean.class).single();
			if (already) {
				throw Refusal.ofForm("learning.enrol.already");
			}
			int seat = this.jdbc.sql("UPDATE training_programmes SET confirmed = confirmed + 1 WHERE id = ? AND confirmed < seats")
				.param(programmeId)
				.update();
			EnrolmentStatus status;
			// The person enrolling is the one to hear of it (their seat, or their place in the queue).
			Announcement told;
			if (seat == 1) {
				this.jdbc.sql("INSERT INTO training_enrolments (programme_id, account_id, status) VALUES (?, ?, ?)")
					.params(programmeId, actor.accountId(), CONFIRMED)
					.update();
				status = EnrolmentStatus.CONFIRMED;
				told = Announcement.of(NoticeKind.ENROLMENT).args(title(programmeId));
			}
			else {
				int position = this.jdbc.sql("""
						INSERT INTO training_enrolments (programme_id, account_id, status, waiting_position)
						SELECT ?, ?, ?, coalesce(max(waiting_position), 0) + 1
						FROM training_enrolments WHERE programme_id = ? AND status = ?
						RETURNING waiting_position
						""").params(programmeId, actor.accountId(), WAITING, programmeId, WAITING).query(Integer.class).single();
				status = EnrolmentStatus.WAITING;
				told = Announcement.of(NoticeKind.ENROLMENT_WAITING).args(title(programmeId), position);
			}
			this.notices.announce(told.to(Audience.account(actor.accountId())).link("/learn/training/" + programmeId));
			this.audit.record(who(actor, actorLabel), "training_programme", programmeId, AuditLog.Action.UPDATE, Map.of(),
					Map.of("enrolled", actor.accountId(), "status", status.name()));
			return status;
		});
	}

	/** The actor gives up their seat or place; the first in the queue takes a freed seat. */
	void cancel(Actor actor, String actorLabel, long programmeId) {
		if (actor.accountId() == null) {
			throw new AccessDeniedException("Not signed in");
		}
		this.transactions.executeWithoutResult(tx -> {
			lock(programmeId);
			Optional<Enrolment> mine = myEnrolment(actor, programmeId);
			if (mine.isEmpty()) {
				throw Refusal.ofForm("learning.cancel.nothing");
			}
			Enrolment enrolment = mine.get();
			EnrolmentStatus cancelled = enrolment.status().become(EnrolmentStatus.CANCELLED, "learning.cancel.nothing");
			this.jdbc.sql("""
					UPDATE training_enrolments SET status = ?, waiting_position = NULL, changed_at = now() WHERE id = ?
					""").params(cancelled.name(), enrolment.id()).update();
			if (enrolment.status() == EnrolmentStatus.CONFIRMED) {
				this.jdbc.sql("UPDATE training_programmes SET confirmed = confirmed - 1 WHERE id = ?").param(programmeId).update();
				promote(programmeId);
			}
			else {
				this.jdbc.sql("""
						UPDATE training_enrolments SET waiting_position = waiting_position - 1
						WHERE programme_id = ? AND status = ? AND waiting_position > ?
						""").params(programmeId, WAITING, enrolment.position()).update();
			}
			this.audit.record(who(actor, actorLabel), "training_programme", programmeId, AuditLog.Action.UPDATE,
					Map.of("enrolled", actor.accountId(), "status", enrolment.status().name()),
					Map.of("enrolled", actor.accountId(), "status", EnrolmentStatus.CANCELLED.name()));
		});
	}

	/** Staff mark that a confirmed participant completed the programme. */
	void complete(Actor actor, String actorLabel, long programmeId, long enrolmentId) {
		Course programme = programme(programmeId);
		if (!this.policy.mayManage(actor, programme)) {
			throw new AccessDeniedException("May not mark completion in programme " + programmeId);
		}
		if (programme.startsAt().isAfter(Instant.now())) {
			throw Refusal.ofForm("learning.complete.notStarted");
		}
		this.transactions.executeWithoutResult(tx -> {
			int updated = this.jdbc.sql("""
					UPDATE training_enrolments SET status = ?, changed_at = now()
					WHERE id = ? AND programme_id = ? AND status = ?
					""").params(COMPLETED, enrolmentId, programmeId, CONFIRMED).update();
			if (updated == 0) {
				throw Refusal.ofForm("learning.complete.notConfirmed");
			}
			long person = this.jdbc.sql("SELECT account_id FROM training_enrolments WHERE id = ?").param(enrolmentId)
				.query(Long.class).single();
			this.notices.announce(Announcement.of(NoticeKind.TRAINING_COMPLETED)
				.to(Audience.account(person))
				.args(programme.title())
				.link("/learn/training/" + programmeId)
				.by(actor.accountId()));
			this.audit.record(who(actor, actorLabel), "training_enrolment", enrolmentId, AuditLog.Action.UPDATE,
					Map.of("status", EnrolmentStatus.CONFIRMED.name()), Map.of("status", EnrolmentStatus.COMPLETED.name()));
		});
	}

	private void lock(long programmeId) {
		this.jdbc.sql("SELECT id FROM training_programmes WHERE id = ? FOR UPDATE")
			.param(programmeId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new TrainingNotFound(programmeId));
	}

	private String title(long programmeId) {
		return this.jdbc.sql("SELECT title FROM training_programmes WHERE id = ?").param(programmeId).query(String.class)
			.single();
	}

	/**
	 * While seats are free and someone waits, the first in the queue takes a seat and the rest move
	 * up; each who takes a seat hears of it.
	 */
	private void promote(long programmeId) {
		while (true) {
			Long first = this.jdbc.sql("""
					SELECT id FROM training_enrolments WHERE programme_id = ? AND status = ? AND waiting_position = 1
					""").params(programmeId, WAITING).query(Long.class).optional().orElse(null);
			if (first == null) {
				return;
			}
			int seat = this.jdbc.sql("UPDATE training_programmes SET confirmed = confirmed + 1 WHERE id = ? AND confirmed < seats")
				.param(programmeId)
				.update();
			if (seat == 0) {
				return;
			}
			long person = this.jdbc.sql("""
					UPDATE training_enrolments SET status = ?, waiting_position = NULL, changed_at = now() WHERE id = ?
					RETURNING account_id
					""").params(CONFIRMED, first).query(Long.class).single();
			this.notices.announce(Announcement.of(NoticeKind.ENROLMENT_PROMOTED)
				.to(Audience.account(person))
				.args(title(programmeId))
				.link("/learn/training/" + programmeId));
			this.jdbc.sql("""
					UPDATE training_enrolments SET waiting_position = waiting_position - 1
					WHERE programme_id = ? AND status = ?
					""").params(programmeId, WAITING).update();
		}
	}

	private static ZoneId checkedZone(ProgrammeForm form) {
		if (!Languages.ALL.contains(form.language())) {
			throw new Refusal("language", "learning.language.invalid");
		}
		ZoneId zone = form.zone();
		if (zone == null) {
			throw new Refusal("timeZone", "learning.training.timeZone.invalid");
		}
		if (!form.endsAt().atZone(zone).isAfter(form.startsAt().atZone(zone))) {
			throw new Refusal("endsAt", "learning.training.endsAt.beforeStart");
		}
		return zone;
	}

	private static Refusal refusal(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("training_programmes_seats_ck")) {
			return new Refusal("seats", "learning.training.seats.belowConfirmed");
		}
		if (message.contains("training_programmes_dates_ck")) {
			return new Refusal("endsAt", "learning.training.endsAt.beforeStart");
		}
		if (message.contains("training_programmes_language_ck")) {
			return new Refusal("language", "learning.language.invalid");
		}
		return Refusal.ofForm("learning.form.refused");
	}

	private static AuditLog.Who who(Actor actor, String label) {
		return new AuditLog.Who(actor.accountId(), label);
	}

	private static Map<String, Object> auditView(ProgrammeForm form, Instant starts, Instant ends) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("title", form.title() == null ? null : form.title().strip());
		view.put("topic", form.topic() == null ? null : form.topic().name());
		view.put("format", form.format() == null ? null : form.format().name());
		view.put("language", form.language());
		view.put("startsAt", starts);
		view.put("endsAt", ends);
		view.put("timeZone", form.timeZone());
		view.put("seats", form.seats());
		view.put("provider", form.provider());
		view.put("description", Text.blankToNull(form.description()));
		return view;
	}
}
