package org.citybridge.learning;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.agreement.AgreementLookup;
import org.citybridge.system.Actor;
import org.citybridge.system.ResultPage;
import org.citybridge.system.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reading case studies: written by officers and staff, approved by staff, then public and
 * searchable. The full-text index is PostgreSQL's, in the document's own language (V29's
 * {@code case_study_regconfig}), over the title, summary and body, plus the names of its cities
 * and its themes in the portal's languages, so "Darkhan", "Дархан" or "énergie" find it too. A
 * list is read in three statements whatever its length: the rows, then the themes and the places
 * of all of them at once. Writing is {@link CaseStudyWriting}'s, files {@link CaseStudyAttachments}'.
 */
@Service
public record CaseStudies(JdbcClient jdbc, LearningPolicy policy, AgreementLookup agreements) {

	static final int PAGE_SIZE = 20;

	/** A municipality a case study involves. */
	public record Place(long id, String name, String countryCode) {
	}

	/** An attached file, without its bytes. */
	record Attachment(long id, String fileName, String contentType, int size) {
	}

	/** An attached file to send. */
	record AttachmentFile(String fileName, String contentType, byte[] data) {
	}

	/** A case study as its page shows it. */
	record CaseStudy(long id, String title, String summary, String body, String language, CaseStudyStatus status,
			Long authorAccountId, String authorName, Instant publishedAt, long version, List<String> themes,
			List<Place> municipalities, List<Attachment> attachments, List<AgreementLookup.Summary> agreements) {

		public boolean published() {
			return this.status == CaseStudyStatus.PUBLISHED;
		}

		/** The body as safe HTML. */
		public String bodyHtml() {
			return SafeMarkdown.toHtml(this.body);
		}
	}

	/** A case study in a list. */
	public record Listed(long id, String title, String summary, String language, CaseStudyStatus status, Instant publishedAt,
			List<String> themes, List<Place> municipalities) {
	}

	/**
	 * An agreement the form offers to link: {@code agreement} is {@code null} for a value sent that
	 * names none (kept, so the form shows it with its message).
	 */
	public record AgreementChoice(String value, AgreementLookup.Summary agreement) {
	}

	private static final String LISTED = "SELECT cs.id, cs.title, cs.summary, cs.language, cs.status, cs.published_at"
			+ " FROM case_studies cs";

	private static final String PUBLISHED = CaseStudyStatus.PUBLISHED.name();

