package org.citybridge.agreement.activities;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the partners did: an agreement's activities with their themes, funding, case studies
 * and documents; the choices of the activity form; and the timelines of an agreement and of a
 * municipality (signature, activities, status changes, case studies, in date order). Case studies
 * and instruments are other features' tables, joined here in SQL as a read model.
 */
@Service
@Transactional(readOnly = true)
public class ActivityReads {

	/** A case study an activity links to. */
	public record CaseStudyLink(long id, String title, String language) {

		public String href() {
			return "/learn/case-studies/" + this.id;
		}
	}

	/** A document of an activity, without its bytes. */
	public record Document(long id, String fileName, int sizeBytes) {

		public long sizeKilobytes() {
			return Math.max(1, (this.sizeBytes + 1023) / 1024);
		}
	}

	/** A document's bytes, for download. */
	public record DocumentFile(String fileName, String contentType, byte[] data) {
	}

	/** One activity as the agreement's page shows it. */
	public record Activity(long id, long agreementId, ActivityKind kind, String title, LocalDate startsOn,
			LocalDate endsOn, Integer participants, List<String> themes, String instrumentName, String instrumentSlug,
			String fundingText, String outcome, Long placeId, String placeName, String language, boolean demo,
			long version, List<CaseStudyLink> caseStudies, List<Document> documents) {

		public String href() {
			return "/agreements/" + this.agreementId + "#activity-" + this.id;
		}
	}

	/** A choice of a list in the form: its id and its name. */
	public record Option(long id, String name) {
	}

	/** What happened, when: one line of a timeline. */
	public record Entry(LocalDate on, Instant at, Type type, String code, String title, String language, String href,
			long agreementId, String agreementTitle, List<Long> partyIds, List<String> partyNames) {

		/** The day it is sorted by: its date, or the day of its moment (UTC). */
		public LocalDate day() {
			return this.on != null ? this.on : this.at.atZone(ZoneOffset.UTC).toLocalDate();
		}
	}

	/** What a timeline entry is. */
	public enum Type {
		SIGNED, REGISTERED, STATUS, ACTIVITY, CASE_STUDY, CHECK_IN
	}

	/** How many entries a municipality's timeline shows (the latest). */
	static final int PROFILE_ENTRIES = 30;

	private final JdbcClient jdbc;

	ActivityReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String ACTIVITY_COLUMNS = """
			SELECT x.id, x.agreement_id, x.kind, x.title, x.starts_on, x.ends_on, x.participants,
			       ARRAY(SELECT t.theme_code FROM agreement_activity_themes t JOIN themes th ON th.code = t.theme_code
			             WHERE t.activity_id = x.id ORDER BY th.position),
			       i.name, i.slug, x.funding_text, x.outcome, x.place_municipality_id, pm.name, x.language, x.demo, x.version
			FROM agreement_activities x
			LEFT JOIN funding_instruments i ON i.id = x.instrument_id
			LEFT JOIN municipalities pm ON pm.id = x.place_municipality_id
			""";

