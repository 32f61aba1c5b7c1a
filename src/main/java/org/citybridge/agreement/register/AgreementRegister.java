package org.citybridge.agreement.register;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.audit.AuditLog;
import org.citybridge.notice.NoticeKind;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.agreement.Agreement;
import org.citybridge.agreement.AgreementEnded;
import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.agreement.AgreementRegistered;
import org.citybridge.agreement.AgreementRepository;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.Agreements;

/**
 * Registers and edits agreements from the form. Staff and administrators register verified
 * agreements; an officer proposes one their municipality is a party to, unverified. The rules are
 * PostgreSQL's; a refusal comes back as an {@link AgreementRefused} naming the field and, for a
 * duplicate, the agreement already registered.
 */
@Service
record AgreementRegister(AgreementRepository repository,
		AgreementPolicy policy,
		Agreements agreements,
		JdbcClient jdbc,
		AuditLog audit,
		ApplicationEventPublisher events,
		TransactionTemplate transactions,
		AgreementNotices notices) {

	/** The empty form for a new agreement, if the actor may start one at all (else 403). */
	AgreementForm newForm(Actor actor) {
		if (!this.policy.mayStart(actor)) {
			throw new AccessDeniedException("May not register agreements");
		}
		return AgreementForm.empty(this.policy.mayRegister(actor) ? null : actor.municipalityId());
	}

	/** The form for an existing agreement, if the actor may edit it (else 403). */
	AgreementForm editForm(Actor actor, long id) {
		Agreement agreement = this.transactions.execute(tx -> this.repository.findWithThemesById(id)
			.orElseThrow(() -> new AgreementNotFound(id)));
		if (!this.policy.mayOpenEdit(actor, agreement)) {
			throw new AccessDeniedException("May not edit agreement " + id);
		}
		return AgreementForm.of(agreement);
	}

	boolean mayEdit(Actor actor, long id) {
		return this.repository.findById(id).map(a -> this.policy.mayOpenEdit(actor, a)).orElse(false);
	}

	long create(Actor actor, String actorLabel, AgreementForm form, SignedDocument document) {
		List<Long> parties = form.parties();
		boolean staff = this.policy.mayRegister(actor);
		if (!staff && !this.policy.mayPropose(actor, parties)) {
			throw new AccessDeniedException("May not register this agreement");
		}
		checkParties(parties);
		try {
			return this.transactions.execute(tx -> {
				this.agreements.immediateForeignKeys();
				Agreement agreement = new Agreement(form.type(), parties, form.title().strip(), form.status(),
						actor.accountId());
				apply(agreement, form, parties, actor);
				if (staff) {
					agreement.verify(actor.accountId(), Instant.now());
				}
				else {
					agreement.proposedBy(actor.accountId());
				}
				this.repository.saveAndFlush(agreement);
				long id = agreement.getId();
				store(id, document, actor);
				Map<String, Object> after = agreement.auditView();
				if (document != null) {
					after.put("documentSha256", document.sha256());
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), Agreements.ENTITY, id,
						AuditLog.Action.CREATE, null, after);
				this.events.publishEvent(new AgreementRegistered(id, agreement.getType(), agreement.getPartyKey(),
						agreement.isVerified()));
				this.notices.announce(NoticeKind.AGREEMENT_REGISTERED, id, actor.accountId());
				if (agreement.getStatus() == AgreementStatus.ENDED) {
					this.events.publishEvent(new AgreementEnded(id, agreement.getType(), agreement.getPartyKey()));
				}
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex, form, parties, 0);
		}
	}

	void update(Actor actor, String actorLabel, long id, AgreementForm form, SignedDocument document) {
		List<Long> parties = form.parties();
		checkParties(parties);
		try {
			this.transactions.executeWithoutResult(tx -> {
				this.agreements.immediateForeignKeys();
				Agreement agreement = this.repository.findWithThemesById(id).orElseThrow(() -> new AgreementNotFound(id));
				if (!this.policy.mayEdit(actor, agreement, parties)) {
					throw new AccessDeniedException("May not edit agreement " + id);
				}
				if (agreement.getVersion() != form.version()) {
					throw new AgreementRefused(null, "agreement.error.stale");
				}
				Map<String, Object> before = agreement.auditView();
				AgreementStatus was = agreement.getStatus();
				apply(agreement, form, parties, actor);
				try {
					this.repository.saveAndFlush(agreement);
				}
				catch (ObjectOptimisticLockingFailureException ex) {
					throw new AgreementRefused(null, "agreement.error.stale");
				}
				store(id, document, actor);
				Map<String, Object> after = agreement.auditView();
				if (document != null) {
					after.put("documentSha256", document.sha256());
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), Agreements.ENTITY, id,
						AuditLog.Action.UPDATE, before, after);
				if (was != AgreementStatus.ENDED && agreement.getStatus() == AgreementStatus.ENDED) {
					this.events.publishEvent(new AgreementEnded(id, agreement.getType(), agreement.getPartyKey()));
					this.notices.announce(NoticeKind.AGREEMENT_ENDED, id, actor.accountId());
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex, form, parties, id);
		}
	}

	/** Everything the form edits, taken from the form. */
	private static void apply(Agreement agreement, AgreementForm form, List<Long> parties, Actor actor) {
		agreement.retype(form.type());
		agreement.changeParties(parties);
		agreement.rename(form.title().strip());
		agreement.changeStatus(form.status());
		agreement.reschedule(form.signedOn(), form.endsOn());
		agreement.signedAt(Text.blankToNull(form.signingPlace()), form.eventId());
		agreement.describe(new HashSet<>(form.themeCodes()), Text.blankToNull(form.fundingUsed()),
				Text.blankToNull(form.notes()));
		agreement.editedBy(actor.accountId());
	}

	/** Shape only; whether the parties exist, differ and are free is the database's to say. */
	private static void checkParties(List<Long> parties) {
		if (parties.size() > AgreementForm.MAX_PARTIES) {
			throw new AgreementRefused("partyIds", "agreement.error.parties.tooMany", AgreementForm.MAX_PARTIES);
		}
	}

	private void store(long id, SignedDocument document, Actor actor) {
		if (document == null) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO agreement_documents (agreement_id, file_name, content_type, size_bytes, sha256, content,
				                                 uploaded_by_account_id)
				VALUES (:id, :name, :type, :size, :sha, :content, :account)
				ON CONFLICT (agreement_id) DO UPDATE SET file_name = EXCLUDED.file_name, size_bytes = EXCLUDED.size_bytes,
				    sha256 = EXCLUDED.sha256, content = EXCLUDED.content, uploaded_at = now(),
				    uploaded_by_account_id = EXCLUDED.uploaded_by_account_id
				""")
			.param("id", id)
			.param("name", document.fileName())
			.param("type", SignedDocument.CONTENT_TYPE)
			.param("size", document.content().length)
			.param("sha", document.sha256())
			.param("content", document.content())
			.param("account", actor.accountId())
			.update();
	}

	/** Runs after the failed transaction has rolled back, so it can read what the row clashed with. */
	private AgreementRefused refusal(DataIntegrityViolationException ex, AgreementForm form, List<Long> parties,
			long selfId) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("agreements_open_parties_uk")) {
			Long[] key = parties.stream().distinct().sorted().toArray(Long[]::new);
			return this.jdbc.sql("""
					SELECT id, title FROM agreements WHERE type = ? AND party_key = ? AND status <> 'ENDED' AND id <> ?
					ORDER BY id LIMIT 1
					""").params(form.type().name(), key, selfId)
				.query((rs, n) -> new AgreementRefused("partyIds", "agreement.error.duplicate", rs.getLong(1),
						org.citybridge.system.Text.typed(rs.getString(2)), org.citybridge.system.Text.typed(rs.getString(2))))
				.optional()
				.orElseGet(() -> new AgreementRefused("partyIds", "agreement.error.duplicate", null, null, ""));
		}
		if (message.contains("agreements_parties_distinct_ck")) {
			return new AgreementRefused("partyIds", "agreement.error.parties.distinct");
		}
		if (message.contains("agreements_parties_count_ck")) {
			return new AgreementRefused("partyIds", "agreement.error.parties.count");
		}
		if (message.contains("agreements_parties_max_ck")) {
			return new AgreementRefused("partyIds", "agreement.error.parties.tooMany", AgreementForm.MAX_PARTIES);
		}
		if (message.contains("agreement_parties_municipality_fk")) {
			return new AgreementRefused("partyIds", "agreement.error.parties.unknown");
		}
		if (message.contains("agreements_dates_ck")) {
			return new AgreementRefused("endsOn", "agreement.error.endsOn.beforeSigning");
		}
		if (message.contains("agreements_signed_not_future_ck")) {
			return new AgreementRefused("signedOn", "agreement.error.signedOn.future");
		}
		if (message.contains("agreements_event_id_fkey")) {
			return new AgreementRefused("eventId", "agreement.error.event.unknown");
		}
		if (message.contains("agreement_themes_theme_code_fkey")) {
			return new AgreementRefused("themes", "agreement.error.themes.unknown");
		}
		if (message.contains("agreements_title_ck")) {
			return new AgreementRefused("title", "agreement.error.title.required");
		}
		if (message.contains("agreements_signing_place_ck")) {
			return new AgreementRefused("signingPlace", "agreement.error.signingPlace.size");
		}
		throw ex;
	}

	static Set<Long> distinct(List<Long> ids) {
		return new HashSet<>(ids);
	}
}