	/** Published case studies matching the words, theme and municipality given (each optional). */
	ResultPage<Listed> search(String q, String theme, Long municipalityId, int page) {
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>(List.of("cs.status = :status"));
		params.put("status", PUBLISHED);
		String rank = null;
		String text = q == null ? "" : q.strip();
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		if (!text.isEmpty()) {
			where.add("cs.search @@ case_study_query(cs.language, :q)");
			rank = "ts_rank(cs.search, case_study_query(cs.language, :q))";
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
		List<Listed> items = listed(LISTED + condition + " ORDER BY " + (rank == null ? "" : rank + " DESC, ")
				+ "cs.published_at DESC, cs.id DESC LIMIT :limit OFFSET :offset", params);
		return ResultPage.of(items, total, current, PAGE_SIZE);
	}

	/** Case studies waiting for approval (staff only). */
	public List<Listed> pending(Actor actor) {
		if (!this.policy.mayModerate(actor)) {
			return List.of();
		}
		return listed(LISTED + " WHERE cs.status = :status ORDER BY cs.created_at, cs.id",
				Map.of("status", CaseStudyStatus.PENDING.name()));
	}

	/** What the account wrote, in any state. */
	public List<Listed> writtenBy(long accountId) {
		return listed(LISTED + " WHERE cs.author_account_id = :account ORDER BY cs.created_at DESC, cs.id DESC", Map.of("account", accountId));
	}

	/** Published case studies that involve the municipality, for its profile. */
	List<Listed> involving(long municipalityId) {
		return listed(LISTED + " JOIN case_study_municipalities cm ON cm.case_study_id = cs.id"
				+ " WHERE cs.status = :status AND cm.municipality_id = :municipality"
				+ " ORDER BY cs.published_at DESC, cs.id DESC LIMIT 20", Map.of("status", PUBLISHED, "municipality", municipalityId));
	}

	/** Published case studies linked to the agreement, for its page. */
	List<Listed> linkedTo(long agreementId) {
		return listed(LISTED + " JOIN case_study_agreements ca ON ca.case_study_id = cs.id"
				+ " WHERE cs.status = :status AND ca.agreement_id = :agreement"
				+ " ORDER BY cs.published_at DESC, cs.id DESC LIMIT 50", Map.of("status", PUBLISHED, "agreement", agreementId));
	}

	/**
	 * What the form offers to link: the agreements of the municipalities it names (as far as they
	 * can be read), then any other value ticked, so that nothing chosen silently disappears.
	 */
	List<AgreementChoice> agreementChoices(CaseStudyForm form) {
		List<Long> municipalities = form.municipalityIdList();
		List<AgreementLookup.Summary> offered = new ArrayList<>(
				this.agreements.involvingAny(municipalities == null ? List.of() : municipalities));
		Set<Long> shown = new LinkedHashSet<>();
		offered.forEach(a -> shown.add(a.id()));
		List<String> ticked = form.agreements() == null ? List.of() : form.agreements();
		List<Long> more = new ArrayList<>();
		for (String value : ticked) {
			Long id = Text.idOrNull(value);
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
			Long id = Text.idOrNull(value);
			if ((id == null || !shown.contains(id)) && added.add(value)) {
				choices.add(new AgreementChoice(value, id == null ? null : found.get(id)));
			}
		}
		return choices;
	}

	/** The municipalities of the ids, in the order given; ids of none are left out. */
	List<Place> places(List<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Place> found = new HashMap<>();
		this.jdbc.sql("SELECT id, name, country_code FROM municipalities WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list()
			.forEach(p -> found.put(p.id(), p));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The latest published case studies. */
	public List<Listed> latest(int limit) {
		return listed(LISTED + " WHERE cs.status = :status ORDER BY cs.published_at DESC, cs.id DESC LIMIT :limit",
				Map.of("status", PUBLISHED, "limit", limit));
	}

	/** The rows, then the themes and places of all of them in one statement each. */
	private List<Listed> listed(String sql, Map<String, ?> params) {
		List<Listed> rows = this.jdbc.sql(sql).params(params).query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getString(4), CaseStudyStatus.valueOf(rs.getString(5)),
				rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), List.of(), List.of())).list();
		if (rows.isEmpty()) {
			return rows;
		}
		Long[] ids = rows.stream().map(Listed::id).toArray(Long[]::new);
		Map<Long, List<String>> themes = new HashMap<>();
		this.jdbc.sql("""
				SELECT t.case_study_id, t.theme_code FROM case_study_themes t JOIN themes th ON th.code = t.theme_code
				WHERE t.case_study_id = ANY(?) ORDER BY th.position
				""").param(ids).query((ResultSet rs) -> {
					themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
		Map<Long, List<Place>> places = new HashMap<>();
		this.jdbc.sql("""
				SELECT cm.case_study_id, m.id, m.name, m.country_code FROM case_study_municipalities cm
				JOIN municipalities m ON m.id = cm.municipality_id
				WHERE cm.case_study_id = ANY(?) ORDER BY m.name, m.id
				""").param(ids).query((ResultSet rs) -> {
					places.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Place(rs.getLong(2), rs.getString(3), rs.getString(4)));
				});
		return rows.stream()
			.map(l -> new Listed(l.id(), l.title(), l.summary(), l.language(), l.status(), l.publishedAt(),
					List.copyOf(themes.getOrDefault(l.id(), List.of())), List.copyOf(places.getOrDefault(l.id(), List.of()))))
			.toList();
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

	public boolean mayWrite(Actor actor) {
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

	CaseStudy load(long id) {
		return this.jdbc.sql("""
				SELECT cs.id, cs.title, cs.summary, cs.body, cs.language, cs.status, cs.author_account_id,
				       coalesce(a.display_name, ''), cs.published_at, cs.version
				FROM case_studies cs LEFT JOIN accounts a ON a.id = cs.author_account_id WHERE cs.id = ?
				""").param(id).query((ResultSet rs, int n) -> new CaseStudy(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getString(5), CaseStudyStatus.valueOf(rs.getString(6)), (Long) rs.getObject(7), rs.getString(8),
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

}
