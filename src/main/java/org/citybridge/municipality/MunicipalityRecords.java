package org.citybridge.municipality;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's upkeep of the directory's records: add a municipality that GeoNames lacks, record an
 * alternate name (from staff or the partnership import), and merge two records of the same place.
 * Callers check who may do this (the accounts feature); the database checks the values.
 */
@Service
public class MunicipalityRecords {

	private final JdbcClient jdbc;

	private final SearchKeyWriter searchKeys;

	private final ApplicationEventPublisher events;

	private final PlaceNames placeNames;

	MunicipalityRecords(JdbcClient jdbc, SearchKeyWriter searchKeys, ApplicationEventPublisher events,
			PlaceNames placeNames) {
		this.placeNames = placeNames;
		this.jdbc = jdbc;
		this.searchKeys = searchKeys;
		this.events = events;
	}

	/** Adds a municipality and returns its id; a value the schema refuses throws a data integrity exception. */
	@Transactional
	public long add(NewMunicipality m) {
		long id = this.jdbc.sql("""
				INSERT INTO municipalities (name, native_name, native_script, country_code, kind, population,
				    latitude, longitude)
				VALUES (:name, :nativeName, :nativeScript, :country, :kind, :population, :latitude, :longitude)
				RETURNING id
				""")
			.param("name", m.name() == null ? null : m.name().strip())
			.param("nativeName", m.nativeName())
			.param("nativeScript", m.nativeScript())
			.param("country", m.countryCode())
			.param("kind", m.kind() == null ? null : m.kind().name())
			.param("population", m.population())
			.param("latitude", m.latitude())
			.param("longitude", m.longitude())
			.query(Long.class)
			.single();
		this.searchKeys.refresh(id);
		return id;
	}

	/** Adds a name under which the municipality can be found; a name it already has changes nothing. */
	@Transactional
	public void addAlternateName(long id, String name) {
		this.placeNames.forget(java.util.List.of(id));
		if (name == null || name.isBlank()) {
			return;
		}
		int changed = this.jdbc.sql("""
				UPDATE municipalities SET alternate_names = alternate_names || :name::text,
				    version = version + 1, updated_at = now()
				WHERE id = :id AND NOT (:name = ANY (alternate_names)) AND name <> :name
				""").param("id", id).param("name", name.strip()).update();
		if (changed == 0 && !exists(id)) {
			throw new MunicipalityNotFound(String.valueOf(id));
		}
		this.searchKeys.refresh(id);
	}

