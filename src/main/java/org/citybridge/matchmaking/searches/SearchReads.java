package org.citybridge.matchmaking.searches;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads partner searches and their interests: one statement for a list or a search, with its author's
 * name, its instrument and call, its themes and groups and its counts (a read model joining the
 * directory's, the networks' and funding's tables, read-only).
 */
@Service
@Transactional(readOnly = true)
public class SearchReads {

	private static final String COLUMNS = """
			SELECT s.id, s.municipality_id, m.name AS municipality_name, m.country_code AS municipality_country,
			       s.organisation_id, o.name AS organisation_name, s.title, s.idea, s.instrument_id, i.slug AS instrument_slug,
			       i.short_name AS instrument_short_name, s.call_id, c.title AS call_title, c.closes_at AS call_closes_at,
			       s.partners_needed, s.working_languages, s.content_lang, s.expires_at, s.status, s.group_public, s.example, s.created_at, s.version,
			       ARRAY(SELECT t.theme_code FROM partner_search_themes t JOIN themes th ON th.code = t.theme_code
			             WHERE t.search_id = s.id ORDER BY th.position) AS themes,
			       ARRAY(SELECT g.country_group FROM partner_search_groups g WHERE g.search_id = s.id ORDER BY g.country_group) AS groups,
			       ARRAY(SELECT c.country_code FROM partner_search_countries c WHERE c.search_id = s.id ORDER BY c.country_code) AS countries,
			       (SELECT count(*) FROM partner_search_interests x WHERE x.search_id = s.id AND x.status = 'ACCEPTED') AS accepted,
			       (SELECT count(*) FROM partner_search_interests x WHERE x.search_id = s.id AND x.status = 'PENDING') AS pending
			FROM partner_searches s
			LEFT JOIN municipalities m ON m.id = s.municipality_id
			LEFT JOIN organisations o ON o.id = s.organisation_id
			LEFT JOIN funding_instruments i ON i.id = s.instrument_id
			LEFT JOIN funding_calls c ON c.id = s.call_id
			""";

	/** The most searches a list shows. */
	static final int LIST_LIMIT = 200;

	private final JdbcClient jdbc;

	SearchReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The searches that pass the filters ({@code null} for none), open ones first, the soonest expiring first. */
	List<PartnerSearch> list(String theme, String group, String instrumentSlug, boolean openOnly, Instant now) {
		var sql = new StringBuilder(COLUMNS).append(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (theme != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM partner_search_themes t WHERE t.search_id = s.id AND t.theme_code = ?)");
			params.add(theme);
		}
		if (group != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM partner_search_groups g WHERE g.search_id = s.id AND g.country_group = ?)");
			params.add(group);
		}
		if (instrumentSlug != null) {
			sql.append(" AND i.slug = ?");
			params.add(instrumentSlug);
		}
		if (openOnly) {
			sql.append(" AND s.status = 'OPEN' AND s.expires_at > ?");
			params.add(Timestamp.from(now));
		}
		sql.append(" ORDER BY (s.status = 'OPEN' AND s.expires_at > ?) DESC, s.expires_at, s.id LIMIT ").append(LIST_LIMIT);
		params.add(Timestamp.from(now));
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> search(rs)).list();
	}

	/** The open searches at {@code now}, newest first. */
	public List<PartnerSearch> open(Instant now) {
		return this.jdbc.sql(COLUMNS + " WHERE s.status = 'OPEN' AND s.expires_at > ? ORDER BY s.created_at DESC, s.id DESC")
			.param(Timestamp.from(now))
			.query((rs, n) -> search(rs))
			.list();
	}

	/** The searches published or updated most recently, for the feed. */
	List<PartnerSearch> newest(int limit) {
		return this.jdbc.sql(COLUMNS + " ORDER BY s.created_at DESC, s.id DESC LIMIT ?").param(limit)
			.query((rs, n) -> search(rs)).list();
	}

	Optional<PartnerSearch> byId(long id) {
		return this.jdbc.sql(COLUMNS + " WHERE s.id = ?").param(id).query((rs, n) -> search(rs)).optional();
	}

	/** The interests in a search, the oldest first. */
	public List<Interest> interests(long searchId) {
		return this.jdbc.sql("""
				SELECT x.id, x.search_id, x.municipality_id, m.name, m.country_code, x.message, x.status, x.created_at
				FROM partner_search_interests x JOIN municipalities m ON m.id = x.municipality_id
				WHERE x.search_id = ? ORDER BY x.created_at, x.id
				""").param(searchId).query((rs, n) -> interest(rs)).list();
	}

	private static Interest interest(ResultSet rs) throws SQLException {
		return new Interest(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), rs.getTimestamp(8).toInstant());
	}

	private static PartnerSearch search(ResultSet rs) throws SQLException {
		Timestamp closes = rs.getTimestamp("call_closes_at");
		return new PartnerSearch(rs.getLong("id"), (Long) rs.getObject("municipality_id"), rs.getString("municipality_name"),
				rs.getString("municipality_country"), (Long) rs.getObject("organisation_id"),
				rs.getString("organisation_name"), rs.getString("title"), rs.getString("idea"),
				(Long) rs.getObject("instrument_id"), rs.getString("instrument_slug"), rs.getString("instrument_short_name"),
				(Long) rs.getObject("call_id"), rs.getString("call_title"), closes == null ? null : closes.toInstant(),
				rs.getInt("partners_needed"), List.of((String[]) rs.getArray("working_languages").getArray()),
				rs.getTimestamp("expires_at").toInstant(), rs.getString("status"), rs.getBoolean("group_public"),
				rs.getBoolean("example"), rs.getTimestamp("created_at").toInstant(),
				List.of((String[]) rs.getArray("themes").getArray()), List.of((String[]) rs.getArray("groups").getArray()),
				rs.getInt("accepted"), rs.getInt("pending"), rs.getString("content_lang"),
				List.of((String[]) rs.getArray("countries").getArray()), rs.getLong("version"));
	}
}
