package org.citybridge.municipality;

import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the directory: counts for the home page, searches by name, and profiles. Matching ignores
 * case and accents and looks at the Latin, native and alternate names.
 */
@Service
@Transactional(readOnly = true)
public class MunicipalitySearch {

	static final int PAGE_SIZE = 20;

	static final int MAX_QUERY_LENGTH = 200;

	private static final String MATCHES = """
			(:q = '' OR unaccent(lower(m.name)) LIKE '%' || unaccent(lower(:q)) || '%'
			 OR unaccent(lower(coalesce(m.native_name, ''))) LIKE '%' || unaccent(lower(:q)) || '%'
			 OR unaccent(lower(coalesce(m.geonames_name, ''))) LIKE '%' || unaccent(lower(:q)) || '%'
			 OR EXISTS (SELECT 1 FROM unnest(m.alternate_names) a
			            WHERE unaccent(lower(a)) LIKE '%' || unaccent(lower(:q)) || '%'))
			""";

	private static final RowMapper<MunicipalitySummary> SUMMARY = (rs, n) -> new MunicipalitySummary(rs.getLong("id"),
			rs.getString("name"), rs.getString("native_name"), rs.getString("country_code"), rs.getString("division"),
			MunicipalityKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("population"),
			rs.getBoolean("seeking_partners"));

	private final JdbcClient jdbc;

	private final MunicipalityRepository repository;

	MunicipalitySearch(JdbcClient jdbc, MunicipalityRepository repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	/** How many municipalities the directory holds. */
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM municipalities").query(Long.class).single();
	}

	/** In how many countries the directory has municipalities. */
	public long countCountries() {
		return this.jdbc.sql("SELECT count(DISTINCT country_code) FROM municipalities").query(Long.class).single();
	}

	MunicipalityPage search(String query, int requestedPage) {
		String q = normalise(query);
		long total = this.jdbc.sql("SELECT count(*) FROM municipalities m WHERE " + MATCHES)
			.param("q", q)
			.query(Long.class)
			.single();
		int lastPage = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, requestedPage), lastPage);
		List<MunicipalitySummary> results = this.jdbc
			.sql("SELECT m.id, m.name, m.native_name, m.country_code, m.division, m.kind, m.population, "
					+ "m.seeking_partners FROM municipalities m WHERE " + MATCHES
					+ " ORDER BY (lower(m.name) = lower(:q)) DESC, m.population DESC NULLS LAST, m.name, m.id"
					+ " LIMIT :limit OFFSET :offset")
			.param("q", q)
			.param("limit", PAGE_SIZE)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query(SUMMARY)
			.list();
		return new MunicipalityPage(results, total, page, PAGE_SIZE);
	}

	MunicipalityProfile profile(long id) {
		return this.repository.findWithThemesById(id)
			.map(MunicipalityProfile::of)
			.orElseThrow(() -> new MunicipalityNotFound(String.valueOf(id)));
	}

	static String normalise(String query) {
		if (query == null) {
			return "";
		}
		String q = query.strip().replaceAll("\\s+", " ");
		// LIKE wildcards typed by a user are literal characters, not patterns.
		q = q.replace("\\", "").replace("%", "").replace("_", " ");
		return q.length() > MAX_QUERY_LENGTH ? q.substring(0, MAX_QUERY_LENGTH) : q;
	}
}
