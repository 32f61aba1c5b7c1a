package org.citybridge.municipality.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.municipality.imports.ImportReport.Reason;
import org.citybridge.municipality.imports.ImportReport.Rejection;
import org.citybridge.system.Unpacked;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.municipality.DirectoryCounts;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.SearchKeys;

/**
 * Imports places from a CSV file in the GeoNames-derived format of {@code geonames-cities1000}
 * (columns {@code geonameid, name, alternate_names, country_code, admin1_code, feature_code,
 * population, latitude, longitude}; gzip or plain).
 *
 * <p>Rows stream from the file through validation into a temporary table with {@code COPY}, so
 * memory stays constant whatever the file's size; then a few set-based statements upsert them by
 * GeoNames id in the same transaction. An existing municipality keeps its name, kind, themes,
 * contacts and everything officers edit: the import only updates the GeoNames spelling,
 * population (unless the file says unknown), coordinates and codes, and only where they changed,
 * so importing the same file twice changes nothing. Historical, abandoned and destroyed places
 * are skipped; sections of a city ({@code PPLX}) become districts of the largest place nearby.
 */
@Service
public class MunicipalityImport {

	/** How many rejected rows a report lists; the count covers them all. */
	public static final int MAX_LISTED_REJECTIONS = 1_000;

	static final List<String> COLUMNS = List.of("geonameid", "name", "alternate_names", "country_code", "admin1_code",
			"feature_code", "population", "latitude", "longitude");

	/** GeoNames feature codes of places that are no longer living municipalities. */
	static final Set<String> NOT_LIVING = Set.of("PPLH", "PPLQ", "PPLW", "PPLCH");

	private static final int PROGRESS_EVERY = 10_000;

	private static final int MAX_LINE_BYTES = 64 * 1024;

	/**
	 * The most a compressed file may unpack to: the whole GeoNames list of places with at least
	 * 1,000 people is about 30 MB. A file that unpacks to more is refused, not read to the end.
	 */
	static final long MAX_DECOMPRESSED_BYTES = 1L << 30;

	private static final CSVFormat CSV = CSVFormat.RFC4180;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Countries countries;

	private final DirectoryCounts counts;