	/**
	 * Adds many alternate names at once (municipality id to name), in batches: for an import that
	 * names thousands of places. Names a municipality already has change nothing; unknown ids are
	 * skipped. Returns how many municipalities got a new name.
	 */
	@Transactional
	public int addAlternateNames(java.util.Map<Long, ? extends java.util.Collection<String>> names) {
		this.placeNames.forget(names.keySet());
		java.util.List<Long> ids = new java.util.ArrayList<>();
		java.util.List<String> values = new java.util.ArrayList<>();
		names.forEach((id, list) -> list.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).distinct()
			.forEach(n -> {
				ids.add(id);
				values.add(n);
			}));
		if (ids.isEmpty()) {
			return 0;
		}
		java.util.List<Long> changed = this.jdbc.sql("""
				WITH given AS (
				    SELECT g.id, array_agg(DISTINCT g.name) AS names
				    FROM unnest(:ids::bigint[], :names::text[]) AS g (id, name) GROUP BY g.id)
				UPDATE municipalities m SET
				    alternate_names = m.alternate_names || ARRAY(SELECT n FROM unnest(given.names) AS n
				        WHERE n <> m.name AND NOT (n = ANY (m.alternate_names)) AND n IS DISTINCT FROM m.native_name),
				    version = m.version + 1, updated_at = now()
				FROM given
				WHERE m.id = given.id AND EXISTS (SELECT 1 FROM unnest(given.names) AS n
				    WHERE n <> m.name AND NOT (n = ANY (m.alternate_names)) AND n IS DISTINCT FROM m.native_name)
				RETURNING m.id
				""").param("ids", ids.toArray(Long[]::new)).param("names", values.toArray(String[]::new))
			.query(Long.class).list();
		this.searchKeys.refreshAll(changed);
		return changed.size();
	}

	/**
	 * Merges {@code removedId} into {@code keptId}: the removed record's names become alternate
	 * names of the kept one, its themes and districts move over, facts the kept one lacks
	 * (population, coordinates, GeoNames id) are taken from it, and {@link MunicipalitiesMerged}
	 * tells other features to move their references, in the same transaction.
	 */
	@Transactional
	public void merge(long keptId, long removedId) {
		this.placeNames.forget(java.util.List.of(keptId, removedId));
		if (keptId == removedId) {
			throw new IllegalArgumentException("A municipality cannot be merged into itself");
		}
		for (long id : new long[] { keptId, removedId }) {
			if (!exists(id)) {
				throw new MunicipalityNotFound(String.valueOf(id));
			}
		}
		this.jdbc.sql("""
				UPDATE municipalities k SET
				    alternate_names = ARRAY(SELECT DISTINCT n FROM unnest(k.alternate_names || r.alternate_names
				        || ARRAY[r.name, r.native_name, r.geonames_name]) AS n
				        WHERE n IS NOT NULL AND n <> k.name AND n IS DISTINCT FROM k.native_name ORDER BY n),
				    population = coalesce(k.population, r.population),
				    area_km2 = coalesce(k.area_km2, r.area_km2),
				    latitude = CASE WHEN k.latitude IS NULL THEN r.latitude ELSE k.latitude END,
				    longitude = CASE WHEN k.latitude IS NULL THEN r.longitude ELSE k.longitude END,
				    website = coalesce(k.website, r.website),
				    seeking_partners = k.seeking_partners OR r.seeking_partners,
				    version = k.version + 1, updated_at = now()
				FROM municipalities r WHERE k.id = :kept AND r.id = :removed
				""").param("kept", keptId).param("removed", removedId).update();
		for (String table : new String[] { "municipality_offered_themes", "municipality_sought_themes" }) {
			this.jdbc.sql("INSERT INTO " + table + " (municipality_id, theme_code) SELECT :kept, theme_code FROM "
					+ table + " WHERE municipality_id = :removed ON CONFLICT DO NOTHING")
				.param("kept", keptId).param("removed", removedId).update();
		}
		this.jdbc.sql("UPDATE municipalities SET district_of = :kept WHERE district_of = :removed")
			.param("kept", keptId).param("removed", removedId).update();
		this.jdbc.sql("""
				INSERT INTO municipality_search_keys (municipality_id, source, key)
				SELECT :kept, source, key FROM municipality_search_keys WHERE municipality_id = :removed
				ON CONFLICT DO NOTHING
				""").param("kept", keptId).param("removed", removedId).update();
		Long geonamesId = this.jdbc.sql("SELECT geonames_id FROM municipalities WHERE id = ?").param(removedId)
			.query(Long.class).optional().orElse(null);
		// Listeners move their references now, in this transaction, before the row they point to goes.
		this.events.publishEvent(new MunicipalitiesMerged(keptId, removedId));
		this.jdbc.sql("DELETE FROM municipalities WHERE id = ?").param(removedId).update();
		// (the count cache is forgotten by the key refresh below)
		if (geonamesId != null) {
			// The kept record takes over a GeoNames id it lacks, so that the next import updates it.
			this.jdbc.sql("UPDATE municipalities SET geonames_id = :g WHERE id = :kept AND geonames_id IS NULL")
				.param("g", geonamesId).param("kept", keptId).update();
		}
		this.searchKeys.refresh(keptId);
	}

	private boolean exists(long id) {
		return this.jdbc.sql("SELECT count(*) FROM municipalities WHERE id = ?").param(id).query(Long.class).single() > 0;
	}
}
