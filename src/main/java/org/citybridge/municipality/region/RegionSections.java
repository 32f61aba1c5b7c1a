package org.citybridge.municipality.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.ProfileSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What regions add to profiles: a region's seat and the municipalities inside it; a place's region. */
@Configuration(proxyBeanMethods = false)
class RegionSections {

	/** How many of the municipalities inside a region its profile lists, largest first. */
	static final int LISTED = 12;

	/** A place as the section names it. */
	record Place(long id, String name, String nativeName, MunicipalityKind kind, Integer population) {
	}

	@Bean
	ProfileSection regionOnProfile(JdbcClient jdbc) {
		return new ProfileSection("municipality/region-section", 5, id -> {
			Map<String, Object> self = jdbc.sql("""
					SELECT kind, country_code, admin1_code FROM municipalities WHERE id = ?
					""").param(id).query((rs, n) -> {
						Map<String, Object> m = new HashMap<>();
						m.put("kind", rs.getString(1));
						m.put("country", rs.getString(2));
						m.put("admin1", rs.getString(3));
						return m;
					}).optional().orElse(null);
			if (self == null || self.get("admin1") == null) {
				return null;
			}
			String country = (String) self.get("country");
			String admin1 = (String) self.get("admin1");
			if (!MunicipalityKind.REGION.name().equals(self.get("kind"))) {
				Place region = jdbc.sql(SELECT + " WHERE kind = 'REGION' AND country_code = ? AND admin1_code = ?")
					.params(country, admin1).query(RegionSections::place).optional().orElse(null);
				return region == null ? null : Map.of("region", region);
			}
			// The seat: GeoNames marks it PPLA (else the capital, PPLC, seats the region); a place entered
			// without a feature code counts by its kind.
			Place seat = jdbc.sql(SELECT + """
					 WHERE country_code = ? AND admin1_code = ? AND kind <> 'REGION'
					  AND (feature_code IN ('PPLA', 'PPLC') OR (feature_code IS NULL AND kind IN ('REGIONAL_CENTRE', 'CAPITAL')))
					ORDER BY (feature_code = 'PPLA' OR kind = 'REGIONAL_CENTRE') DESC, population DESC NULLS LAST, id LIMIT 1
					""").params(country, admin1).query(RegionSections::place).optional().orElse(null);
			List<Place> inside = jdbc.sql(SELECT + """
					 WHERE country_code = ? AND admin1_code = ? AND kind <> 'REGION'
					ORDER BY population DESC NULLS LAST, id LIMIT ?
					""").params(country, admin1, LISTED).query(RegionSections::place).list();
			int count = inside.size() < LISTED ? inside.size() : jdbc.sql("""
					SELECT count(*) FROM municipalities WHERE country_code = ? AND admin1_code = ? AND kind <> 'REGION'
					""").params(country, admin1).query(Integer.class).single();
			Map<String, Object> model = new HashMap<>();
			model.put("seat", seat);
			model.put("inside", inside);
			model.put("insideCount", count);
			model.put("country", country);
			return model;
		});
	}

	private static final String SELECT = "SELECT id, name, native_name, kind, population FROM municipalities";

	private static Place place(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Place(rs.getLong(1), rs.getString(2), rs.getString(3), MunicipalityKind.valueOf(rs.getString(4)),
				(Integer) rs.getObject(5));
	}
}
