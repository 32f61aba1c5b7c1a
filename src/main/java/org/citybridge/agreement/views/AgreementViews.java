package org.citybridge.agreement.views;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.citybridge.agreement.register.AgreementParams;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.Agreements;
import org.citybridge.agreement.register.RegisterOptions;

/**
 * Read model of the register's map and statistics: the filtered pairs with their coordinates, a
 * page of them as the map's text alternative, and the counts the charts show. Each method is one
 * statement, so none needs a transaction of its own.
 */
@Service
record AgreementViews(NamedParameterJdbcTemplate jdbc, Countries countries, RegisterOptions options, Clock clock) {

	static final int PAGE_SIZE = 50;

	static final String PAIRS = """
			FROM agreements a
			JOIN agreement_parties p1 ON p1.agreement_id = a.id
			JOIN agreement_parties p2 ON p2.agreement_id = a.id AND p2.municipality_id > p1.municipality_id
			JOIN municipalities m1 ON m1.id = p1.municipality_id
			JOIN municipalities m2 ON m2.id = p2.municipality_id
			""";

	/** One row of the map's table. */
	public record PairRow(long agreementId, String title, long aId, String aName, String aCountry, long bId,
			String bName, String bCountry, Integer year, String status) {
	}

	/** A label (already localised or a code) and its count. */
	public record Count(String key, long count) {
	}

