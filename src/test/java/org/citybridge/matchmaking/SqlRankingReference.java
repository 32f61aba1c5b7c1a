package org.citybridge.matchmaking;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ranking as one SQL statement, as the portal computed it before {@link CandidateIndex}: kept
 * in the tests as the reference the in-memory scoring is compared with ({@code CandidateIndexIT}).
 */
final class SqlRankingReference {

	private SqlRankingReference() {
	}

	static final String RANKING = """
			WITH a AS (SELECT id, country_code, kind, ln(population) AS ln_population, working_languages
			           FROM municipalities WHERE id = :a),
			themed AS (
			    SELECT id, count(*) FILTER (WHERE complementary) AS complementary, count(*) FILTER (WHERE NOT complementary) AS shared
			    FROM (
			        SELECT o.municipality_id AS id, o.theme_code = ANY (CAST(:a_seeks AS text[])) AS complementary
			        FROM municipality_offered_themes o
			        WHERE o.theme_code = ANY (CAST(:a_seeks AS text[])) OR o.theme_code = ANY (CAST(:a_offers AS text[]))
			        UNION ALL
			        SELECT s.municipality_id, s.theme_code = ANY (CAST(:a_offers AS text[]))
			        FROM municipality_sought_themes s
			        WHERE s.theme_code = ANY (CAST(:a_offers AS text[])) OR s.theme_code = ANY (CAST(:a_seeks AS text[]))) x
			    GROUP BY id),
			networks AS (
			    SELECT om.municipality_id AS id, count(*) AS n FROM organisation_members om
			    WHERE om.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id = :a)
			    GROUP BY om.municipality_id),
			partners AS (
			    SELECT DISTINCT other.municipality_id AS id FROM agreement_parties me
			    JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' AND g.id <> :hidden
			    JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
			    WHERE me.municipality_id = :a),
			partner_of_partner AS (
			    SELECT other.municipality_id AS id, count(DISTINCT me.municipality_id) AS n FROM partners p
			    JOIN agreement_parties me ON me.municipality_id = p.id
			    JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' AND g.id <> :hidden
			    JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
			    GROUP BY other.municipality_id),
			like_a AS (
			    SELECT other.municipality_id AS id, count(DISTINCT me.municipality_id) AS n FROM agreement_parties me
			    JOIN municipalities c ON c.id = me.municipality_id AND c.country_code = (SELECT country_code FROM a) AND c.id <> :a
			    JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' AND g.id <> :hidden
			    JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
			    GROUP BY other.municipality_id),
			excluded AS (
			    SELECT id FROM partners
			    UNION SELECT CASE WHEN from_municipality_id = :a THEN to_municipality_id ELSE from_municipality_id END
			    FROM partnership_requests WHERE status = 'PENDING' AND :a IN (from_municipality_id, to_municipality_id)),
			scored AS (
			    SELECT m.id,
			        :w_complementarity * coalesce(themed.complementary, 0)
			      + :w_shared * coalesce(themed.shared, 0)
			      + CASE WHEN m.population IS NULL OR a.ln_population IS NULL THEN 0
			             ELSE :w_size * greatest(0, 1 - abs(ln(m.population) - a.ln_population) / ln(10)) END
			      + CASE WHEN m.kind = a.kind THEN :w_kind ELSE 0 END
			      + CASE WHEN m.working_languages && a.working_languages THEN :w_language ELSE 0 END
			      + :w_network * coalesce(networks.n, 0)
			      + CASE WHEN m.seeking_partners THEN :w_seeking ELSE 0 END
			      + :w_pop * least(coalesce(partner_of_partner.n, 0), :pop_cap)
			      + :w_like * least(coalesce(like_a.n, 0), :like_cap)
			      + CASE WHEN m.country_code = ANY (CAST(:funding_countries AS text[])) THEN :w_funding ELSE 0 END
			        AS score
			    FROM municipalities m
			    CROSS JOIN a
			    LEFT JOIN themed ON themed.id = m.id
			    LEFT JOIN networks ON networks.id = m.id
			    LEFT JOIN partner_of_partner ON partner_of_partner.id = m.id
			    LEFT JOIN like_a ON like_a.id = m.id
			    LEFT JOIN excluded ON excluded.id = m.id
			    WHERE m.id <> a.id AND m.kind <> 'DISTRICT' AND excluded.id IS NULL
			      AND (:home OR m.country_code <> a.country_code)
			      AND (cardinality(CAST(:countries AS text[])) = 0 OR m.country_code = ANY (CAST(:countries AS text[])))
			      AND (cardinality(CAST(:themes AS text[])) = 0 OR m.id IN (
			          SELECT municipality_id FROM municipality_offered_themes WHERE theme_code = ANY (CAST(:themes AS text[]))
			          UNION SELECT municipality_id FROM municipality_sought_themes WHERE theme_code = ANY (CAST(:themes AS text[]))))
			      AND (CAST(:population_min AS integer) IS NULL OR m.population >= :population_min)
			      AND (CAST(:population_max AS integer) IS NULL OR m.population <= :population_max)
			      AND (NOT :seeking_only OR m.seeking_partners))
			SELECT id, score FROM scored ORDER BY score DESC, id LIMIT :limit OFFSET :offset
			""";

	/** The statement with every parameter but the page bound. */
	static JdbcClient.StatementSpec statement(JdbcClient jdbc, String sql, SuggestionWeights w, long municipalityId,
			SuggestionFilter filter, String[] targetCountries, String[] fundingCountries, long hiddenAgreement) {
		List<String> offers = jdbc.sql("SELECT theme_code FROM municipality_offered_themes WHERE municipality_id = ?")
			.param(municipalityId).query(String.class).list();
		List<String> seeks = jdbc.sql("SELECT theme_code FROM municipality_sought_themes WHERE municipality_id = ?")
			.param(municipalityId).query(String.class).list();
		return jdbc.sql(sql)
			.param("a", municipalityId)
			.param("hidden", hiddenAgreement)
			.param("a_offers", offers.toArray(String[]::new))
			.param("a_seeks", seeks.toArray(String[]::new))
			.param("w_complementarity", w.complementarity())
			.param("w_shared", w.sharedTheme())
			.param("w_size", w.size())
			.param("w_kind", w.kind())
			.param("w_language", w.language())
			.param("w_network", w.network())
			.param("w_seeking", w.seeking())
			.param("w_pop", w.partnerOfPartner())
			.param("pop_cap", w.partnerOfPartnerCap())
			.param("w_like", w.likeYou())
			.param("like_cap", w.likeYouCap())
			.param("w_funding", w.funding())
			.param("funding_countries", fundingCountries)
			.param("home", filter.homeCountry())
			.param("countries", targetCountries)
			.param("themes", filter.themes().toArray(String[]::new))
			.param("population_min", filter.populationMin(), java.sql.Types.INTEGER)
			.param("population_max", filter.populationMax(), java.sql.Types.INTEGER)
			.param("seeking_only", filter.seekingOnly());
	}
}