	MunicipalityImport(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, Countries countries,
			DirectoryCounts counts) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.countries = countries;
		this.counts = counts;
	}

	/** Imports a file, gzip-compressed or not. */
	public ImportReport importFile(Path file, ImportOptions options, ImportProgress progress) {
		try (InputStream in = Files.newInputStream(file)) {
			return importStream(in, options, progress);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Imports from a stream (an upload, say), gzip-compressed or not; the caller closes it. */
	public ImportReport importStream(InputStream input, ImportOptions options, ImportProgress progress) {
		long started = System.nanoTime();
		Set<String> known = new HashSet<>();
		for (Country c : this.countries.all()) {
			known.add(c.code());
		}
		Result result = this.transaction.execute(status -> {
			Result r = read(input, known, progress, started);
			if (r.rejected > 0 && !options.skipInvalid()) {
				status.setRollbackOnly();
				return r;
			}
			progress.applying();
			apply(r);
			r.applied = true;
			return r;
		});
		this.counts.forget();
		return new ImportReport(result.rows, result.rejected, result.notLiving, result.applied, result.inserted,
				result.updated, result.applied ? result.valid - result.inserted - result.updated : 0,
				Duration.ofNanos(System.nanoTime() - started), List.copyOf(result.rejections));
	}

	private static final class Result {

		long rows;

		long valid;

		long rejected;

		long notLiving;

		long inserted;

		long updated;

		boolean applied;

		final List<Rejection> rejections = new ArrayList<>();
	}

	private Result read(InputStream raw, Set<String> knownCountries, ImportProgress progress, long started) {
		Result result = new Result();
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE import_places (
				    line bigint, geonames_id bigint, name text, country_code text, admin1_code text,
				    feature_code text, kind text, population integer, latitude numeric(8, 5),
				    longitude numeric(8, 5), keys text[]) ON COMMIT DROP
				""").update();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		CopyIn copy;
		try {
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY import_places FROM STDIN");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL refused COPY", ex);
		}
		try (InputStream in = Unpacked.of(raw, MAX_DECOMPRESSED_BYTES)) {
			LineReader lines = new LineReader(in);
			Map<String, Integer> header = null;
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
			byte[] bytes;
			while ((bytes = lines.next()) != null) {
				long lineNumber = lines.number();
				if (header == null) {
					header = header(bytes);
					continue;
				}
				if (bytes.length == 0) {
					continue;
				}
				result.rows++;
				Row row = parse(bytes, lineNumber, header, knownCountries);
				if (row.rejection != null) {
					result.rejected++;
					if (result.rejections.size() < MAX_LISTED_REJECTIONS) {
						result.rejections.add(row.rejection);
					}
					progress.rejected(row.rejection);
				}
				else if (row.notLiving) {
					result.notLiving++;
				}
				else {
					result.valid++;
					row.copyLine(buffer);
					if (buffer.size() > (1 << 16) - 1024) {
						copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
						buffer.reset();
					}
				}
				if (result.rows % PROGRESS_EVERY == 0) {
					progress.rows(result.rows, result.rejected, rate(result.rows, started));
				}
			}
			if (header == null) {
				throw new ImportFileInvalid("The file is empty: it has no header line.");
			}
			if (buffer.size() > 0) {
				copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
			}
			copy.endCopy();
			progress.rows(result.rows, result.rejected, rate(result.rows, started));
		}
		catch (Unpacked.TooLarge ex) {
			cancel(copy);
			throw new ImportFileInvalid(ex.getMessage() + ": it is not a list of places in the expected format.");
		}
		catch (IOException ex) {
			cancel(copy);
			throw new UncheckedIOException("Cannot read the file", ex);
		}
		catch (SQLException ex) {
			cancel(copy);
			throw new IllegalStateException("COPY into the staging table failed", ex);
		}
		catch (RuntimeException | Error ex) {
			// Any failure, an OutOfMemoryError included, ends the COPY: else the connection stays
			// in COPY mode, and every later statement on it waits for ever.
			cancel(copy);
			throw ex;
		}
		return result;
	}

	private void apply(Result result) {
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE import_latest ON COMMIT DROP AS
				SELECT DISTINCT ON (geonames_id) * FROM import_places ORDER BY geonames_id, line DESC
				""").update();
		this.jdbc.sql("ALTER TABLE import_latest ADD PRIMARY KEY (geonames_id)").update();
		this.jdbc.sql("ANALYZE import_latest").update();
		this.jdbc.sql("""
				WITH upserted AS (
				    INSERT INTO municipalities AS m (geonames_id, name, geonames_name, country_code, admin1_code,
				        feature_code, kind, population, latitude, longitude)
				    SELECT geonames_id, name, name, country_code, admin1_code, feature_code, kind,
				        NULLIF(population, 0), latitude, longitude
				    FROM import_latest
				    ON CONFLICT (geonames_id) WHERE geonames_id IS NOT NULL DO UPDATE SET
				        geonames_name = EXCLUDED.geonames_name,
				        admin1_code = EXCLUDED.admin1_code,
				        feature_code = EXCLUDED.feature_code,
				        population = coalesce(EXCLUDED.population, m.population),
				        latitude = EXCLUDED.latitude,
				        longitude = EXCLUDED.longitude,
				        version = m.version + 1,
				        updated_at = now()
				    WHERE (m.geonames_name, m.admin1_code, m.feature_code, m.population, m.latitude, m.longitude)
				        IS DISTINCT FROM (EXCLUDED.geonames_name, EXCLUDED.admin1_code, EXCLUDED.feature_code,
				            coalesce(EXCLUDED.population, m.population), EXCLUDED.latitude, EXCLUDED.longitude)
				    RETURNING (xmax = 0) AS inserted)
				SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
				""").query(rs -> {
			result.inserted = rs.getLong(1);
			result.updated = rs.getLong(2);
		});
		this.jdbc.sql("""
				DELETE FROM municipality_search_keys k
				USING municipalities m, import_latest s
				WHERE k.municipality_id = m.id AND m.geonames_id = s.geonames_id AND k.source = 'geonames'
				  AND NOT (k.key = ANY (s.keys))
				""").update();
		this.jdbc.sql("""
				INSERT INTO municipality_search_keys (municipality_id, source, key)
				SELECT m.id, 'geonames', k.key
				FROM import_latest s JOIN municipalities m ON m.geonames_id = s.geonames_id
				CROSS JOIN LATERAL unnest(s.keys) AS k(key)
				ON CONFLICT DO NOTHING
				""").update();
		// A section of a city belongs to the largest place around it in the same country.
		this.jdbc.sql("""
				UPDATE municipalities d SET district_of = (
				    SELECT c.id FROM municipalities c
				    WHERE c.country_code = d.country_code AND c.kind <> 'DISTRICT' AND c.id <> d.id
				      AND c.latitude BETWEEN d.latitude - 0.25 AND d.latitude + 0.25
				      AND c.longitude BETWEEN d.longitude - 0.35 AND d.longitude + 0.35
				    ORDER BY c.population DESC NULLS LAST, c.id LIMIT 1)
				WHERE d.kind = 'DISTRICT' AND d.district_of IS NULL AND d.latitude IS NOT NULL
				  AND d.geonames_id IN (SELECT geonames_id FROM import_latest WHERE kind = 'DISTRICT')
				  AND EXISTS (SELECT 1 FROM municipalities c
				    WHERE c.country_code = d.country_code AND c.kind <> 'DISTRICT' AND c.id <> d.id
				      AND c.latitude BETWEEN d.latitude - 0.25 AND d.latitude + 0.25
				      AND c.longitude BETWEEN d.longitude - 0.35 AND d.longitude + 0.35)
				""").update();
	}

	/** The kind of local government a GeoNames feature code stands for. */
	static MunicipalityKind kind(String featureCode, String countryCode) {
		return switch (featureCode) {
			case "PPLC" -> MunicipalityKind.CAPITAL;
			case "PPLA" -> MunicipalityKind.REGIONAL_CENTRE;
			case "PPLX" -> MunicipalityKind.DISTRICT;
			// In Mongolia a second-level seat is a soum centre: a rural municipality.
			case "PPLA2" -> "MN".equals(countryCode) ? MunicipalityKind.RURAL : MunicipalityKind.TOWN;
			default -> MunicipalityKind.TOWN;
		};
	}

	private static Map<String, Integer> header(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		Map<String, Integer> header = new HashMap<>();
		String[] names = text.split(",", -1);
		for (int i = 0; i < names.length; i++) {
			header.put(names[i].strip().toLowerCase(Locale.ROOT), i);
		}
		List<String> missing = COLUMNS.stream().filter(c -> !c.equals("alternate_names") && !header.containsKey(c)).toList();
		if (!missing.isEmpty()) {
			throw new ImportFileInvalid("The header line lacks the columns " + String.join(", ", missing)
					+ "; expected " + String.join(",", COLUMNS) + ".");
		}
		return header;
	}

	private static Row parse(byte[] bytes, long line, Map<String, Integer> header, Set<String> knownCountries) {
		String text;
		try {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return Row.rejected(line, Reason.WRONG_ENCODING,
					new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.ISO_8859_1));
		}
		CSVRecord record;
		try (CSVParser parser = CSV.parse(new StringReader(text))) {
			List<CSVRecord> records = parser.getRecords();
			if (records.size() != 1 || records.get(0).size() != header.size()) {
				return Row.rejected(line, Reason.MALFORMED_LINE, text);
			}
			record = records.get(0);
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			return Row.rejected(line, Reason.MALFORMED_LINE, text);
		}
		String id = field(record, header, "geonameid");
		if (id.isEmpty()) {
			return Row.rejected(line, Reason.MISSING_ID, text);
		}
		long geonamesId;
		try {
			geonamesId = Long.parseLong(id);
			if (geonamesId <= 0) {
				return Row.rejected(line, Reason.NOT_A_NUMBER, id);
			}
		}
		catch (NumberFormatException ex) {
			return Row.rejected(line, Reason.NOT_A_NUMBER, id);
		}
		String name = field(record, header, "name");
		if (name.isEmpty()) {
			return Row.rejected(line, Reason.MISSING_NAME, text);
		}
		if (name.length() > 200) {
			return Row.rejected(line, Reason.NAME_TOO_LONG, name);
		}
		String country = field(record, header, "country_code").toUpperCase(Locale.ROOT);
		if (!knownCountries.contains(country)) {
			return Row.rejected(line, Reason.UNKNOWN_COUNTRY, country);
		}
		String feature = field(record, header, "feature_code").toUpperCase(Locale.ROOT);
		if (!feature.matches("[A-Z0-9]{1,10}")) {
			return Row.rejected(line, Reason.MALFORMED_LINE, feature);
		}
		if (NOT_LIVING.contains(feature)) {
			return Row.notALivingPlace();
		}
		BigDecimal latitude;
		BigDecimal longitude;
		int population;
		String lat = field(record, header, "latitude");
		String lon = field(record, header, "longitude");
		String pop = field(record, header, "population");
		try {
			latitude = new BigDecimal(lat);
		}
		catch (NumberFormatException ex) {
			return Row.rejected(line, Reason.NOT_A_NUMBER, lat);
		}
		if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
			return Row.rejected(line, Reason.LATITUDE_OUT_OF_RANGE, lat);
		}
		try {
			longitude = new BigDecimal(lon);
		}
		catch (NumberFormatException ex) {
			return Row.rejected(line, Reason.NOT_A_NUMBER, lon);
		}
		if (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
			return Row.rejected(line, Reason.LONGITUDE_OUT_OF_RANGE, lon);
		}
		try {
			population = pop.isEmpty() ? 0 : Integer.parseInt(pop);
		}
		catch (NumberFormatException ex) {
			return Row.rejected(line, Reason.NOT_A_NUMBER, pop);
		}
		if (population < 0) {
			return Row.rejected(line, Reason.NEGATIVE_POPULATION, pop);
		}
		String admin1 = field(record, header, "admin1_code");
		List<String> names = new ArrayList<>();
		names.add(name);
		Integer alternatesColumn = header.get("alternate_names");
		if (alternatesColumn != null) {
			for (String alternate : record.get(alternatesColumn).split("[|,]")) {
				if (!alternate.isBlank()) {
					names.add(alternate.strip());
				}
			}
		}
		return new Row(line, geonamesId, name, country, admin1.length() > 20 ? admin1.substring(0, 20) : admin1,
				feature, kind(feature, country), population, latitude, longitude, SearchKeys.ofAll(names), null, false);
	}

	private static String field(CSVRecord record, Map<String, Integer> header, String column) {
		return record.get(header.get(column)).strip();
	}

	/** A validated row, or the reason it was refused, or the fact that it is not a living place. */
	private record Row(long line, long geonamesId, String name, String country, String admin1, String feature,
			MunicipalityKind kind, int population, BigDecimal latitude, BigDecimal longitude, List<String> keys,
			Rejection rejection, boolean notLiving) {

		static Row rejected(long line, Reason reason, String value) {
			String shown = value.length() > 120 ? value.substring(0, 120) + "…" : value;
			return new Row(line, 0, null, null, null, null, null, 0, null, null, null,
					new Rejection(line, reason, shown), false);
		}

		static Row notALivingPlace() {
			return new Row(0, 0, null, null, null, null, null, 0, null, null, null, null, true);
		}

		/** This row as a line of PostgreSQL's COPY text format. */
		void copyLine(ByteArrayOutputStream out) {
			StringBuilder s = new StringBuilder(128);
			s.append(this.line).append('\t').append(this.geonamesId).append('\t');
			escape(s, this.name).append('\t').append(this.country).append('\t');
			if (this.admin1.isEmpty()) {
				s.append("\\N");
			}
			else {
				escape(s, this.admin1);
			}
			s.append('\t').append(this.feature).append('\t').append(this.kind.name()).append('\t');
			s.append(this.population).append('\t').append(this.latitude.toPlainString()).append('\t');
			s.append(this.longitude.toPlainString()).append('\t').append('{');
			// Keys are [a-z0-9]+: no quoting needed inside the array literal.
			s.append(String.join(",", this.keys)).append("}\n");
			byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
			out.write(bytes, 0, bytes.length);
		}

		private static StringBuilder escape(StringBuilder s, String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> s.append("\\\\");
					case '\t' -> s.append("\\t");
					case '\n' -> s.append("\\n");
					case '\r' -> s.append("\\r");
					default -> s.append(c);
				}
			}
			return s;
		}
	}

	private static double rate(long rows, long started) {
		double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
		return rows / seconds;
	}

	private static void cancel(CopyIn copy) {
		try {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// the transaction rolls back anyway
		}
	}

	/**
	 * Splits a byte stream into lines without decoding it, so that a line in the wrong encoding is
	 * refused alone; a quoted field may span lines.
	 */
	private static final class LineReader {

		private final InputStream in;

		private long number;

		private long nextNumber = 1;

		LineReader(InputStream in) {
			this.in = in;
		}

		long number() {
			return this.number;
		}

		byte[] next() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream(128);
			int quotes = 0;
			int b;
			boolean any = false;
			this.number = this.nextNumber;
			while ((b = this.in.read()) != -1) {
				any = true;
				if (b == '\n') {
					this.nextNumber++;
					if (quotes % 2 == 0 || line.size() > MAX_LINE_BYTES) {
						break;
					}
				}
				if (b == '"') {
					quotes++;
				}
				line.write(b);
				if (line.size() > MAX_LINE_BYTES) {
					// A line this long is no place (GeoNames' longest is a few KB): a damaged file or a
					// compressed bomb of one endless line. Refused before it fills the memory.
					throw new ImportFileInvalid("Line " + this.number + " is longer than " + MAX_LINE_BYTES / 1024
							+ " KB: the file is not a list of places in the expected format.");
				}
			}
			if (!any) {
				return null;
			}
			byte[] bytes = line.toByteArray();
			int end = bytes.length;
			while (end > 0 && bytes[end - 1] == '\r') {
				end--;
			}
			return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
		}
	}
}
