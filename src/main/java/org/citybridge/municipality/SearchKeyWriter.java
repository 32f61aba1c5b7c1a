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
public record SearchKeyWriter(JdbcClient jdbc, DirectoryCounts counts) {

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

	/** {@link #refresh} for many municipalities, in a few set-based statements. */
	public void refreshAll(java.util.Collection<Long> municipalityIds) {
		if (municipalityIds.isEmpty()) {
			return;
		}
		this.counts.forget();
		Long[] ids = municipalityIds.toArray(Long[]::new);
		java.util.List<Long> keyIds = new ArrayList<>();
		java.util.List<String> keys = new ArrayList<>();
		this.jdbc.sql("SELECT id, name, native_name, geonames_name, alternate_names FROM municipalities WHERE id = ANY (?::bigint[])")
			.param(ids)
			.query(rs -> {
				List<String> all = new ArrayList<>();
				all.add(rs.getString(2));
				all.add(rs.getString(3));
				all.add(rs.getString(4));
				java.sql.Array alternates = rs.getArray(5);
				if (alternates != null) {
					all.addAll(Arrays.asList((String[]) alternates.getArray()));
				}
				for (String key : SearchKeys.ofAll(all.stream().filter(n -> n != null && !n.isBlank()).toList())) {
					keyIds.add(rs.getLong(1));
					keys.add(key);
				}
			});
		this.jdbc.sql("DELETE FROM municipality_search_keys WHERE municipality_id = ANY (?::bigint[]) AND source = 'profile'")
			.param(ids)
			.update();
		this.jdbc.sql("""
				INSERT INTO municipality_search_keys (municipality_id, source, key)
				SELECT DISTINCT k.id, 'profile', k.key FROM unnest(?::bigint[], ?::text[]) AS k (id, key)
				""").params(keyIds.toArray(Long[]::new), keys.toArray(String[]::new)).update();
	}
}
