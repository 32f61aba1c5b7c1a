package org.citybridge.agreement.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's "dormant?" list: signed or active partnerships with neither an activity nor an answered
 * check-in (nor a signature) for three years, and those whose officers answered "no longer
 * active" since their last activity, each with its last sign of life. Staff decide: dormant (the
 * status changes, and the database writes it into the agreement's history) or kept as it is (an
 * answered check-in of staff, which starts the year again); both go into the audit log.
 */
@Service
public class Dormancy {

	/** How many years of silence put a partnership on the list. */
	static final int SILENT_YEARS = 3;

	/** A partnership on the list. {@code lastSign} is null when nothing is known but its entry into the register. */
	public record Candidate(long id, String title, List<Long> partyIds, List<String> partyNames, LocalDate lastSign,
			List<Long> inactiveIds, List<String> inactiveNames) {

		public boolean proposedByOfficers() {
			return !this.inactiveIds.isEmpty();
		}
	}

	/** What staff decide. */
	enum Decision {
		DORMANT, KEEP
	}

	private final JdbcClient jdbc;

	private final AgreementPolicy policy;

	private final AuditLog audit;

	private final Clock clock;

	Dormancy(JdbcClient jdbc, AgreementPolicy policy, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	private static final String LIFE = """
			SELECT a.id, a.title, a.created_at,
			       greatest(a.signed_on,
			                (SELECT max(coalesce(x.ends_on, x.starts_on)) FROM agreement_activities x WHERE x.agreement_id = a.id),
			                (SELECT max((c.answered_at AT TIME ZONE 'UTC')::date) FROM agreement_check_ins c
			                 WHERE c.agreement_id = a.id AND c.answered_at IS NOT NULL)) AS last_sign,
			       ARRAY(SELECT m.id || ' ' || m.name FROM agreement_check_ins c JOIN municipalities m ON m.id = c.municipality_id
			             WHERE c.agreement_id = a.id AND c.answer = 'INACTIVE'
			               AND c.answered_at >= coalesce((SELECT max(x.created_at) FROM agreement_activities x WHERE x.agreement_id = a.id), '-infinity')
			               AND NOT EXISTS (SELECT 1 FROM agreement_check_ins k WHERE k.agreement_id = a.id
			                               AND k.answer IN ('ALIVE', 'KEPT') AND k.answered_at > c.answered_at)
			             ORDER BY m.name) AS inactive_from
			FROM agreements a WHERE a.status IN ('SIGNED', 'ACTIVE')
			""";

	/** The list, the longest silent first (403 unless staff). */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(Actor actor) {
		if (!this.policy.mayDecideDormancy(actor)) {
			throw new AccessDeniedException("Staff only");
		}
		return candidates(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
	}

	List<Candidate> candidates(LocalDate today) {
		return this.jdbc.sql("SELECT l.id, l.title, l.last_sign,  l.inactive_from,"
				+ " ARRAY(SELECT m.id FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id"
				+ " WHERE p.agreement_id = l.id ORDER BY m.id),"
				+ " ARRAY(SELECT m.name FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id"
				+ " WHERE p.agreement_id = l.id ORDER BY m.id)"
				+ " FROM (" + LIFE + ") l"
				+ " WHERE coalesce(l.last_sign, (l.created_at AT TIME ZONE 'UTC')::date) <= :today - make_interval(years => "
				+ SILENT_YEARS + ") OR cardinality(l.inactive_from) > 0"
				+ " ORDER BY coalesce(l.last_sign, (l.created_at AT TIME ZONE 'UTC')::date), l.id LIMIT 500")
			.param("today", today)
			.query((rs, n) -> {
				java.sql.Date last = rs.getDate(3);
				List<Long> inactiveIds = new java.util.ArrayList<>();
				List<String> inactiveNames = new java.util.ArrayList<>();
				for (String idAndName : (String[]) rs.getArray(4).getArray()) {
					int space = idAndName.indexOf(' ');
					inactiveIds.add(Long.valueOf(idAndName.substring(0, space)));
					inactiveNames.add(idAndName.substring(space + 1));
				}
				return new Candidate(rs.getLong(1), rs.getString(2), List.of((Long[]) rs.getArray(5).getArray()),
						List.of((String[]) rs.getArray(6).getArray()), last == null ? null : last.toLocalDate(),
						List.copyOf(inactiveIds), List.copyOf(inactiveNames));
			})
			.list();
	}

	/**
	 * Records staff's decision on a partnership of the list; the message key of what was done.
	 * @throws Refusal when the partnership is no longer signed or active (someone decided already)
	 */
	@Transactional
	public String decide(Actor actor, String actorLabel, long agreementId, Decision decision) {
		if (!this.policy.mayDecideDormancy(actor)) {
			throw new AccessDeniedException("Staff only");
		}
		String status = this.jdbc.sql("SELECT status FROM agreements WHERE id = ? FOR UPDATE")
			.param(agreementId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new AgreementNotFound(agreementId));
		if (!status.equals("SIGNED") && !status.equals("ACTIVE")) {
			throw Refusal.ofForm("dormant.error.decided");
		}
		AuditLog.Who who = new AuditLog.Who(actor.accountId(), actorLabel);
		if (decision == Decision.DORMANT) {
			this.jdbc.sql("""
					UPDATE agreements SET status = 'DORMANT', updated_by_account_id = ?, version = version + 1, updated_at = now()
					WHERE id = ?
					""").params(actor.accountId(), agreementId).update();
			this.audit.record(who, "agreement", agreementId, AuditLog.Action.UPDATE, Map.of("status", status),
					Map.of("status", "DORMANT", "dormancy", "decided"));
			return "dormant.flash.dormant";
		}
		this.jdbc.sql("""
				INSERT INTO agreement_check_ins (agreement_id, municipality_id, due_on, answer, answered_at, answered_by_account_id)
				VALUES (?, NULL, ?, 'KEPT', now(), ?)
				""").params(agreementId, LocalDate.now(this.clock.withZone(ZoneOffset.UTC)), actor.accountId()).update();
		this.audit.record(who, "agreement", agreementId, AuditLog.Action.UPDATE, Map.of(), Map.of("dormancy", "kept"));
		return "dormant.flash.kept";
	}
}
