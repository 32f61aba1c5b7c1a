package org.citybridge.municipality.region;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.citybridge.municipality.SearchKeyWriter;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * The first-level divisions (aimags, provinces, regions, counties, oblasts) as parties of the
 * directory, kind {@code REGION}: their names (English, French, Mongolian Cyrillic where known) come
 * from the table shipped in {@code municipality/regions.csv}; the French name is also kept apart,
 * for French pages (PlaceNames), (Natural Earth, public domain; see the
 * README beside it), keyed by country and GeoNames admin1 code. A region is created once places of
 * its country and admin1 code are in the directory (by the GeoNames import, or the demo data); one
 * that exists keeps its names, which officers may edit, and only gains the names it lacks.
 */
@Service
public class Regions {

	static final String FILE = "municipality/regions.csv";

	/** GeoNames' feature code for a first-level administrative division. */
	static final String FEATURE = "ADM1";

	/** One row of the shipped table. */
	record Division(String country, String admin1, Long geonamesId, String nameEn, String nameFr, String nameMn, String nativeName,
			List<String> otherNames, BigDecimal latitude, BigDecimal longitude) {

		/** The Cyrillic name shown first on Mongolian pages: the Mongolian one, else the country's own. */
		String cyrillic() {
			return !this.nameMn.isEmpty() ? this.nameMn : this.nativeName;
		}

		List<String> alternates() {
			Set<String> names = new LinkedHashSet<>();
			if (!this.nameFr.isEmpty()) {
				names.add(this.nameFr);
			}
			names.addAll(this.otherNames);
			if (!this.nameMn.isEmpty() && !this.nativeName.isEmpty()) {
				names.add(this.nativeName);
			}
			names.remove(this.nameEn);
			names.remove(cyrillic());
			return List.copyOf(names);
		}
	}

	private final JdbcClient jdbc;

	private final SearchKeyWriter searchKeys;

	/** The shipped table, read when an import or the demo data first asks (not at every start). */
	private final SingletonSupplier<List<Division>> divisions = SingletonSupplier.of(Regions::read);

	Regions(JdbcClient jdbc, SearchKeyWriter searchKeys) {
		this.jdbc = jdbc;
		this.searchKeys = searchKeys;
	}

	/** How many divisions the shipped table names. */
	public int known() {
		return this.divisions.obtain().size();
	}

	/**
	 * Creates the region of every (country, admin1 code) that places of the directory have and the table
	 * names, and adds the names a region lacks; in the caller's transaction. Returns how many were added.
	 */
	public int forPlaces() {
		return upsert(d -> true, true);
	}

	/**
	 * The demo's regions, without the world file: every Mongolian aimag (and the capital), and the
	 * divisions that demo municipalities name; demo municipalities get the admin1 code of the region
	 * they name, so that the region lists them and shows its seat. Returns how many were added.
	 */
	public int forDemo() {
		Set<String> named = new java.util.HashSet<>(this.jdbc.sql("""
				SELECT DISTINCT country_code || '|' || division FROM municipalities WHERE division IS NOT NULL
				""").query(String.class).list());
		int added = upsert(d -> "MN".equals(d.country()) || named.contains(d.country() + "|" + d.nameEn()), false);
		this.jdbc.sql("""
				UPDATE municipalities m SET admin1_code = r.admin1_code
				FROM municipalities r
				WHERE r.kind = 'REGION' AND m.kind <> 'REGION' AND m.admin1_code IS NULL
				  AND r.country_code = m.country_code AND r.name = m.division
				""").update();
		return added;
	}

