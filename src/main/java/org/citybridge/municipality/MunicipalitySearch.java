package org.citybridge.municipality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.system.ResultPage;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the directory: counts for the home page, and the filtered and ranked search.
 *
 * <p>A name search compares the visitor's text, turned into {@link SearchKeys}, with the keys of
 * every name of every municipality: an exact key ranks first, then a key that starts with the
 * text, then a key similar to it (pg_trgm), by similarity; among equals the larger population
 * and then the smaller id come first, so the order is stable.
 */
@Service
@Transactional(readOnly = true)
public class MunicipalitySearch {

	/**
	 * How many results of one search can be paged through: nobody reads 135,000 places page by
	 * page, and each page further costs more; past them the visitor is asked to search by name or
	 * narrow the filters.
	 */
	public static final long MAX_RESULTS = 2000;

	/** Below this length a fuzzy match finds too much to mean anything. */
	static final int MIN_FUZZY_LENGTH = 3;

	/** Up to three themes a municipality offers, in the vocabulary's order. */
	private static final String TOP_THEMES = "ARRAY(SELECT o.theme_code FROM municipality_offered_themes o"
			+ " JOIN themes t ON t.code = o.theme_code WHERE o.municipality_id = m.id ORDER BY t.position LIMIT 3)"
			+ " AS top_themes";

	private static final RowMapper<MunicipalitySummary> SUMMARY = (rs, n) -> new MunicipalitySummary(rs.getLong("id"),
			rs.getString("name"), rs.getString("native_name"), rs.getString("country_code"), rs.getString("division"),
			MunicipalityKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("population"),
			rs.getBoolean("seeking_partners"), rs.getString("district_of_name"),
			List.of((String[]) rs.getArray("top_themes").getArray()));

	private final JdbcClient jdbc;

	private final DirectoryOptions options;

	private final DirectoryCounts counts;

	MunicipalitySearch(JdbcClient jdbc, DirectoryOptions options, DirectoryCounts counts) {
		this.jdbc = jdbc;
		this.options = options;
		this.counts = counts;
	}

	/**
	 * How many municipalities the directory holds: counted once per version of the directory
	 * ({@link DirectoryCounts}), not on every visit of the home page (65 ms over 135,000 places).
	 */
	public long count() {
		return this.counts.get("places", () -> count("SELECT count(*) FROM municipalities", Map.of()));
	}

	/** In how many countries the directory has municipalities, counted once per version of the directory. */
	public long countCountries() {
		return this.counts.get("countries",
				() -> count("SELECT count(DISTINCT country_code) FROM municipalities", Map.of()));
	}

	/**
	 * The best matches for a name in any spelling or script, for other features' pickers (the
	 * funding finder, the parties of an agreement); the same ranking as the directory, at most {@code limit} (1 to 50).
	 */
	public List<MunicipalitySummary> find(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		DirectoryParams params = new DirectoryParams(text.length() > 200 ? text.substring(0, 200) : text, null, null,
				null, null, null, null, null, null, null, null, String.valueOf(Math.max(1, Math.min(limit, 50))));
		return page(params).items();
	}

	/** Checks what the visitor sent: what cannot be used is dropped and named; never fails on bad input. */
	public DirectoryQuery query(DirectoryParams params) {
		return DirectoryQuery.of(params, this.options.countryCodes(), Set.copyOf(this.options.themes()),
				this.options.networkIds());
	}

	/** Checks what the visitor sent and runs the search. */
	public ResultPage<MunicipalitySummary> page(DirectoryParams params) {
		return search(query(params));
	}

	/**
	 * The page of results for a checked query; a page past the end, or past the first
	 * {@link #MAX_RESULTS} results, is the last page there is.
	 */
	public ResultPage<MunicipalitySummary> search(DirectoryQuery query) {
		Sql sql = where(query);
		String countSql = sql.with + "SELECT count(*) FROM municipalities m" + sql.from + sql.where;
		// Counting a filter over the whole directory reads every matching row; those counts are
		// kept a little while. A name search counts its few hits at once.
		long total = query.text().isEmpty()
				? this.counts.get(countSql + sql.params, () -> count(countSql, sql.params))
				: count(countSql, sql.params);
		int page = Math.min(query.page(), new ResultPage<MunicipalitySummary>(List.of(), total, 1, query.size(), MAX_RESULTS).totalPages());
		Map<String, Object> params = new HashMap<>(sql.params);
		params.put("limit", query.size());
		params.put("offset", (long) (page - 1) * query.size());
		// The page's ids first, in order, from the indexes alone; only those rows are then read in
		// full (themes, district), so a deep page skips rows without building them.
		List<MunicipalitySummary> rows = this.jdbc.sql(sql.with
				+ "SELECT m.id, m.name, m.native_name, m.country_code, m.division, m.kind, m.population,"
				+ " m.seeking_partners, d.name AS district_of_name, " + TOP_THEMES
				+ " FROM unnest(ARRAY(SELECT m.id FROM municipalities m" + sql.from + sql.where + " ORDER BY "
				+ order(query, sql) + " LIMIT :limit OFFSET :offset)) WITH ORDINALITY AS p(id, position)"
				+ " JOIN municipalities m ON m.id = p.id LEFT JOIN municipalities d ON d.id = m.district_of"
				+ " ORDER BY p.position")
			.params(params)
			.query(SUMMARY)
			.list();
		return new ResultPage<>(rows, total, page, query.size(), MAX_RESULTS);
	}

	private long count(String countSql, Map<String, Object> params) {
		return this.jdbc.sql(countSql).params(params).query(Long.class).single();
	}

