package org.citybridge.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.citybridge.agreement.AgreementLookup;
import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.PdfInspection;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case studies: written by officers and staff, approved by staff, then public and searchable. The
 * full-text index is PostgreSQL's, in the document's own language (V29's
 * {@code case_study_regconfig}), over the title, summary and body, plus the names of its cities
 * and its themes in the portal's languages, so "Darkhan", "Дархан" or "énergie" find it too.
 */
@Service
class CaseStudies {

	/** Languages a case study may be written in; PostgreSQL stems those it has a dictionary for. */
	static final List<String> LANGUAGES = List.of("en", "fr", "mn", "de", "nl", "it", "es", "pt", "ru", "sr");

	static final int PAGE_SIZE = 20;

	/** The portal's languages, in which theme names are indexed. */
	private static final List<Locale> INDEXED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("mn"));

	/** A municipality a case study involves. */
	record Place(long id, String name, String countryCode) {
	}

	/** An attached file, without its bytes. */
	record Attachment(long id, String fileName, String contentType, int size) {
	}

	/** An attached file to send. */
	record AttachmentFile(String fileName, String contentType, byte[] data) {
	}

	/** A case study as its page shows it. */
	record CaseStudy(long id, String title, String summary, String body, String language, String status,
			Long authorAccountId, String authorName, Instant publishedAt, long version, List<String> themes,
			List<Place> municipalities, List<Attachment> attachments, List<AgreementLookup.Summary> agreements) {

		public boolean published() {
			return "PUBLISHED".equals(this.status);
		}

		/** The body as safe HTML. */
		public String bodyHtml() {
			return SafeMarkdown.toHtml(this.body);
		}
	}

	/** A case study in a list. */
	record Listed(long id, String title, String summary, String language, String status, Instant publishedAt,
			List<String> themes, List<Place> municipalities) {
	}

	/**
	 * An agreement the form offers to link: {@code agreement} is {@code null} for a value sent that
	 * names none (kept, so the form shows it with its message).
	 */
	public record AgreementChoice(String value, AgreementLookup.Summary agreement) {
	}

	/** One page of search results. */
	record Results(List<Listed> items, long total, int page, int pages) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final LearningPolicy policy;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final AgreementLookup agreements;

	CaseStudies(JdbcClient jdbc, AuditLog audit, LearningPolicy policy, MessageSource messages,
			PlatformTransactionManager transactionManager, AgreementLookup agreements) {
		this.jdbc = jdbc;
		this.agreements = agreements;
		this.audit = audit;
		this.policy = policy;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Published case studies matching the words, theme and municipality given (each optional). */
	Results search(String q, String theme, Long municipalityId, int page) {
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>(List.of("cs.status = 'PUBLISHED'"));
		String rank = null;
		String text = q == null ? "" : q.strip();
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		if (!text.isEmpty()) {
			where.add("cs.search @@ (websearch_to_tsquery(case_study_regconfig(cs.language), :q)"
					+ " || websearch_to_tsquery('simple', :q))");
			rank = "ts_rank(cs.search, websearch_to_tsquery(case_study_regconfig(cs.language), :q)"
					+ " || websearch_to_tsquery('simple', :q))";
			params.put("q", text);
		}
		if (theme != null) {
			where.add("EXISTS (SELECT 1 FROM case_study_themes t WHERE t.case_study_id = cs.id AND t.theme_code = :theme)");
			params.put("theme", theme);
		}
		if (municipalityId != null) {
			where.add("EXISTS (SELECT 1 FROM case_study_municipalities cm WHERE cm.case_study_id = cs.id"
					+ " AND cm.municipality_id = :municipality)");
			params.put("municipality", municipalityId);
		}
		String condition = " WHERE " + String.join(" AND ", where);
		long total = this.jdbc.sql("SELECT count(*) FROM case_studies cs" + condition).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (current - 1) * PAGE_SIZE);
		List<Listed> items = listed("SELECT cs.id, cs.title, cs.summary, cs.language, cs.status, cs.published_at FROM case_studies cs"
				+ condition + " ORDER BY " + (rank == null ? "" : rank + " DESC, ")
				+ "cs.published_at DESC, cs.id DESC LIMIT :limit OFFSET :offset", params);
		return new Results(items, total, current, pages);
	}

	/** Case studies waiting for approval (staff only). */
	List<Listed> pending(Actor actor) {
		if (!this.policy.mayModerate(actor)) {
			return List.of();
		}
		return listed("SELECT cs.id, cs.title, cs.summary, cs.language, cs.status, cs.published_at FROM case_studies cs"
				+ " WHERE cs.status = 'PENDING' ORDER BY cs.created_at, cs.id", Map.of());
	}

	/** What the account wrote, in any state. */
	List<Listed> writtenBy(long accountId) {
		return listed("SELECT cs.id, cs.title, cs.summary, cs.language, cs.status, cs.published_at FROM case_studies cs"
				+ " WHERE cs.author_account_id = :account ORDER BY cs.created_at DESC, cs.id DESC", Map.of("account", accountId));
	}

	/** Published case studies that involve the municipality, for its profile. */
	List<Listed> involving(long municipalityId) {
		return listed("SELECT cs.id, cs.title, cs.summary, cs.language, cs.status, cs.published_at FROM case_studies cs"
				+ " JOIN case_study_municipalities cm ON cm.case_study_id = cs.id"
				+ " WHERE cs.status = 'PUBLISHED' AND cm.municipality_id = :municipality"
				+ " ORDER BY cs.published_at DESC, cs.id DESC LIMIT 20", Map.of("municipality", municipalityId));
	}

	/** Published case studies linked to the agreement, for its page. */
	List<Listed> linkedTo(long agreementId) {
		return listed("SELECT cs.id, cs.title, cs.summary, cs.language, cs.status, cs.published_at FROM case_studies cs"
				+ " JOIN case_study_agreements ca ON ca.case_study_id = cs.id"
				+ " WHERE cs.status = 'PUBLISHED' AND ca.agreement_id = :agreement"
				+ " ORDER BY cs.published_at DESC, cs.id DESC LIMIT 50", Map.of("agreement", agreementId));
	}

	/**
	 * What the form offers to link: the agreements of the municipalities it names (as far as they
	 * can be read), then any other value ticked, so that nothing chosen silently disappears.
	 */
	List<AgreementChoice> agreementChoices(CaseStudyForm form) {
		List<Long> municipalities = form.municipalityIds();
		List<AgreementLookup.Summary> offered = new ArrayList<>(
				this.agreements.involvingAny(municipalities == null ? List.of() : municipalities));
		Set<Long> shown = new LinkedHashSet<>();
		offered.forEach(a -> shown.add(a.id()));
		List<String> ticked = form.agreements() == null ? List.of() : form.agreements();
		List<Long> more = new ArrayList<>();
		for (String value : ticked) {
			Long id = agreementNumber(value);
			if (id != null && !shown.contains(id)) {
				more.add(id);
			}
		}
		Map<Long, AgreementLookup.Summary> found = new HashMap<>();
		this.agreements.byIds(more).forEach(a -> found.put(a.id(), a));
		List<AgreementChoice> choices = new ArrayList<>();
		offered.forEach(a -> choices.add(new AgreementChoice(String.valueOf(a.id()), a)));
		Set<String> added = new LinkedHashSet<>();
		for (String value : ticked) {
			if (value == null || value.isBlank()) {
				continue;
			}
			Long id = agreementNumber(value);
			if ((id == null || !shown.contains(id)) && added.add(value)) {
				choices.add(new AgreementChoice(value, id == null ? null : found.get(id)));
			}
		}
		return choices;
	}

	private static Long agreementNumber(String value) {
		String text = value == null ? "" : value.strip();
		return text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
	}

	List<Listed> latest(int limit) {
		return listed("SELECT cs.id, cs.title, cs.summary, cs.language, cs.status, cs.published_at FROM case_studies cs"
				+ " WHERE cs.status = 'PUBLISHED' ORDER BY cs.published_at DESC, cs.id DESC LIMIT :limit", Map.of("limit", limit));
	}

	private List<Listed> listed(String sql, Map<String, ?> params) {
		List<Object[]> rows = this.jdbc.sql(sql).params(params).query((rs, n) -> new Object[] { rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant() }).list();
		List<Listed> listed = new ArrayList<>();
		for (Object[] r : rows) {
			long id = (Long) r[0];
			listed.add(new Listed(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (Instant) r[5], themes(id),
					places(id)));
		}
		return listed;
	}

	/** The case study, if the actor may read it; else it does not exist for them (404). */
	CaseStudy read(Actor actor, long id) {
		CaseStudy study = load(id);
		if (!this.policy.mayRead(actor, study)) {
			throw new CaseStudyNotFound(id);
		}
		return study;
	}

	boolean mayEdit(Actor actor, CaseStudy study) {
		return this.policy.mayEdit(actor, study);
	}

	boolean mayModerate(Actor actor) {
		return this.policy.mayModerate(actor);
	}

	boolean mayWrite(Actor actor) {
		return this.policy.mayWriteCaseStudy(actor);
	}

	/** The case study to edit, if the actor may; 404 if they may not even read it, else 403. */
	CaseStudy editable(Actor actor, long id) {
		CaseStudy study = read(actor, id);
		if (!this.policy.mayEdit(actor, study)) {
			throw new AccessDeniedException("May not edit case study " + id);
		}
		return study;
	}

	private CaseStudy load(long id) {
		return this.jdbc.sql("""
				SELECT cs.id, cs.title, cs.summary, cs.body, cs.language, cs.status, cs.author_account_id,
				       coalesce(a.display_name, ''), cs.published_at, cs.version
				FROM case_studies cs LEFT JOIN accounts a ON a.id = cs.author_account_id WHERE cs.id = ?
				""").param(id).query((ResultSet rs, int n) -> new CaseStudy(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
				rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getLong(10), themes(id), places(id),
				attachments(id), linkedAgreements(id))).optional().orElseThrow(() -> new CaseStudyNotFound(id));
	}

	private List<String> themes(long id) {
		return this.jdbc.sql("""
				SELECT t.theme_code FROM case_study_themes t JOIN themes th ON th.code = t.theme_code
				WHERE t.case_study_id = ? ORDER BY th.position
				""").param(id).query(String.class).list();
	}

	private List<Place> places(long id) {
		return this.jdbc.sql("""
				SELECT m.id, m.name, m.country_code FROM case_study_municipalities cm JOIN municipalities m ON m.id = cm.municipality_id
				WHERE cm.case_study_id = ? ORDER BY m.name, m.id
				""").param(id).query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	private List<AgreementLookup.Summary> linkedAgreements(long id) {
		return this.agreements.byIds(this.jdbc.sql("SELECT agreement_id FROM case_study_agreements WHERE case_study_id = ?")
			.param(id)
			.query(Long.class)
			.list());
	}

	private List<Attachment> attachments(long id) {
		return this.jdbc.sql("""
				SELECT id, file_name, content_type, size_bytes FROM case_study_attachments WHERE case_study_id = ? ORDER BY id
				""").param(id).query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

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
						null, auditView(form, municipalities, agreementIds, "PENDING"));
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
		CaseStudy before = editable(actor, id);
		List<Long> municipalities = checked(form);
		List<Long> agreementIds = checkedAgreements(form, municipalities);
		String status = this.policy.mayModerate(actor) ? before.status() : "PENDING";
		try {
			this.transactions.executeWithoutResult(tx -> {
				int updated = this.jdbc.sql("""
						UPDATE case_studies SET title = ?, summary = ?, body = ?, language = ?, keywords = ?, status = ?,
						       published_at = CASE WHEN ? = 'PUBLISHED' THEN published_at END,
						       version = version + 1, updated_at = now()
						WHERE id = ? AND version = ?
						""").params(form.title().strip(), form.summary().strip(), form.body(), form.language(),
						keywords(municipalities, form.themeCodes()), status, status, id, form.version())
					.update();
				if (updated == 0) {
					throw new LearningRefused(null, "learning.form.stale");
				}
				this.jdbc.sql("DELETE FROM case_study_themes WHERE case_study_id = ?").param(id).update();
				this.jdbc.sql("DELETE FROM case_study_municipalities WHERE case_study_id = ?").param(id).update();
				this.jdbc.sql("DELETE FROM case_study_agreements WHERE case_study_id = ?").param(id).update();
				writeLinks(id, form.themeCodes(), municipalities, agreementIds);
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "case_study", id, AuditLog.Action.UPDATE,
						auditView(CaseStudyForm.of(before), before.municipalities().stream().map(Place::id).toList(),
								before.agreements().stream().map(AgreementLookup.Summary::id).toList(), before.status()),
						auditView(form, municipalities, agreementIds, status));
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
		CaseStudy before = load(id);
		this.transactions.executeWithoutResult(tx -> {
			if (approve) {
				this.jdbc.sql("""
						UPDATE case_studies SET status = 'PUBLISHED', published_at = coalesce(published_at, now()),
						       approved_by_account_id = ?, version = version + 1, updated_at = now() WHERE id = ?
						""").params(actor.accountId(), id).update();
			}
			else {
				this.jdbc.sql("""
						UPDATE case_studies SET status = 'REJECTED', published_at = NULL, approved_by_account_id = NULL,
						       version = version + 1, updated_at = now() WHERE id = ?
						""").param(id).update();
			}
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "case_study", id, AuditLog.Action.UPDATE,
					Map.of("status", before.status()), Map.of("status", approve ? "PUBLISHED" : "REJECTED"));
		});
	}

	void addAttachment(Actor actor, String actorLabel, long id, String originalName, byte[] data) {
		editable(actor, id);
		if (data == null || data.length == 0) {
			throw new LearningRefused("file", "learning.attachment.empty");
		}
		if (data.length > AttachmentType.MAX_BYTES) {
			throw new LearningRefused("file", "learning.attachment.tooLarge");
		}
		AttachmentType type = AttachmentType.detect(data)
			.orElseThrow(() -> new LearningRefused("file", "learning.attachment.type"));
		if (type == AttachmentType.PDF) {
			switch (PdfInspection.inspect(data)) {
				case ACCEPTED -> {
				}
				case TOO_COMPLEX -> throw new LearningRefused("file", "learning.attachment.tooComplex");
				case SCRIPT -> throw new LearningRefused("file", "learning.attachment.script");
				case BUSY -> throw new LearningRefused("file", "learning.attachment.busy");
				case NOT_PDF -> throw new LearningRefused("file", "learning.attachment.type");
			}
		}
		String name = AttachmentType.safeName(originalName, type);
		this.transactions.executeWithoutResult(tx -> {
			long count = this.jdbc.sql("SELECT count(*) FROM case_study_attachments WHERE case_study_id = ?")
				.param(id)
				.query(Long.class)
				.single();
			if (count >= 10) {
				throw new LearningRefused("file", "learning.attachment.tooMany");
			}
			long attachmentId = this.jdbc.sql("""
					INSERT INTO case_study_attachments (case_study_id, file_name, content_type, size_bytes, data)
					VALUES (?, ?, ?, ?, ?) RETURNING id
					""").params(id, name, type.contentType, data.length, data).query(Long.class).single();
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "case_study", id, AuditLog.Action.UPDATE,
					Map.of(), Map.of("attachmentAdded", attachmentId + " " + name));
		});
	}

	AttachmentFile attachment(Actor actor, long id, long attachmentId) {
		read(actor, id);
		return this.jdbc.sql("SELECT file_name, content_type, data FROM case_study_attachments WHERE id = ? AND case_study_id = ?")
			.params(attachmentId, id)
			.query((rs, n) -> new AttachmentFile(AttachmentType.downloadName(rs.getString(1), rs.getString(2)), rs.getString(2),
					rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new CaseStudyNotFound(id + "/" + attachmentId));
	}

	private List<Long> checked(CaseStudyForm form) {
		if (!LANGUAGES.contains(form.language())) {
			throw new LearningRefused("language", "learning.language.invalid");
		}
		List<Long> ids = form.municipalityIds();
		if (ids == null) {
			throw new LearningRefused("municipalities", "learning.case.municipalities.invalid");
		}
		if (!ids.isEmpty()) {
			long known = this.jdbc.sql("SELECT count(*) FROM municipalities WHERE id IN (:ids)")
				.param("ids", ids)
				.query(Long.class)
				.single();
			if (known != ids.size()) {
				throw new LearningRefused("municipalities", "learning.case.municipalities.unknown");
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
			throw new LearningRefused("agreements", "learning.case.agreements.unknown");
		}
		if (ids.isEmpty()) {
			return ids;
		}
		if (this.agreements.byIds(ids).size() != ids.size()) {
			throw new LearningRefused("agreements", "learning.case.agreements.unknown");
		}
		if (!this.agreements.involving(ids, municipalities).containsAll(ids)) {
			throw new LearningRefused("agreements", "learning.case.agreements.unrelated");
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

	private static LearningRefused refusal(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("case_study_themes_theme_code_fkey")) {
			return new LearningRefused("themes", "learning.case.themes.invalid");
		}
		if (message.contains("case_study_agreements_agreement_id_fkey")) {
			return new LearningRefused("agreements", "learning.case.agreements.unknown");
		}
		if (message.contains("case_study_municipalities_municipality_id_fkey")) {
			return new LearningRefused("municipalities", "learning.case.municipalities.unknown");
		}
		return new LearningRefused(null, "learning.form.refused");
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
