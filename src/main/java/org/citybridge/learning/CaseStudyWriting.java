package org.citybridge.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.citybridge.agreement.AgreementLookup;
import org.citybridge.audit.AuditLog;
import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing case studies: an author's new case study and edits (checked against the register's
 * agreements and the directory's places, indexed with its cities' names and its themes' names in
 * the portal's languages), and staff's moderation, each move of state as {@link CaseStudyStatus}
 * allows it. Every change is audited.
 */
@Service
record CaseStudyWriting(JdbcClient jdbc,
		CaseStudies caseStudies,
		AuditLog audit,
		LearningPolicy policy,
		MessageSource messages,
		TransactionTemplate transactions,
		AgreementLookup agreements,
		Notices notices) {

	/** The portal's languages, in which theme names are indexed. */
	private static final List<Locale> INDEXED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("mn"));

	private static final String PUBLISHED = CaseStudyStatus.PUBLISHED.name();

	long create(Actor actor, String actorLabel, CaseStudyForm form) {
		if (!this.policy.mayWriteCaseStudy(actor)) {
			throw new AccessDeniedException("May not write case studies");
		}
		List<Long> municipalities = checked(form);
		List<Long> agreementIds = checkedAgreements(form, municipalities);
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO case_studies (title, summary, body, language, author_account_id, keywords)
						VALUES (?, ?, ?, ?, ?, ?) RETURNING id
						""").params(form.title().strip(), form.summary().strip(), form.body(), form.language(),
						actor.accountId(), keywords(municipalities, form.themeCodes()))
					.query(Long.class)
					.single();
				writeLinks(id, form.themeCodes(), municipalities, agreementIds);
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "case_study", id, AuditLog.Action.CREATE,
						null, auditView(form, municipalities, agreementIds, CaseStudyStatus.PENDING.name()));
				announceSubmitted(id, form.title().strip(), actor);
				return id;
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	/**
	 * Saves an edit. Staff edits keep the state; an author's edit of a rejected case study sends
	 * it back for approval.
	 */
	void update(Actor actor, String actorLabel, long id, CaseStudyForm form) {
		CaseStudies.CaseStudy before = this.caseStudies.editable(actor, id);
		List<Long> municipalities = checked(form);
		List<Long> agreementIds = checkedAgreements(form, municipalities);
		CaseStudyStatus status = before.status()
			.become(this.policy.mayModerate(actor) ? before.status() : CaseStudyStatus.PENDING);
		try {
			this.transactions.executeWithoutResult(tx -> {
				int updated = this.jdbc.sql("""
						UPDATE case_studies SET title = ?, summary = ?, body = ?, language = ?, keywords = ?, status = ?,
						       published_at = CASE WHEN ? = ? THEN published_at END,
						       version = version + 1, updated_at = now()
						WHERE id = ? AND version = ?
						""").params(form.title().strip(), form.summary().strip(), form.body(), form.language(),
						keywords(municipalities, form.themeCodes()), status.name(), status.name(), PUBLISHED, id, form.version())
					.update();
				if (updated == 0) {
					throw Refusal.ofForm("learning.form.stale");
				}
				this.jdbc.sql("DELETE FROM case_study_themes WHERE case_study_id = ?").param(id).update();
				this.jdbc.sql("DELETE FROM case_study_municipalities WHERE case_study_id = ?").param(id).update();
				this.jdbc.sql("DELETE FROM case_study_agreements WHERE case_study_id = ?").param(id).update();
				writeLinks(id, form.themeCodes(), municipalities, agreementIds);
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "case_study", id, AuditLog.Action.UPDATE,
						auditView(CaseStudyForm.of(before), before.municipalities().stream().map(CaseStudies.Place::id).toList(),
								before.agreements().stream().map(AgreementLookup.Summary::id).toList(), before.status().name()),
						auditView(form, municipalities, agreementIds, status.name()));
				if (status == CaseStudyStatus.PENDING && before.status() != CaseStudyStatus.PENDING) {
					announceSubmitted(id, form.title().strip(), actor);
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	/** Staff publish a case study, or send it back. */
	void moderate(Actor actor, String actorLabel, long id, boolean approve) {
		if (!this.policy.mayModerate(actor)) {
			throw new AccessDeniedException("May not approve case studies");
		}
		CaseStudies.CaseStudy before = this.caseStudies.load(id);
		CaseStudyStatus after = before.status().become(approve ? CaseStudyStatus.PUBLISHED : CaseStudyStatus.REJECTED);
		this.transactions.executeWithoutResult(tx -> {
			if (approve) {
				this.jdbc.sql("""
						UPDATE case_studies SET status = ?, published_at = coalesce(published_at, now()),
						       approved_by_account_id = ?, version = version + 1, updated_at = now() WHERE id = ?
						""").params(after.name(), actor.accountId(), id).update();
			}
			else {
				this.jdbc.sql("""
						UPDATE case_studies SET status = ?, published_at = NULL, approved_by_account_id = NULL,
						       version = version + 1, updated_at = now() WHERE id = ?
						""").params(after.name(), id).update();
			}
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "case_study", id, AuditLog.Action.UPDATE,
					Map.of("status", before.status().name()), Map.of("status", after.name()));
			if (after != before.status() && before.authorAccountId() != null) {
				this.notices.announce(Announcement
					.of(approve ? NoticeKind.CASE_STUDY_APPROVED : NoticeKind.CASE_STUDY_REJECTED)
					.to(Audience.account(before.authorAccountId()))
					.args(before.title())
					.link("/learn/case-studies/" + id)
					.by(actor.accountId()));
			}
		});
	}

	/**
	 * Tells those who review it that a case study waits for approval: the staff of the networks its
	 * municipalities belong to, and the administrators.
	 */
	private void announceSubmitted(long id, String title, Actor actor) {
		List<Audience> audiences = new java.util.ArrayList<>();
		audiences.add(Audience.administrators());
		this.jdbc.sql("""
				SELECT DISTINCT om.organisation_id FROM organisation_members om
				JOIN case_study_municipalities cm ON cm.municipality_id = om.municipality_id
				WHERE cm.case_study_id = ? ORDER BY 1
				""").param(id).query(Long.class).list().forEach(o -> audiences.add(Audience.staffOf(o)));
		String places = String.join(", ", this.jdbc.sql("""
				SELECT m.name FROM case_study_municipalities cm JOIN municipalities m ON m.id = cm.municipality_id
				WHERE cm.case_study_id = ? ORDER BY m.name, m.id
				""").param(id).query(String.class).list());
		this.notices.announce(Announcement.of(NoticeKind.CASE_STUDY_SUBMITTED)
			.to(audiences.toArray(Audience[]::new))
			.args(title, places)
			.link("/learn/case-studies/" + id)
			.by(actor.accountId()));
	}

	private List<Long> checked(CaseStudyForm form) {
		if (!Languages.ALL.contains(form.language())) {
			throw new Refusal("language", "learning.language.invalid");
		}
		List<Long> ids = form.municipalityIdList();
		if (ids == null) {
			throw new Refusal("municipalityIds", "learning.case.municipalities.invalid");
		}
		if (!ids.isEmpty()) {
			long known = this.jdbc.sql("SELECT count(*) FROM municipalities WHERE id IN (:ids)")
				.param("ids", ids)
				.query(Long.class)
				.single();
			if (known != ids.size()) {
				throw new Refusal("municipalityIds", "learning.case.municipalities.unknown");
			}
		}
		return ids;
	}

	/**
	 * The agreements ticked: each must be in the register and have one of the case study's
	 * municipalities as a party.
	 */
	private List<Long> checkedAgreements(CaseStudyForm form, List<Long> municipalities) {
		List<Long> ids = form.agreementIds();
		if (ids == null) {
			throw new Refusal("agreements", "learning.case.agreements.unknown");
		}
		if (ids.isEmpty()) {
			return ids;
		}
		if (this.agreements.byIds(ids).size() != ids.size()) {
			throw new Refusal("agreements", "learning.case.agreements.unknown");
		}
		if (!this.agreements.involving(ids, municipalities).containsAll(ids)) {
			throw new Refusal("agreements", "learning.case.agreements.unrelated");
		}
		return ids;
	}

	private void writeLinks(long id, List<String> themes, List<Long> municipalities, List<Long> agreementIds) {
		for (Long agreement : agreementIds) {
			this.jdbc.sql("INSERT INTO case_study_agreements (case_study_id, agreement_id) VALUES (?, ?)")
				.params(id, agreement)
				.update();
		}
		for (String theme : themes) {
			this.jdbc.sql("INSERT INTO case_study_themes (case_study_id, theme_code) VALUES (?, ?)").params(id, theme).update();
		}
		for (Long municipality : municipalities) {
			this.jdbc.sql("INSERT INTO case_study_municipalities (case_study_id, municipality_id) VALUES (?, ?)")
				.params(id, municipality)
				.update();
		}
	}

	/** City names in their spellings, and theme names in the portal's languages, for the index. */
	private String keywords(List<Long> municipalities, List<String> themes) {
		Set<String> words = new LinkedHashSet<>();
		if (!municipalities.isEmpty()) {
			this.jdbc.sql("""
					SELECT concat_ws(' ', name, native_name, array_to_string(alternate_names, ' ')) FROM municipalities
					WHERE id IN (:ids)
					""").param("ids", municipalities).query(String.class).list().forEach(words::add);
		}
		for (String theme : themes) {
			for (Locale locale : INDEXED) {
				words.add(this.messages.getMessage("theme." + theme, null, theme, locale));
			}
		}
		String text = String.join(" ", words);
		return text.length() > 20000 ? text.substring(0, 20000) : text;
	}

	private static Refusal refusal(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("case_study_themes_theme_code_fkey")) {
			return new Refusal("themes", "learning.case.themes.invalid");
		}
		if (message.contains("case_study_agreements_agreement_id_fkey")) {
			return new Refusal("agreements", "learning.case.agreements.unknown");
		}
		if (message.contains("case_study_municipalities_municipality_id_fkey")) {
			return new Refusal("municipalityIds", "learning.case.municipalities.unknown");
		}
		return Refusal.ofForm("learning.form.refused");
	}

	private static Map<String, Object> auditView(CaseStudyForm form, List<Long> municipalities, List<Long> agreementIds,
			String status) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("title", form.title() == null ? null : form.title().strip());
		view.put("summary", form.summary() == null ? null : form.summary().strip());
		view.put("body", form.body());
		view.put("language", form.language());
		view.put("themes", new ArrayList<>(form.themeCodes()));
		view.put("municipalities", new ArrayList<>(municipalities));
		view.put("agreements", new ArrayList<>(agreementIds));
		view.put("status", status);
		return view;
	}
}