	/** The parts of the statement a query needs: a CTE of name hits, joins, conditions, parameters. */
	private record Sql(String with, String from, String where, Map<String, Object> params) {
	}

	private Sql where(DirectoryQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> conditions = new ArrayList<>();
		String with = "";
		String from = "";
		if (!query.text().isEmpty()) {
			List<String> keys = SearchKeys.of(query.text());
			if (keys.isEmpty()) {
				conditions.add("false");
			}
			else {
				with = hits(keys, params);
				params.put("literal", java.text.Normalizer.normalize(query.text(), java.text.Normalizer.Form.NFC));
				from = " JOIN hits h ON h.municipality_id = m.id";
			}
		}
		if (!query.countries().isEmpty()) {
			conditions.add("m.country_code IN (:countries)");
			params.put("countries", List.copyOf(query.countries()));
		}
		if (!query.groups().isEmpty()) {
			conditions.add("m.country_code IN (SELECT code FROM countries WHERE country_group IN (:groups))");
			params.put("groups", query.groups().stream().map(Enum::name).toList());
		}
		if (query.populationMin() != null) {
			conditions.add("m.population >= :populationMin");
			params.put("populationMin", query.populationMin());
		}
		if (query.populationMax() != null) {
			conditions.add("m.population <= :populationMax");
			params.put("populationMax", query.populationMax());
		}
		if (!query.kinds().isEmpty()) {
			conditions.add("m.kind IN (:kinds)");
			params.put("kinds", query.kinds().stream().map(Enum::name).toList());
		}
		if (!query.offers().isEmpty()) {
			conditions.add("EXISTS (SELECT 1 FROM municipality_offered_themes o WHERE o.municipality_id = m.id"
					+ " AND o.theme_code IN (:offers))");
			params.put("offers", List.copyOf(query.offers()));
		}
		if (!query.seeks().isEmpty()) {
			conditions.add("EXISTS (SELECT 1 FROM municipality_sought_themes s WHERE s.municipality_id = m.id"
					+ " AND s.theme_code IN (:seeks))");
			params.put("seeks", List.copyOf(query.seeks()));
		}
		if (query.seekingOnly()) {
			conditions.add("m.seeking_partners");
		}
		if (!query.networks().isEmpty()) {
			// A read model joining the network feature's membership table, read-only (DESIGN.md).
			conditions.add("EXISTS (SELECT 1 FROM organisation_members om WHERE om.municipality_id = m.id"
					+ " AND om.organisation_id IN (:networks))");
			params.put("networks", List.copyOf(query.networks()));
		}
		if (!query.regions().isEmpty()) {
			// Inside a first-level division: the places of its country and admin1 code.
			conditions.add("m.kind <> 'REGION' AND (m.country_code, m.admin1_code) IN (SELECT r.country_code, r.admin1_code"
					+ " FROM municipalities r WHERE r.kind = 'REGION' AND r.id IN (:regions))");
			params.put("regions", List.copyOf(query.regions()));
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return new Sql(with, from, where, params);
	}

	/**
	 * The municipalities whose keys match one of the query's keys, each with its best rank (0 exact,
	 * 1 prefix, 2 similar) and similarity. Prefixes are written as ranges so that the btree index
	 * serves them whatever plan PostgreSQL caches for the prepared statement.
	 */
	private static String hits(List<String> keys, Map<String, Object> params) {
		params.put("keys", keys);
		List<String> prefix = new ArrayList<>();
		List<String> fuzzy = new ArrayList<>();
		List<String> similarity = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			params.put("p" + i, key);
			params.put("pe" + i, key.substring(0, key.length() - 1) + (char) (key.charAt(key.length() - 1) + 1));
			prefix.add("(k.key ~>=~ :p" + i + " AND k.key ~<~ :pe" + i + ")");
			if (key.length() >= MIN_FUZZY_LENGTH) {
				fuzzy.add("k.key % :p" + i);
				similarity.add("similarity(k.key, :p" + i + ")");
			}
		}
		String prefixes = String.join(" OR ", prefix);
		String match = "k.key IN (:keys) OR " + prefixes + (fuzzy.isEmpty() ? "" : " OR " + String.join(" OR ", fuzzy));
		String sim = similarity.isEmpty() ? "0" : similarity.size() == 1 ? similarity.get(0)
				: "greatest(" + String.join(", ", similarity) + ")";
		return "WITH hits AS (SELECT k.municipality_id,"
				+ " min(CASE WHEN k.key IN (:keys) THEN 0 WHEN " + prefixes + " THEN 1 ELSE 2 END) AS rank,"
				+ " round(max(" + sim + ")::numeric, 1) AS sim"
				+ " FROM municipality_search_keys k WHERE " + match + " GROUP BY k.municipality_id) ";
	}

	/**
	 * A name spelled exactly as typed, accents and script included, ranks above a name that only
	 * shares its key: {@code Mörön} before {@code Morón}.
	 */
	private static final String LITERAL = "(NOT EXISTS (SELECT 1 FROM unnest(m.alternate_names"
			+ " || ARRAY[m.name, m.native_name, m.geonames_name]) AS n(name) WHERE lower(n.name) = lower(:literal)))";

	private static String order(DirectoryQuery query, Sql sql) {
		String stable = "m.population DESC NULLS LAST, m.id";
		return switch (query.sort()) {
			case RELEVANCE -> sql.from.isEmpty() ? stable : LITERAL + ", h.rank, h.sim DESC, " + stable;
			case NAME -> "lower(m.name), m.id";
			case POPULATION -> stable;
		};
	}
}
