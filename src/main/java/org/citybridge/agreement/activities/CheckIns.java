package org.citybridge.agreement.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.citybridge.agreement.Agreement;
import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.AgreementRepository;
import org.citybridge.audit.AuditLog;
import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The yearly check-in. A year after an agreement's last sign of life (its signature, its latest
 * activity, or the latest answer to a check-in), and every year after while nobody answers, the
 * officers of each party get a notice asking whether the partnership is alive. Each question is a
 * row of {@code agreement_check_ins} with the day it fell due, unique per agreement, party and day,
 * so a second round (another instance, a restart) asks nothing twice. The round runs once a day on
 * one instance (the ShedLock row {@code agreement-check-ins}) with the portal's {@link Clock}.
 * Answering is one step: "yes" opens the activity form, "no longer active" puts the partnership on
 * staff's "dormant?" list ({@link Dormancy}) and tells staff who may decide
 * ({@link NoticeKind#DORMANCY_PROPOSED}).
 */
@Component
public class CheckIns {

	private static final Logger log = LoggerFactory.getLogger(CheckIns.class);

	/** The answers an officer gives. */
	enum Answer {
		ALIVE, INACTIVE
	}

	/** A check-in waiting for the actor's municipality, with the agreement it is about. */
	record Open(long id, long agreementId, String agreementTitle, List<Long> partyIds, List<String> partyNames,
			LocalDate dueOn) {
	}

	private final JdbcClient jdbc;

	private final Notices notices;

	private final AgreementRepository agreements;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CheckIns(JdbcClient jdbc, Notices notices, AgreementRepository agreements, AuditLog audit,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.agreements = agreements;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** Every morning (UTC) by default; {@code citybridge.check-ins.cron} changes the hour. */
	@Scheduled(cron = "${citybridge.check-ins.cron:0 15 6 * * *}", zone = "UTC")
	@SchedulerLock(name = "agreement-check-ins", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void daily() {
		int asked = round();
		log.info("Check-in round: {} question(s) asked", asked);
	}

	/**
	 * Asks every party whose agreement (signed or active) has been silent for a whole year or more
	 * since its last sign of life, once for that year; in one transaction.
	 * @return how many parties were asked
	 */
	public int round() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		Integer asked = this.transactions.execute(status -> {
			List<Object[]> rows = this.jdbc.sql("""
					WITH life AS (
					  SELECT a.id, a.title, a.party_key,
					         greatest(a.signed_on,
					                  (SELECT max(coalesce(x.ends_on, x.starts_on)) FROM agreement_activities x
					                   WHERE x.agreement_id = a.id),
					                  (SELECT max((c.answered_at AT TIME ZONE 'UTC')::date) FROM agreement_check_ins c
					                   WHERE c.agreement_id = a.id AND c.answered_at IS NOT NULL)) AS last_sign
					  FROM agreements a WHERE a.status IN ('SIGNED', 'ACTIVE')
					), due AS (
					  SELECT id, title, party_key,
					         (last_sign + make_interval(years => extract(year FROM age(:today, last_sign))::int))::date AS due_on
					  FROM life WHERE last_sign IS NOT NULL AND last_sign <= :today - interval '1 year'
					)
					INSERT INTO agreement_check_ins (agreement_id, municipality_id, due_on)
					SELECT d.id, p.municipality_id, d.due_on FROM due d CROSS JOIN LATERAL unnest(d.party_key) AS p (municipality_id)
					ORDER BY d.id, p.municipality_id
					ON CONFLICT (agreement_id, municipality_id, due_on) DO NOTHING
					RETURNING id, agreement_id, municipality_id
					""").param("today", today)
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
				.list();
			for (Object[] row : rows) {
				long agreementId = (Long) row[1];
				String title = this.jdbc.sql("SELECT title FROM agreements WHERE id = ?")
					.param(agreementId)
					.query(String.class)
					.single();
				this.notices.announce(Announcement.of(NoticeKind.CHECK_IN)
					.to(Audience.officersOf((Long) row[2]))
					.args(title)
					.link("/agreements/" + agreementId + "/check-in"));
			}
			return rows.size();
		});
		return asked == null ? 0 : asked;
	}

	/** The latest unanswered check-in of the actor's municipality for the agreement, if any (403 unless an officer of a party). */
	Optional<Open> open(Actor actor, long agreementId) {
		requireParty(actor, agreementId);
		return this.jdbc.sql("""
				SELECT c.id, a.id, a.title,
				       ARRAY(SELECT m.id FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				             WHERE p.agreement_id = a.id ORDER BY m.id),
				       ARRAY(SELECT m.name FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				             WHERE p.agreement_id = a.id ORDER BY m.id),
				       c.due_on
				FROM agreement_check_ins c JOIN agreements a ON a.id = c.agreement_id
				WHERE c.agreement_id = ? AND c.municipality_id = ? AND c.answer IS NULL
				ORDER BY c.due_on DESC, c.id DESC LIMIT 1
				""").params(agreementId, actor.municipalityId())
			.query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3),
					List.of((Long[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray()),
					rs.getDate(6).toLocalDate()))
			.optional();
	}

	/**
	 * Answers every open check-in of the actor's municipality for the agreement.
	 * @return the id of the check-in answered
	 * @throws Refusal when none is open (answered already, by a colleague or in another tab)
	 */
	long answer(Actor actor, String actorLabel, long agreementId, Answer answer) {
		requireParty(actor, agreementId);
		Long answered = this.transactions.execute(status -> {
			List<Long> ids = this.jdbc.sql("""
					UPDATE agreement_check_ins SET answer = ?, answered_at = ?, answered_by_account_id = ?
					WHERE agreement_id = ? AND municipality_id = ? AND answer IS NULL
					RETURNING id
					""").params(answer.name(), java.sql.Timestamp.from(this.clock.instant()), actor.accountId(), agreementId,
						actor.municipalityId())
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				throw Refusal.ofForm("activity.checkIn.none");
			}
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "agreement", agreementId,
					AuditLog.Action.UPDATE, Map.of(), Map.of("checkIn", answer.name()));
			if (answer == Answer.INACTIVE) {
				proposeDormancy(actor, agreementId);
			}
			return ids.get(0);
		});
		return answered == null ? 0 : answered;
	}

	/**
	 * Tells staff who may decide that a party's officers answered "no longer active": the
	 * administrators and the staff of every network a party belongs to (as a submitted case study
	 * is announced), not the staff of unrelated networks, who would hear of every partnership in
	 * the register. The notice leads to the "dormant?" list, where the proposal is shown and decided.
	 */
	private void proposeDormancy(Actor actor, long agreementId) {
		List<Audience> audiences = new java.util.ArrayList<>();
		audiences.add(Audience.administrators());
		this.jdbc.sql("""
				SELECT DISTINCT om.organisation_id FROM organisation_members om
				JOIN agreement_parties p ON p.municipality_id = om.municipality_id
				WHERE p.agreement_id = ? ORDER BY 1
				""").param(agreementId).query(Long.class).list().forEach(o -> audiences.add(Audience.staffOf(o)));
		String title = this.jdbc.sql("SELECT title FROM agreements WHERE id = ?").param(agreementId).query(String.class).single();
		String party = this.jdbc.sql("SELECT name FROM municipalities WHERE id = ?")
			.param(actor.municipalityId())
			.query(String.class)
			.single();
		this.notices.announce(Announcement.of(NoticeKind.DORMANCY_PROPOSED)
			.to(audiences.toArray(Audience[]::new))
			.args(title, party)
			.link("/agreements/dormant#dormant-" + agreementId)
			.by(actor.accountId()));
	}

	private Agreement requireParty(Actor actor, long agreementId) {
		Agreement agreement = this.agreements.findById(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId));
		if (actor.role() != Actor.Role.OFFICER || actor.municipalityId() == null
				|| !agreement.getPartyKey().contains(actor.municipalityId())) {
			throw new AccessDeniedException("Only the officers of a party answer its check-in");
		}
		return agreement;
	}
}
