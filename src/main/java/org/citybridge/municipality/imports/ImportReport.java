package org.citybridge.municipality.imports;

import java.time.Duration;
import java.util.List;

/**
 * What an import of places did.
 *
 * @param rows data rows read (the header not counted)
 * @param rejected rows refused, each listed in {@link #rejections()} (the first
 *     {@link MunicipalityImport#MAX_LISTED_REJECTIONS} of them)
 * @param notLiving rows skipped because the place is historical, abandoned or destroyed
 * @param applied whether the valid rows were written: false when invalid rows stopped an
 *     all-or-nothing import
 * @param inserted municipalities added
 * @param updated municipalities whose GeoNames facts (population, coordinates, spelling) changed
 * @param unchanged municipalities already up to date
 */
public record ImportReport(long rows, long rejected, long notLiving, boolean applied, long inserted, long updated,
		long unchanged, Duration duration, List<Rejection> rejections) {

	/** One refused row: its line in the file (the header is line 1), the reason and the offending value. */
	public record Rejection(long line, Reason reason, String value) {
	}

	/** Why a row was refused. */
	public enum Reason {
		MALFORMED_LINE, WRONG_ENCODING, MISSING_ID, MISSING_NAME, NAME_TOO_LONG, UNKNOWN_COUNTRY, LATITUDE_OUT_OF_RANGE,
		LONGITUDE_OUT_OF_RANGE, NEGATIVE_POPULATION, NOT_A_NUMBER
	}

	public double rowsPerSecond() {
		double seconds = Math.max(0.001, this.duration.toMillis() / 1000.0);
		return this.rows / seconds;
	}
}