	ViewFilter filter(AgreementParams params, String municipality) {
		return ViewFilter.of(params, municipality, this.options.countryCodeSet(), this.options.themeCodeSet(),
				LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
	}

	String numericCode(String country) {
		return this.countries.byCode(country).map(Country::numericCode).orElse(null);
	}

	/** Every filtered pair of parties that both have coordinates. */
	List<PartnershipMaps.Line> lines(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String sql = "SELECT a.id, m1.id, m1.name, m1.country_code, m1.latitude, m1.longitude,"
				+ " m2.id, m2.name, m2.country_code, m2.latitude, m2.longitude " + PAIRS
				+ " WHERE m1.latitude IS NOT NULL AND m2.latitude IS NOT NULL AND " + filter.where(params);
		List<PartnershipMaps.Line> lines = new ArrayList<>();
		this.jdbc.query(sql, params, rs -> {
			lines.add(new PartnershipMaps.Line(rs.getLong(1),
					new PartnershipMaps.Place(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
							rs.getDouble(6)),
					new PartnershipMaps.Place(rs.getLong(7), rs.getString(8), rs.getString(9), rs.getDouble(10),
							rs.getDouble(11))));
		});
		return lines;
	}

	long pairCount(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Long n = this.jdbc.queryForObject("SELECT count(*) " + PAIRS + " WHERE " + filter.where(params), params,
				Long.class);
		return n == null ? 0 : n;
	}

	List<PairRow> pairs(ViewFilter filter, int page) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String sql = "SELECT a.id, a.title, m1.id, m1.name, m1.country_code, m2.id, m2.name, m2.country_code,"
				+ " CAST(extract(year FROM a.signed_on) AS integer), a.status " + PAIRS + " WHERE " + filter.where(params)
				+ " ORDER BY m1.country_code, m1.name, m2.country_code, m2.name, a.id LIMIT :limit OFFSET :offset";
		params.addValue("limit", PAGE_SIZE).addValue("offset", (long) page * PAGE_SIZE);
		return this.jdbc.query(sql, params,
				(rs, n) -> new PairRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getLong(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9), rs.getString(10)));
	}

	String municipalityName(long id) {
		List<String> names = this.jdbc.queryForList("SELECT name FROM municipalities WHERE id = :id",
				new MapSqlParameterSource("id", id), String.class);
		return names.isEmpty() ? null : names.get(0);
	}

	long count(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Long n = this.jdbc.queryForObject("SELECT count(*) FROM agreements a WHERE " + filter.where(params), params,
				Long.class);
		return n == null ? 0 : n;
	}

	/** Agreements per signing year; the key is the year, or empty for those without a date. */
	List<Count> perYear(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query("SELECT CAST(extract(year FROM a.signed_on) AS integer) y, count(*) FROM agreements a WHERE "
				+ filter.where(params) + " GROUP BY y ORDER BY y NULLS LAST", params,
				(rs, n) -> new Count(rs.getObject(1) == null ? "" : String.valueOf(rs.getInt(1)), rs.getLong(2)));
	}

	/** Agreements per theme code, the most frequent first. */
	List<Count> perTheme(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query("SELECT t.theme_code, count(*) FROM agreement_themes t JOIN agreements a ON a.id = t.agreement_id"
				+ " WHERE " + filter.where(params) + " GROUP BY t.theme_code ORDER BY count(*) DESC, t.theme_code", params,
				(rs, n) -> new Count(rs.getString(1), rs.getLong(2)));
	}

	/** Pairs of countries (key "BE-MN", codes in order), the most frequent first, at most {@code limit}. */
	List<Count> perCountryPair(ViewFilter filter, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("limit", limit);
		return this.jdbc.query("SELECT least(m1.country_code, m2.country_code) || '-' || greatest(m1.country_code, m2.country_code) k,"
				+ " count(DISTINCT a.id) " + PAIRS + " WHERE " + filter.where(params)
				+ " GROUP BY k ORDER BY count(DISTINCT a.id) DESC, k LIMIT :limit", params,
				(rs, n) -> new Count(rs.getString(1), rs.getLong(2)));
	}

	/** Agreements per status, in the order of the statuses. */
	List<Count> perStatus(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<Count> found = this.jdbc.query("SELECT a.status, count(*) FROM agreements a WHERE " + filter.where(params)
				+ " GROUP BY a.status", params, (rs, n) -> new Count(rs.getString(1), rs.getLong(2)));
		List<Count> ordered = new ArrayList<>();
		for (AgreementStatus status : AgreementStatus.values()) {
			ordered.add(new Count(status.name(), found.stream().filter(c -> c.key().equals(status.name()))
				.mapToLong(Count::count).sum()));
		}
		return ordered;
	}

	/** Activities of the filtered agreements per year they started (issue 25). */
	List<Count> activitiesPerYear(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query("SELECT CAST(extract(year FROM x.starts_on) AS integer) y, count(*) FROM agreement_activities x"
				+ " JOIN agreements a ON a.id = x.agreement_id WHERE " + filter.where(params) + " GROUP BY y ORDER BY y", params,
				(rs, n) -> new Count(String.valueOf(rs.getInt(1)), rs.getLong(2)));
	}

	/** Activities of the filtered agreements per theme code, the most frequent first. */
	List<Count> activitiesPerTheme(ViewFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query("SELECT t.theme_code, count(*) FROM agreement_activity_themes t"
				+ " JOIN agreement_activities x ON x.id = t.activity_id JOIN agreements a ON a.id = x.agreement_id"
				+ " WHERE " + filter.where(params) + " GROUP BY t.theme_code ORDER BY count(*) DESC, t.theme_code", params,
				(rs, n) -> new Count(rs.getString(1), rs.getLong(2)));
	}

	/** Activities of the filtered agreements per pair of countries ("BE-MN"), the most frequent first. */
	List<Count> activitiesPerCountryPair(ViewFilter filter, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("limit", limit);
		return this.jdbc.query("SELECT least(m1.country_code, m2.country_code) || '-' || greatest(m1.country_code, m2.country_code) k,"
				+ " count(DISTINCT x.id) " + PAIRS + " JOIN agreement_activities x ON x.agreement_id = a.id WHERE "
				+ filter.where(params) + " GROUP BY k ORDER BY count(DISTINCT x.id) DESC, k LIMIT :limit", params,
				(rs, n) -> new Count(rs.getString(1), rs.getLong(2)));
	}
}
