package org.citybridge.agreement.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.citybridge.agreement.imports.PartnershipMatcher.Side;
import org.citybridge.system.Unpacked;

/**
 * Reads a partnership list: UTF-8 CSV (RFC 4180), gzip-compressed or not, with the header
 * {@code city1,country1,lat1,lng1,city2,country2,lat2,lng2}. Coordinates that are not numbers in
 * range count as unknown; a row with the wrong number of fields is kept as a row without names,
 * which the report lists. A file that is not such a list throws {@link PartnershipFileInvalid}, and
 * so does one with a row longer than 64 KB or that unpacks to more than 1 GB: both are checked as
 * the file is read, so that a compressed bomb is refused before it fills the memory.
 */
final class PartnershipCsv {

	static final List<String> HEADER = List.of("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2");

	/** More rows than any public list has; a larger file is refused rather than read into memory. */
	static final int MAX_ROWS = 500_000;

	/**
	 * The longest row: no partnership is described in 64 KB. A longer one (a damaged file, or a
	 * compressed bomb of one endless field) is refused as it is read, before it fills the memory.
	 */
	static final int MAX_ROW_CHARS = 64 * 1024;

	/** The most a compressed list may unpack to, as for the places' import. */
	static final long MAX_UNPACKED_BYTES = 1L << 30;

	record Row(long line, Side first, Side second) {
	}

	private PartnershipCsv() {
	}

	static List<Row> read(InputStream raw) {
		List<Row> rows = new ArrayList<>();
		try (RowBound reader = new RowBound(reader(raw));
				CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
			boolean header = true;
			for (CSVRecord record : parser) {
				reader.rowRead(record.getRecordNumber());
				if (header) {
					if (record.size() == 1 && record.get(0).isBlank()) {
						continue;
					}
					List<String> names = record.toList().stream().map(s -> s.strip().replace("\uFEFF", "")).toList();
					if (!names.equals(HEADER)) {
						throw new PartnershipFileInvalid("agreement.imports.file.header",
								"The first line must be the header " + String.join(",", HEADER));
					}
					header = false;
					continue;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (rows.size() >= MAX_ROWS) {
					throw new PartnershipFileInvalid("agreement.imports.file.tooLarge",
							"The file has more than " + MAX_ROWS + " rows");
				}
				long line = record.getRecordNumber();
				if (record.size() != HEADER.size()) {
					rows.add(new Row(line, new Side("", "", null, null), new Side("", "", null, null)));
					continue;
				}
				rows.add(new Row(line, side(record, 0), side(record, 4)));
			}
			if (header) {
				throw new PartnershipFileInvalid("agreement.imports.file.empty", "The file is empty");
			}
			return rows;
		}
		catch (UncheckedIOException ex) {
			throw invalid(ex.getCause());
		}
		catch (IOException ex) {
			throw invalid(ex);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// commons-csv's answer to a broken quote
			throw new PartnershipFileInvalid("agreement.imports.file.notCsv", "The file is not valid CSV");
		}
	}

	private static PartnershipFileInvalid invalid(Throwable ex) {
		if (ex instanceof RowTooLong tooLong) {
			return new PartnershipFileInvalid("agreement.imports.file.rowTooLong", tooLong.getMessage());
		}
		if (ex instanceof Unpacked.TooLarge tooLarge) {
			return new PartnershipFileInvalid("agreement.imports.file.unpacksTooLarge",
					tooLarge.getMessage() + ": it is not a partnership list");
		}
		if (ex instanceof CharacterCodingException) {
			return new PartnershipFileInvalid("agreement.imports.file.notCsv", "The file is not UTF-8 text");
		}
		if (ex instanceof ZipException || ex instanceof java.io.EOFException) {
			return new PartnershipFileInvalid("agreement.imports.file.badGzip", "The gzip file is damaged or cut short");
		}
		return new PartnershipFileInvalid("agreement.imports.file.notCsv", "The file cannot be read as CSV");
	}

	private static Reader reader(InputStream raw) throws IOException {
		return new InputStreamReader(Unpacked.of(raw, MAX_UNPACKED_BYTES), StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	/**
	 * The characters the CSV parser reads, counted from the end of the last row it returned: past
	 * {@link #MAX_ROW_CHARS} and the parser's read-ahead, the row being read is too long. Counting
	 * what the parser reads, rather than splitting lines here, keeps its rules for quotes.
	 */
	private static final class RowBound extends FilterReader {

		/** More than the parser reads ahead (8 K characters). */
		private static final int READ_AHEAD = 64 * 1024;

		private long sinceRow;

		private long lastRow;

		RowBound(Reader in) {
			super(in);
		}

		void rowRead(long number) {
			this.sinceRow = 0;
			this.lastRow = number;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c != -1) {
				count(1);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws RowTooLong {
			this.sinceRow += n;
			if (this.sinceRow > MAX_ROW_CHARS + READ_AHEAD) {
				throw new RowTooLong("Row " + (this.lastRow + 1) + " is longer than " + MAX_ROW_CHARS / 1024
						+ " KB: the file is not a partnership list");
			}
		}
	}

	private static final class RowTooLong extends IOException {

		private static final long serialVersionUID = 1L;

		RowTooLong(String message) {
			super(message);
		}
	}

	private static Side side(CSVRecord r, int from) {
		Double lat = number(r.get(from + 2), 90);
		Double lng = number(r.get(from + 3), 180);
		if (lat == null || lng == null) {
			lat = null;
			lng = null;
		}
		return new Side(limit(r.get(from)), limit(r.get(from + 1)), lat, lng);
	}

	private static String limit(String s) {
		String t = s.strip();
		return t.length() > 300 ? t.substring(0, 300) : t;
	}

	private static Double number(String s, double max) {
		try {
			double d = Double.parseDouble(s.strip());
			return Double.isFinite(d) && Math.abs(d) <= max ? d : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
