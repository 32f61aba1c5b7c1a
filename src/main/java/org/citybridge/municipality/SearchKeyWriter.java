package org.citybridge.municipality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the search keys of a municipality's own names (name, native name, GeoNames spelling,
 * alternate names) in step with them. Whoever changes a name calls {@link #refresh} in the same
 * transaction; the GeoNames import writes its keys in bulk itself.
 */
@Component
class SearchKeyWriter {

	private final JdbcClient jdbc;

	private final DirectoryCounts counts;

	SearchKeyWriter(JdbcClient jdbc, DirectoryCounts counts) {
		this.jdbc = jdbc;
		this.counts = counts;
	}

	void refresh(long municipalityId) {
		this.counts.forget();
		List<String> names = this.jdbc
			.sql("SELECT name, native_name, geonames_name, alternate_names FROM municipalities WHERE id = ?")
			.param(municipalityId)
			.query((rs, n) -> {
				List<String> all = new ArrayList<>();
				all.add(rs.getString(1));
				all.add(rs.getString(2));
				all.add(rs.getString(3));
				java.sql.Array alternates = rs.getArray(4);
				if (alternates != null) {
					all.addAll(Arrays.asList((String[]) alternates.getArray()));
				}
				return all;
			})
			.optional()
			.orElse(List.of());
		List<String> keys = SearchKeys.ofAll(names.stream().filter(n -> n != null && !n.isBlank()).toList());
		this.jdbc.sql("DELETE FROM municipality_search_keys WHERE municipality_id = ? AND source = 'profile'")
			.param(municipalityId)
			.update();
		for (String key : keys) {
			this.jdbc.sql("INSERT INTO municipality_search_keys (municipality_id, source, key) VALUES (?, 'profile', ?)")
				.params(municipalityId, key)
				.update();
		}
	}
}
