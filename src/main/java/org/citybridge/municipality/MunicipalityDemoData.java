package org.citybridge.municipality;

import org.citybridge.system.Text;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo municipalities shipped in {@code demo/municipalities.csv}: real Mongolian aimag
 * centres and European cities, with GeoNames coordinates and populations. Loading again adds
 * nothing: rows are keyed by their GeoNames id. Their themes, languages and "seeking partners"
 * flags are demo values, and the pages say so while the portal runs on demo data.
 */
@Service
public class MunicipalityDemoData {

	private static final Logger log = LoggerFactory.getLogger(MunicipalityDemoData.class);

	private static final String FILE = "demo/municipalities.csv";

	private final JdbcClient jdbc;

	private final SearchKeyWriter searchKeys;

	private final org.citybridge.municipality.region.Regions regions;

	MunicipalityDemoData(JdbcClient jdbc, SearchKeyWriter searchKeys, org.citybridge.municipality.region.Regions regions) {
		this.jdbc = jdbc;
		this.searchKeys = searchKeys;
		this.regions = regions;
	}

	/** Loads the rows not loaded yet; returns how many were added. */
	@Transactional
	public int load() {
		int added = 0;
		for (CSVRecord row : read()) {
			Optional<Long> id = this.jdbc.sql("""
					INSERT INTO municipalities (geonames_id, name, native_name, native_script, geonames_name,
					    alternate_names, country_code, division, kind, population, latitude, longitude,
					    working_languages, seeking_partners)
					VALUES (:geonamesId, :name, :nativeName, :nativeScript, :geonamesName, :alternateNames,
					    :country, :division, :kind, :population, :latitude, :longitude, :languages, :seeking)
					ON CONFLICT (geonames_id) WHERE geonames_id IS NOT NULL DO NOTHING
					RETURNING id
					""")
				.param("geonamesId", Long.parseLong(row.get("geonames_id")))
				.param("name", row.get("name"))
				.param("nativeName", Text.blankToNull(row.get("native_name")))
				.param("nativeScript", Text.blankToNull(row.get("native_script")))
				.param("geonamesName", Text.blankToNull(row.get("geonames_name")))
				.param("alternateNames", list(row.get("alternate_names")).toArray(String[]::new))
				.param("country", row.get("country_code"))
				.param("division", Text.blankToNull(row.get("division")))
				.param("kind", MunicipalityKind.valueOf(row.get("kind")).name())
				.param("population", row.get("population").isBlank() ? null : Integer.valueOf(row.get("population")))
				.param("latitude", new BigDecimal(row.get("latitude")))
				.param("longitude", new BigDecimal(row.get("longitude")))
				.param("languages", list(row.get("working_languages")).toArray(String[]::new))
				.param("seeking", Boolean.parseBoolean(row.get("seeking_partners")))
				.query(Long.class)
				.optional();
			if (id.isPresent()) {
				addThemes("municipality_offered_themes", id.get(), list(row.get("offered_themes")));
				addThemes("municipality_sought_themes", id.get(), list(row.get("sought_themes")));
				this.searchKeys.refresh(id.get());
				added++;
			}
			else {
				refreshNames(row);
			}
		}
		log.info("Demo data: {} municipalities added, the others were already there", added);
		log.info("Demo data: {} regions added", this.regions.forDemo());
		return added;
	}

	/**
	 * A row loaded by an earlier version gets the names this version adds (a Cyrillic native name, a
	 * Cyrillic alternate name such as Гент): appended, never replacing a name, its search keys refreshed.
	 */
	private void refreshNames(CSVRecord row) {
		this.jdbc.sql("""
				UPDATE municipalities SET
				    native_name = coalesce(native_name, :nativeName),
				    native_script = CASE WHEN native_name IS NULL THEN :nativeScript ELSE native_script END,
				    alternate_names = alternate_names || ARRAY(SELECT n FROM unnest(:alternateNames::text[]) AS n
				        WHERE NOT (n = ANY (alternate_names)))
				WHERE geonames_id = :geonamesId
				  AND ((native_name IS NULL AND :nativeName::text IS NOT NULL)
				       OR NOT (:alternateNames::text[] <@ alternate_names))
				RETURNING id
				""")
			.param("geonamesId", Long.parseLong(row.get("geonames_id")))
			.param("nativeName", Text.blankToNull(row.get("native_name")))
			.param("nativeScript", Text.blankToNull(row.get("native_script")))
			.param("alternateNames", list(row.get("alternate_names")).toArray(String[]::new))
			.query(Long.class)
			.optional()
			.ifPresent(this.searchKeys::refresh);
	}

	private void addThemes(String table, long municipalityId, List<String> themes) {
		for (String theme : themes) {
			this.jdbc.sql("INSERT INTO " + table + " (municipality_id, theme_code) VALUES (?, ?)")
				.params(municipalityId, theme)
				.update();
		}
	}

	private static List<CSVRecord> read() {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(),
				StandardCharsets.UTF_8)) {
			return format.parse(reader).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + FILE, ex);
		}
	}

	private static List<String> list(String value) {
		return value.isBlank() ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip).toList();
	}

}
