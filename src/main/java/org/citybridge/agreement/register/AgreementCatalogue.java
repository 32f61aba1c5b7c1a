package org.citybridge.agreement.register;

import java.sql.Date;
import java.sql.ResultSet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.citybridge.system.ResultPage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.AgreementSource;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;

/**
 * Reads the register for its pages: the filtered list, an agreement with its parties, history and
 * related agreements, the signed document, the unverified list, a municipality's agreements. Joins
 * municipality, country and event tables read-only, as DESIGN.md allows read models to.
 */
@Service
@Transactional(readOnly = true)
public class AgreementCatalogue {

	/** A party as pages show it. */
	public record Signatory(long id, String name, String countryCode) {

		public String href() {
			return "/municipalities/" + this.id;
		}
	}

	/** One line of a list of agreements. */
	public record Listed(long id, String title, AgreementType type, AgreementStatus status, LocalDate signedOn,
			boolean verified, boolean imported, List<Signatory> parties) {

		public String href() {
			return "/agreements/" + this.id;
		}
	}

	/**
	 * Agreement {@code a} began at a meeting held at forum {@code :forum} (an event's slug): a
	 * partnership request that continued a meeting held there (V86) was accepted and opened it (the
	 * agreement registered after the request was sent, not one the two already had). The forum is the
	 * request's own record of it (V95), which stays when the meeting goes with a participant's consent.
	 */
	static final String BEGAN_AT_FORUM = """
			EXISTS (SELECT 1 FROM partnership_requests r JOIN events e ON e.id = r.meeting_event_id
			        WHERE r.agreement_id = a.id AND r.status = 'ACCEPTED' AND a.created_at >= r.sent_at AND e.slug = :forum)""";

	/**
	 * The register page: the checked query, its page of results, and the forums its filter offers
	 * (events where agreements of the register began at a meeting, latest first), read by one statement.
	 */
	public record Register(AgreementQuery query, ResultPage<Listed> results, List<Long> forums) {
	}

	/** One status an agreement entered, and when. */
	public record StatusChange(AgreementStatus status, Instant at) {
	}

	/** What the page says about the signed document. */
	public record DocumentInfo(String fileName, int sizeBytes, String sha256) {

		public long sizeKilobytes() {
			return Math.max(1, (this.sizeBytes + 1023) / 1024);
		}
	}

	/** The document itself, for download. */
	record StoredDocument(String fileName, byte[] content, String sha256) {
	}

	/** An agreement's page. */
	public record Detail(long id, String title, AgreementType type, AgreementStatus status, List<Signatory> parties,
			List<String> themes, LocalDate signedOn, String signingPlace, LocalDate endsOn, Long eventId,
			String eventTitle, String eventSlug, String fundingUsed, String notes, AgreementSource.Kind source,
			String sourceName, String sourceAttribution, String sourceUrl, String sourceRecord, Instant importedAt,
			Instant verifiedAt, Instant createdAt, Instant updatedAt, DocumentInfo document,
			List<StatusChange> history, List<Listed> related) {

		public boolean verified() {
			return this.verifiedAt != null;
		}

		public boolean imported() {
			return this.source != AgreementSource.Kind.MANUAL;
		}
	}

	/** An event an agreement may have been signed at. */
	public record EventOption(long id, String title, LocalDate startsOn) {
	}

	private final JdbcClient jdbc;

	private final RegisterOptions options;

	private final Clock clock;

	AgreementCatalogue(JdbcClient jdbc, RegisterOptions options, Clock clock) {
		this.jdbc = jdbc;
		this.options = options;
		this.clock = clock;
	}