	private int upsert(Predicate<Division> wanted, boolean onlyWithPlaces) {
		List<Division> rows = this.divisions.obtain().stream().filter(wanted).toList();
		if (rows.isEmpty()) {
			return 0;
		}
		int n = rows.size();
		String[] country = new String[n];
		String[] admin1 = new String[n];
		Long[] geonamesId = new Long[n];
		String[] name = new String[n];
		String[] cyrillic = new String[n];
		String[] french = new String[n];
		String[] alternates = new String[n];
		BigDecimal[] latitude = new BigDecimal[n];
		BigDecimal[] longitude = new BigDecimal[n];
		for (int i = 0; i < n; i++) {
			Division d = rows.get(i);
			country[i] = d.country();
			admin1[i] = d.admin1();
			geonamesId[i] = d.geonamesId();
			name[i] = d.nameEn();
			cyrillic[i] = d.cyrillic().isEmpty() ? null : d.cyrillic();
			french[i] = d.nameFr().isEmpty() ? null : d.nameFr();
			// One text per row (arrays of arrays must be rectangular): names joined by a character no name has.
			alternates[i] = String.join("\u001f", d.alternates());
			latitude[i] = d.latitude();
			longitude[i] = d.longitude();
		}
		List<Long> changed = new ArrayList<>();
		int[] added = { 0 };
		this.jdbc.sql("""
				WITH r AS (
				    SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
				        ?::numeric[], ?::numeric[])
				        AS r (country_code, admin1_code, geonames_id, name, cyrillic, french, alternates, latitude, longitude)
				    WHERE r.country_code IN (SELECT code FROM countries)
				      AND (NOT ? OR EXISTS (SELECT 1 FROM municipalities m WHERE m.country_code = r.country_code
				          AND m.admin1_code = r.admin1_code AND m.kind <> 'REGION')))
				INSERT INTO municipalities AS m (geonames_id, name, native_name, native_script, name_fr, alternate_names, country_code,
				    admin1_code, feature_code, kind, latitude, longitude)
				-- The division's own GeoNames id (a first-level division's, never a place's), unless taken.
				SELECT CASE WHEN EXISTS (SELECT 1 FROM municipalities x WHERE x.geonames_id = r.geonames_id
				        AND NOT (x.kind = 'REGION' AND x.country_code = r.country_code AND x.admin1_code = r.admin1_code))
				    THEN NULL ELSE r.geonames_id END,
				    r.name, r.cyrillic, CASE WHEN r.cyrillic IS NULL THEN NULL ELSE 'Cyrl' END, r.french,
				    CASE WHEN r.alternates = '' THEN '{}'::text[] ELSE string_to_array(r.alternates, chr(31)) END,
				    r.country_code, r.admin1_code, ?, 'REGION', r.latitude, r.longitude
				FROM r
				ON CONFLICT (country_code, admin1_code) WHERE kind = 'REGION' DO UPDATE SET
				    native_name = coalesce(m.native_name, EXCLUDED.native_name),
				    native_script = CASE WHEN m.native_name IS NULL THEN EXCLUDED.native_script ELSE m.native_script END,
				    name_fr = coalesce(m.name_fr, EXCLUDED.name_fr),
				    alternate_names = m.alternate_names || ARRAY(SELECT a FROM unnest(EXCLUDED.alternate_names) AS a
				        WHERE NOT (a = ANY (m.alternate_names)) AND a <> m.name),
				    version = m.version + 1,
				    updated_at = now()
				WHERE (m.native_name IS NULL AND EXCLUDED.native_name IS NOT NULL)
				   OR (m.name_fr IS NULL AND EXCLUDED.name_fr IS NOT NULL)
				   OR EXISTS (SELECT 1 FROM unnest(EXCLUDED.alternate_names) AS a
				       WHERE NOT (a = ANY (m.alternate_names)) AND a <> m.name)
				RETURNING m.id, (xmax = 0) AS inserted
				""").params(country, admin1, geonamesId, name, cyrillic, french, alternates, latitude, longitude, onlyWithPlaces, FEATURE)
			.query(rs -> {
				changed.add(rs.getLong(1));
				added[0] += rs.getBoolean(2) ? 1 : 0;
			});
		this.searchKeys.refreshAll(changed);
		return added[0];
	}

	private static List<Division> read() {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();
		List<Division> rows = new ArrayList<>();
		try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
			for (CSVRecord row : format.parse(reader)) {
				String other = row.get("other_name");
				rows.add(new Division(row.get("country_code"), row.get("admin1_code"),
						row.get("geonames_id").isEmpty() ? null : Long.valueOf(row.get("geonames_id")), row.get("name_en"),
						row.get("name_fr"), row.get("name_mn"), row.get("native_name"),
						other.isEmpty() ? List.of() : List.of(other),
						row.get("latitude").isEmpty() ? null : new BigDecimal(row.get("latitude")),
						row.get("longitude").isEmpty() ? null : new BigDecimal(row.get("longitude"))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + FILE, ex);
		}
		return List.copyOf(rows);
	}
}