	/** The agreement's activities, the latest first. */
	public List<Activity> ofAgreement(long agreementId) {
		List<Activity> bare = this.jdbc.sql(ACTIVITY_COLUMNS
				+ " WHERE x.agreement_id = ? ORDER BY x.starts_on DESC, x.id DESC")
			.param(agreementId)
			.query((rs, n) -> activity(rs, List.of(), List.of()))
			.list();
		if (bare.isEmpty()) {
			return List.of();
		}
		List<Long> ids = bare.stream().map(Activity::id).toList();
		Map<Long, List<CaseStudyLink>> studies = new HashMap<>();
		this.jdbc.sql("""
				SELECT l.activity_id, c.id, c.title, c.language FROM agreement_activity_case_studies l
				JOIN case_studies c ON c.id = l.case_study_id
				WHERE l.activity_id IN (:ids) AND c.status = 'PUBLISHED' ORDER BY c.title, c.id
				""").param("ids", ids).query((ResultSet rs) -> {
			studies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new CaseStudyLink(rs.getLong(2), rs.getString(3), rs.getString(4)));
		});
		Map<Long, List<Document>> documents = new HashMap<>();
		this.jdbc.sql("""
				SELECT activity_id, id, file_name, size_bytes FROM agreement_activity_documents
				WHERE activity_id IN (:ids) ORDER BY id
				""").param("ids", ids).query((ResultSet rs) -> {
			documents.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Document(rs.getLong(2), rs.getString(3), rs.getInt(4)));
		});
		return bare.stream()
			.map(a -> new Activity(a.id(), a.agreementId(), a.kind(), a.title(), a.startsOn(), a.endsOn(),
					a.participants(), a.themes(), a.instrumentName(), a.instrumentSlug(), a.fundingText(), a.outcome(),
					a.placeId(), a.placeName(), a.language(), a.demo(), a.version(),
					List.copyOf(studies.getOrDefault(a.id(), List.of())),
					List.copyOf(documents.getOrDefault(a.id(), List.of()))))
			.toList();
	}

	/** One activity of the agreement, for its edit form. */
	Optional<ActivityForm> form(long agreementId, long activityId) {
		Optional<Activity> found = this.jdbc.sql(ACTIVITY_COLUMNS + " WHERE x.agreement_id = ? AND x.id = ?")
			.params(agreementId, activityId)
			.query((rs, n) -> activity(rs, List.of(), List.of()))
			.optional();
		return found.map(a -> {
			Long instrument = this.jdbc.sql("SELECT instrument_id FROM agreement_activities WHERE id = ?")
				.param(activityId)
				.query(Long.class)
				.optional()
				.orElse(null);
			List<Long> studies = this.jdbc.sql("SELECT case_study_id FROM agreement_activity_case_studies WHERE activity_id = ? ORDER BY 1")
				.param(activityId)
				.query(Long.class)
				.list();
			return new ActivityForm(a.kind(), a.title(), a.startsOn(), a.endsOn(), a.participants(), a.themes(),
					instrument, a.fundingText(), a.outcome(), a.placeId(), studies, null, a.version(), null);
		});
	}

	/** A document of an activity of the agreement. */
	Optional<DocumentFile> document(long agreementId, long activityId, long documentId) {
		return this.jdbc.sql("""
				SELECT d.file_name, d.content_type, d.data FROM agreement_activity_documents d
				JOIN agreement_activities x ON x.id = d.activity_id
				WHERE d.id = ? AND x.id = ? AND x.agreement_id = ?
				""").params(documentId, activityId, agreementId)
			.query((rs, n) -> new DocumentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** The portal's funding instruments, by name. */
	List<Option> instruments() {
		return this.jdbc.sql("SELECT id, name FROM funding_instruments ORDER BY name, id")
			.query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The agreement's parties (where an activity took place). */
	List<Option> parties(long agreementId) {
		return this.jdbc.sql("""
				SELECT m.id, m.name FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				WHERE p.agreement_id = ? ORDER BY m.name, m.id
				""").param(agreementId).query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
	}

	/** Published case studies an activity may link: those about the agreement or one of its parties. */
	List<CaseStudyLink> caseStudyChoices(long agreementId) {
		return this.jdbc.sql(CASE_STUDY_CHOICES.replace("SELECT c.id", "SELECT c.id, c.title, c.language") + " ORDER BY c.title, c.id")
			.param("agreement", agreementId)
			.query((rs, n) -> new CaseStudyLink(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static final String CASE_STUDY_CHOICES = """
			SELECT c.id FROM case_studies c WHERE c.status = 'PUBLISHED'
			  AND (EXISTS (SELECT 1 FROM case_study_agreements ca WHERE ca.case_study_id = c.id AND ca.agreement_id = :agreement)
			       OR EXISTS (SELECT 1 FROM case_study_municipalities cm JOIN agreement_parties p
			                  ON p.municipality_id = cm.municipality_id AND p.agreement_id = :agreement
			                  WHERE cm.case_study_id = c.id))
			""";

	static Set<Long> caseStudyChoiceIds(JdbcClient jdbc, long agreementId) {
		return jdbc.sql(CASE_STUDY_CHOICES).param("agreement", agreementId).query(Long.class).set();
	}

	/**
	 * The agreement's timeline, oldest first: its signature, its entry into the register and each
	 * later status change, its activities and the published case studies about it.
	 */
	public List<Entry> timeline(long agreementId) {
		List<Entry> entries = new ArrayList<>(this.jdbc.sql(TIMELINE + " ORDER BY 1, 2")
			.param("agreements", new Long[] { agreementId })
			.query(ActivityReads::entry)
			.list());
		entries.sort(Comparator.comparing(Entry::day));
		return entries;
	}

	/**
	 * A municipality's timeline: the same for every agreement it is a party to, without their
	 * entries into the register (an import adds hundreds at once), the latest {@value #PROFILE_ENTRIES}
	 * in date order.
	 */
	public List<Entry> timelineOfMunicipality(long municipalityId) {
		Long[] agreements = this.jdbc.sql("SELECT agreement_id FROM agreement_parties WHERE municipality_id = ?")
			.param(municipalityId)
			.query(Long.class)
			.list()
			.toArray(Long[]::new);
		if (agreements.length == 0) {
			return List.of();
		}
		List<Entry> entries = this.jdbc.sql("SELECT * FROM (" + TIMELINE + ") t WHERE t.type <> 'REGISTERED'"
				+ " ORDER BY 1 DESC, 2 DESC LIMIT " + PROFILE_ENTRIES)
			.param("agreements", agreements)
			.query(ActivityReads::entry)
			.list();
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing(Entry::day));
		return sorted;
	}

	/**
	 * Every kind of entry for some agreements, each row: sort day, sort moment, type, code, title,
	 * language, link, the day (if a date) and moment (if a moment), the agreement, its title and
	 * parties. The first status row of an agreement is its entry into the register.
	 */
	private static final String TIMELINE = """
			SELECT e.day, e.at, e.type, e.code, e.title, e.language, e.href, e.on_day, e.at_moment, a.id, a.title,
			       ARRAY(SELECT m.id FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
			             WHERE p.agreement_id = a.id ORDER BY m.id) AS party_ids,
			       ARRAY(SELECT m.name FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
			             WHERE p.agreement_id = a.id ORDER BY m.id) AS party_names
			FROM (
			  SELECT g.id AS agreement_id, g.signed_on AS day, NULL::timestamptz AS at, 'SIGNED' AS type, NULL AS code,
			         NULL AS title, NULL AS language, NULL AS href, g.signed_on AS on_day, NULL::timestamptz AS at_moment
			  FROM agreements g WHERE g.id = ANY (:agreements) AND g.signed_on IS NOT NULL
			  UNION ALL
			  SELECT s.agreement_id, (s.changed_at AT TIME ZONE 'UTC')::date, s.changed_at,
			         CASE WHEN s.id = min(s.id) OVER (PARTITION BY s.agreement_id) THEN 'REGISTERED' ELSE 'STATUS' END,
			         s.status, NULL, NULL, NULL, NULL, s.changed_at
			  FROM agreement_status_changes s WHERE s.agreement_id = ANY (:agreements)
			  UNION ALL
			  SELECT x.agreement_id, x.starts_on, NULL, 'ACTIVITY', x.kind, x.title, x.language,
			         '#activity-' || x.id, x.starts_on, NULL
			  FROM agreement_activities x WHERE x.agreement_id = ANY (:agreements)
			  UNION ALL
			  SELECT ca.agreement_id, (c.published_at AT TIME ZONE 'UTC')::date, c.published_at, 'CASE_STUDY', NULL,
			         c.title, c.language, '/learn/case-studies/' || c.id, NULL, c.published_at
			  FROM case_study_agreements ca JOIN case_studies c ON c.id = ca.case_study_id
			  WHERE ca.agreement_id = ANY (:agreements) AND c.status = 'PUBLISHED' AND c.published_at IS NOT NULL
			  UNION ALL
			  SELECT k.agreement_id, (k.answered_at AT TIME ZONE 'UTC')::date, k.answered_at, 'CHECK_IN', k.answer, NULL, NULL,
			         NULL, NULL, k.answered_at
			  FROM agreement_check_ins k WHERE k.agreement_id = ANY (:agreements) AND k.answered_at IS NOT NULL
			) e JOIN agreements a ON a.id = e.agreement_id
			""";

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		java.sql.Date onDay = rs.getDate(8);
		java.sql.Timestamp atMoment = rs.getTimestamp(9);
		Type type = Type.valueOf(rs.getString(3));
		long agreementId = rs.getLong(10);
		String href = rs.getString(7);
		if (href != null && href.startsWith("#")) {
			href = "/agreements/" + agreementId + href;
		}
		return new Entry(onDay == null ? null : onDay.toLocalDate(), atMoment == null ? null : atMoment.toInstant(), type,
				rs.getString(4), rs.getString(5), rs.getString(6), href, agreementId, rs.getString(11),
				List.of((Long[]) rs.getArray(12).getArray()), List.of((String[]) rs.getArray(13).getArray()));
	}

	private static Activity activity(ResultSet rs, List<CaseStudyLink> studies, List<Document> documents)
			throws SQLException {
		java.sql.Date ends = rs.getDate(6);
		int participants = rs.getInt(7);
		Integer participantsOrNull = rs.wasNull() ? null : participants;
		long place = rs.getLong(13);
		Long placeOrNull = rs.wasNull() ? null : place;
		return new Activity(rs.getLong(1), rs.getLong(2), ActivityKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getDate(5).toLocalDate(), ends == null ? null : ends.toLocalDate(), participantsOrNull,
				strings(rs.getArray(8)), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
				placeOrNull, rs.getString(14), rs.getString(15), rs.getBoolean(16), rs.getLong(17), studies, documents);
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}
}
