package org.citybridge.municipality.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.municipality.DirectoryCounts;
import org.citybridge.municipality.imports.ImportReport.Rejection;
import org.citybridge.municipality.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports places from a CSV file in the GeoNames-derived format of {@code geonames-cities1000}
 * ({@link GeoNamesFile}; gzip or plain), in one transaction: the rows stream from the file through
 * their checks into the staging table ({@link PlaceStaging}), counted and reported on the way;
 * then, unless rows were refused and the import is all or nothing, they are applied. Importing
 * the same file twice changes nothing. Historical, abandoned and destroyed places are skipped;
 * sections of a city ({@code PPLX}) become districts of the largest place nearby; the first-level
 * divisions of the places become regions ({@link Regions}).
 */
@Service
public record MunicipalityImport(PlaceStaging staging,
		TransactionTemplate transaction,
		Countries countries,
		DirectoryCounts counts,
		Regions regions) {

	private static final Logger log = LoggerFactory.getLogger(MunicipalityImport.class);

	/** How many rejected rows a report lists; the count covers them all. */
	public static final int MAX_LISTED_REJECTIONS = 1_000;

	private static final int PROGRESS_EVERY = 10_000;

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
			PlaceStaging.Applied applied = this.staging.apply();
			r.inserted = applied.inserted;
			r.updated = applied.updated;
			r.applied = true;
			// The first-level divisions of the places imported become regions (issue 22).
			long regionsStarted = System.nanoTime();
			int regionsAdded = this.regions.forPlaces();
			log.info("Regions: {} added in {} ms", regionsAdded, (System.nanoTime() - regionsStarted) / 1_000_000);
			return r;
		});
		this.counts.forget();
		if (result.applied) {
			this.staging.analyze();
		}
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
		PlaceStaging.Copy copy = this.staging.open();
		try (GeoNamesFile file = new GeoNamesFile(raw, knownCountries)) {
			GeoNamesFile.Row row;
			while ((row = file.next()) != null) {
				result.rows++;
				if (row.rejection() != null) {
					result.rejected++;
					if (result.rejections.size() < MAX_LISTED_REJECTIONS) {
						result.rejections.add(row.rejection());
					}
					progress.rejected(row.rejection());
				}
				else if (row.notLiving()) {
					result.notLiving++;
				}
				else {
					result.valid++;
					copy.add(row);
				}
				if (result.rows % PROGRESS_EVERY == 0) {
					progress.rows(result.rows, result.rejected, rate(result.rows, started));
				}
			}
			copy.end();
			progress.rows(result.rows, result.rejected, rate(result.rows, started));
		}
		catch (IOException ex) {
			copy.cancel();
			throw new UncheckedIOException("Cannot read the file", ex);
		}
		catch (SQLException ex) {
			copy.cancel();
			throw new IllegalStateException("COPY into the staging table failed", ex);
		}
		catch (RuntimeException | Error ex) {
			// Any failure, an OutOfMemoryError included, ends the COPY: else the connection stays
			// in COPY mode, and every later statement on it waits for ever.
			copy.cancel();
			throw ex;
		}
		return result;
	}

	private static double rate(long rows, long started) {
		double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
		return rows / seconds;
	}
}