	/** The portal's today (UTC), read at each request: "active in the last N years" counts back from it. */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * The register page, read by one statement outside a transaction: one round trip to the database,
	 * as the statement run bare (docs/benchmarks.md, issue 25), not a transaction's three.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Register register(AgreementParams params) {
		AgreementQuery query = AgreementQuery.of(params, this.options.countryCodeSet(), this.options.themeCodeSet());
		List<Long> forums = new ArrayList<>();
		ResultPage<Listed> results = page(query, forums);
		return new Register(query, results, List.copyOf(forums));
	}

	/**
	 * One statement for the register page: the count, the page's rows and their parties (as arrays,
	 * in name order), and the forums the filter offers (see {@link #BEGAN_AT_FORUM}; events, latest
	 * first), so that a page costs one round trip to the database, not one per part. A page past the
	 * last one asks again for the last one.
	 */
	static String pageSql(AgreementQuery query, int page, LocalDate today, Map<String, Object> params) {
		String where = where(query, today, params);
		// The page's size and offset are the portal's own numbers, written in as the first day is (see where).
		return "WITH page AS (SELECT a.id, a.title, a.type, a.status, a.signed_on, a.verified_at IS NOT NULL AS verified,"
				+ " a.source <> 'MANUAL' AS imported, a.created_at FROM agreements a" + where + " ORDER BY "
				+ order(query.sort()) + " LIMIT " + query.size() + " OFFSET " + (long) (page - 1) * query.size() + ")"
				+ " SELECT (SELECT count(*) FROM agreements a" + where + ") AS total, r.id, r.title, r.type, r.status,"
				+ " r.signed_on, r.verified, r.imported, pa.ids, pa.names, pa.countries, (" + FORUMS + ") AS forums"
				+ " FROM (SELECT 1) one LEFT JOIN page r ON TRUE"
				+ " LEFT JOIN LATERAL (SELECT array_agg(m.id ORDER BY m.name, m.id) AS ids,"
				+ " array_agg(m.name ORDER BY m.name, m.id) AS names, array_agg(m.country_code ORDER BY m.name, m.id) AS countries"
				+ " FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id WHERE p.agreement_id = r.id) pa ON TRUE"
				+ " ORDER BY " + order(query.sort()).replace("a.", "r.");
	}

	/** The forums the register's filter offers: {@code pageSql}'s last column, one array. */
	private static final String FORUMS = "SELECT array_agg(e.id ORDER BY e.starts_on DESC, e.id DESC) FROM events e"
			+ " WHERE EXISTS (SELECT 1 FROM partnership_requests r JOIN agreements a ON a.id = r.agreement_id"
			+ " WHERE r.meeting_event_id = e.id AND r.status = 'ACCEPTED' AND a.created_at >= r.sent_at)";

	private ResultPage<Listed> page(AgreementQuery query, List<Long> forums) {
		ResultPage<Listed> page = page(query, query.page(), forums);
		if (page.items().isEmpty() && page.total() > 0) {
			forums.clear();
			page = page(query, page.totalPages(), forums);
		}
		return page;
	}

	private ResultPage<Listed> page(AgreementQuery query, int page, List<Long> forums) {
		Map<String, Object> params = new HashMap<>();
		String sql = pageSql(query, page, today(), params);
		long[] total = { -1 };
		List<Listed> rows = new ArrayList<>();
		this.jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			if (total[0] < 0) {
				java.sql.Array events = rs.getArray(12);
				if (events != null) {
					forums.addAll(Arrays.asList((Long[]) events.getArray()));
				}
			}
			total[0] = rs.getLong(1);
			if (rs.getObject(2) == null) {
				return;
			}
			List<Signatory> parties = new ArrayList<>();
			java.sql.Array ids = rs.getArray(9);
			if (ids != null) {
				Long[] id = (Long[]) ids.getArray();
				String[] name = (String[]) rs.getArray(10).getArray();
				String[] country = (String[]) rs.getArray(11).getArray();
				for (int i = 0; i < id.length; i++) {
					parties.add(new Signatory(id[i], name[i], country[i]));
				}
			}
			rows.add(new Listed(rs.getLong(2), rs.getString(3), AgreementType.valueOf(rs.getString(4)),
					AgreementStatus.valueOf(rs.getString(5)), localDate(rs.getDate(6)), rs.getBoolean(7),
					rs.getBoolean(8), List.copyOf(parties)));
		});
		long count = Math.max(0, total[0]);
		int lastPage = (int) Math.max(1, (count + query.size() - 1) / query.size());
		return ResultPage.of(rows, count, Math.min(page, lastPage), query.size());
	}

	/**
	 * The register's conditions on {@code agreements a}: the map, statistics and open data filter with
	 * them too. {@code today} is the portal's clock's day (never the database's {@code current_date}),
	 * so that "active in the last N years" moves on at midnight with the clock every other rule of the
	 * portal follows, and tests can fix it.
	 */
	public static String where(AgreementQuery q, LocalDate today, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (!q.countries().isEmpty()) {
			conditions.add("EXISTS (SELECT 1 FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id"
					+ " WHERE p.agreement_id = a.id AND m.country_code IN (:countries))");
			params.put("countries", q.countries());
		}
		if (q.pairA() != null) {
			conditions.add("EXISTS (SELECT 1 FROM agreement_parties p1 JOIN municipalities m1 ON m1.id = p1.municipality_id"
					+ " JOIN countries c1 ON c1.code = m1.country_code"
					+ " JOIN agreement_parties p2 ON p2.agreement_id = p1.agreement_id AND p2.municipality_id <> p1.municipality_id"
					+ " JOIN municipalities m2 ON m2.id = p2.municipality_id JOIN countries c2 ON c2.code = m2.country_code"
					+ " WHERE p1.agreement_id = a.id AND " + side("c1", q.pairA()) + " = :pairA AND "
					+ side("c2", q.pairB()) + " = :pairB)");
			params.put("pairA", q.pairA());
			params.put("pairB", q.pairB());
		}
		if (!q.themes().isEmpty()) {
			conditions.add("EXISTS (SELECT 1 FROM agreement_themes t WHERE t.agreement_id = a.id AND t.theme_code IN (:themes))");
			params.put("themes", q.themes());
		}
		if (!q.types().isEmpty()) {
			conditions.add("a.type IN (:types)");
			params.put("types", q.types().stream().map(Enum::name).toList());
		}
		if (!q.statuses().isEmpty()) {
			conditions.add("a.status IN (:statuses)");
			params.put("statuses", q.statuses().stream().map(Enum::name).toList());
		}
		if (q.fromYear() != null) {
			conditions.add("a.signed_on >= make_date(:fromYear, 1, 1)");
			params.put("fromYear", q.fromYear());
		}
		if (q.toYear() != null) {
			conditions.add("a.signed_on < make_date(:toYear + 1, 1, 1)");
			params.put("toYear", q.toYear());
		}
		if (q.verifiedOnly()) {
			conditions.add("a.verified_at IS NOT NULL");
		}
		if (q.activeYears() != null) {
			// Active: signed, or an activity (its last day) within the years up to today (issue 25).
			// The first day counted comes from the clock, not the visitor: it is written into the statement
			// (ISO digits), so that a prepared statement's plan holds for the day instead of being made again
			// for each execution, as a parameter's is (0.4 ms of the register's 1.2, issue 25).
			// The last day of activity is kept on the agreement by the activities' triggers (V96), so
			// this is one range of the agreements_active_idx index, not a look at every agreement's activities.
			conditions.add("greatest(a.signed_on, a.last_activity_on) >= DATE '" + activeSince(today, q.activeYears()) + "'");
		}
		if (q.forum() != null) {
			conditions.add(BEGAN_AT_FORUM);
			params.put("forum", q.forum());
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	/** The first day "active in the last {@code years} years" counts on {@code today} (29 February counts back to the 28th). */
	public static LocalDate activeSince(LocalDate today, int years) {
		return today.minusYears(years);
	}

	private static String side(String alias, String value) {
		return AgreementQuery.isGroup(value) ? alias + ".country_group" : alias + ".code";
	}

	private static String order(AgreementQuery.Sort sort) {
		return switch (sort) {
			case SIGNED_DESC -> "a.signed_on DESC NULLS LAST, a.id DESC";
			case SIGNED_ASC -> "a.signed_on ASC NULLS LAST, a.id";
			case TITLE -> "lower(a.title), a.id";
			case RECENT -> "a.created_at DESC, a.id DESC";
		};
	}

	/** Rows of (id, title, type, status, signed_on, verified, imported), with their parties added. */
	private List<Listed> listed(String sql, Map<String, Object> params) {
		record Row(long id, String title, AgreementType type, AgreementStatus status, LocalDate signedOn,
				boolean verified, boolean imported) {
		}
		List<Row> rows = this.jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2),
				AgreementType.valueOf(rs.getString(3)), AgreementStatus.valueOf(rs.getString(4)),
				localDate(rs.getDate(5)), rs.getBoolean(6), rs.getBoolean(7))).list();
		Map<Long, List<Signatory>> parties = parties(rows.stream().map(Row::id).toList());
		return rows.stream()
			.map(r -> new Listed(r.id(), r.title(), r.type(), r.status(), r.signedOn(), r.verified(), r.imported(),
					parties.getOrDefault(r.id(), List.of())))
			.toList();
	}

	private Map<Long, List<Signatory>> parties(Collection<Long> agreementIds) {
		Map<Long, List<Signatory>> result = new LinkedHashMap<>();
		if (agreementIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				SELECT p.agreement_id, m.id, m.name, m.country_code FROM agreement_parties p
				JOIN municipalities m ON m.id = p.municipality_id WHERE p.agreement_id IN (:ids)
				ORDER BY p.agreement_id, m.name, m.id
				""").param("ids", agreementIds).query((ResultSet rs) -> {
			result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Signatory(rs.getLong(2), rs.getString(3), rs.getString(4)));
		});
		return result;
	}

	Detail detail(long id) {
		Detail bare = this.jdbc.sql("""
				SELECT a.id, a.title, a.type, a.status, a.signed_on, a.signing_place, a.ends_on, a.event_id, e.title, e.slug,
				       a.funding_used, a.notes, a.source, a.source_name, a.source_attribution, a.source_url, a.source_record,
				       a.imported_at, a.verified_at, a.created_at, a.updated_at,
				       d.file_name, d.size_bytes, d.sha256
				FROM agreements a LEFT JOIN events e ON e.id = a.event_id
				LEFT JOIN agreement_documents d ON d.agreement_id = a.id
				WHERE a.id = ?
				""").param(id).query((rs, n) -> new Detail(rs.getLong(1), rs.getString(2),
				AgreementType.valueOf(rs.getString(3)), AgreementStatus.valueOf(rs.getString(4)), List.of(), List.of(),
				localDate(rs.getDate(5)), rs.getString(6), localDate(rs.getDate(7)), (Long) rs.getObject(8),
				rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
				AgreementSource.Kind.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15), rs.getString(16),
				rs.getString(17), instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)),
				instant(rs.getTimestamp(20)), instant(rs.getTimestamp(21)),
				rs.getString(22) == null ? null : new DocumentInfo(rs.getString(22), rs.getInt(23), rs.getString(24)),
				List.of(), List.of()))
			.optional()
			.orElseThrow(() -> new AgreementNotFound(id));
		List<Signatory> parties = parties(List.of(id)).getOrDefault(id, List.of());
		List<String> themes = this.jdbc.sql("""
				SELECT t.theme_code FROM agreement_themes t JOIN themes th ON th.code = t.theme_code
				WHERE t.agreement_id = ? ORDER BY th.position
				""").param(id).query(String.class).list();
		List<StatusChange> history = this.jdbc.sql("""
				SELECT status, changed_at FROM agreement_status_changes WHERE agreement_id = ? ORDER BY changed_at, id
				""").param(id).query((rs, n) -> new StatusChange(AgreementStatus.valueOf(rs.getString(1)),
				instant(rs.getTimestamp(2)))).list();
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		List<Listed> related = listed("""
				SELECT a.id, a.title, a.type, a.status, a.signed_on, a.verified_at IS NOT NULL, a.source <> 'MANUAL'
				FROM agreements a WHERE a.id IN (SELECT o.agreement_id FROM agreement_parties p
				  JOIN agreement_parties o ON o.municipality_id = p.municipality_id AND o.agreement_id <> p.agreement_id
				  WHERE p.agreement_id = :id)
				ORDER BY a.signed_on DESC NULLS LAST, a.id DESC LIMIT 50
				""", params);
		return new Detail(bare.id(), bare.title(), bare.type(), bare.status(), parties, themes, bare.signedOn(),
				bare.signingPlace(), bare.endsOn(), bare.eventId(), bare.eventTitle(), bare.eventSlug(),
				bare.fundingUsed(), bare.notes(), bare.source(), bare.sourceName(), bare.sourceAttribution(),
				bare.sourceUrl(), bare.sourceRecord(), bare.importedAt(), bare.verifiedAt(), bare.createdAt(),
				bare.updatedAt(), bare.document(), history, related);
	}

	Optional<StoredDocument> document(long id) {
		return this.jdbc.sql("SELECT file_name, content, sha256 FROM agreement_documents WHERE agreement_id = ?")
			.param(id)
			.query((rs, n) -> new StoredDocument(rs.getString(1), rs.getBytes(2), rs.getString(3)))
			.optional();
	}

	/** A municipality's agreements, newest first (its profile section). */
	List<Listed> ofMunicipality(long municipalityId) {
		Map<String, Object> params = new HashMap<>();
		params.put("m", municipalityId);
		return listed("""
				SELECT a.id, a.title, a.type, a.status, a.signed_on, a.verified_at IS NOT NULL, a.source <> 'MANUAL'
				FROM agreements a JOIN agreement_parties p ON p.agreement_id = a.id AND p.municipality_id = :m
				ORDER BY (a.status = 'ENDED'), a.signed_on DESC NULLS LAST, a.id DESC LIMIT 200
				""", params);
	}

	/** The chosen parties of a form, in the order given; ids that name no municipality are left out. */
	List<Signatory> partiesByIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Signatory> found = new HashMap<>();
		this.jdbc.sql("SELECT id, name, country_code FROM municipalities WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new Signatory(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list()
			.forEach(p -> found.put(p.id(), p));
		return ids.stream().distinct().map(found::get).filter(p -> p != null).toList();
	}

	List<EventOption> events() {
		return this.jdbc.sql("SELECT id, title, starts_on FROM events ORDER BY starts_on DESC, id DESC LIMIT 500")
			.query((rs, n) -> new EventOption(rs.getLong(1), rs.getString(2), localDate(rs.getDate(3))))
			.list();
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
