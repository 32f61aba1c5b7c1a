package org.citybridge.municipality.imports;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.SearchKeys;
import org.citybridge.municipality.imports.ImportReport.Reason;
import org.citybridge.municipality.imports.ImportReport.Rejection;
import org.citybridge.system.Unpacked;

/**
 * A file of places in the GeoNames-derived format of {@code geonames-cities1000} (columns
 * {@code geonameid, name, alternate_names, country_code, admin1_code, feature_code, population,
 * latitude, longitude}; gzip or plain), read row by row and each row checked: a valid place, a row
 * refused with its reason, or a place that no longer lives. Reads a line at a time, so memory
 * stays constant whatever the file's size; a file that is no list of places at all (no header,
 * wrong columns, an endless line, a compressed bomb) is refused with {@link ImportFileInvalid}.
 */
final class GeoNamesFile implements Closeable {

	static final List<String> COLUMNS = List.of("geonameid", "name", "alternate_names", "country_code", "admin1_code",
			"feature_code", "population", "latitude", "longitude");

	/** GeoNames feature codes of places that are no longer living municipalities. */
	static final Set<String> NOT_LIVING = Set.of("PPLH", "PPLQ", "PPLW", "PPLCH");

	private static final int MAX_LINE_BYTES = 64 * 1024;

	/**
	 * The most a compressed file may unpack to: the whole GeoNames list of places with at least
	 * 1,000 people is about 30 MB. A file that unpacks to more is refused, not read to the end.
	 */
	static final long MAX_DECOMPRESSED_BYTES = 1L << 30;

	private static final CSVFormat CSV = CSVFormat.RFC4180;

	private final InputStream in;

	private final LineReader lines;

	private final Set<String> knownCountries;

	private Map<String, Integer> header;

	/** @param knownCountries the codes of the countries a place may be in */
	GeoNamesFile(InputStream raw, Set<String> knownCountries) throws IOException {
		this.in = Unpacked.of(raw, MAX_DECOMPRESSED_BYTES);
		this.lines = new LineReader(this.in);
		this.knownCountries = knownCountries;
	}

	/**
	 * The next row of the file, checked; {@code null} at its end.
	 * @throws ImportFileInvalid when the file is no list of places
	 */
	Row next() throws IOException {
		try {
			byte[] bytes;
			while ((bytes = this.lines.next()) != null) {
				long lineNumber = this.lines.number();
				if (this.header == null) {
					this.header = header(bytes);
				}
				else if (bytes.length > 0) {
					return parse(bytes, lineNumber, this.header, this.knownCountries);
				}
			}
		}
		catch (Unpacked.TooLarge ex) {
			throw new ImportFileInvalid(ex.getMessage() + ": it is not a list of places in the expected format.");
		}
		if (this.header == null) {
			throw new ImportFileInvalid("The file is empty: it has no header line.");
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
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
	record Row(long line, long geonamesId, String name, String country, String admin1, String feature,
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
