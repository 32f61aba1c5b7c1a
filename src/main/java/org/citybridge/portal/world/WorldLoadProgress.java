package org.citybridge.portal.world;

import java.util.Optional;

import org.citybridge.agreement.imports.WorldPartnershipImport;
import org.citybridge.municipality.imports.WorldPlaceImport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How far the world's load has come (issue 22), as the home page shows it on any instance: read from
 * {@code world_loads} and the runs of its two imports. Once the load has finished (or on a portal
 * where it never began: then a single look at one row), nothing more is asked of the database.
 */
@Service
public class WorldLoadProgress {

	/** The step the load is at. */
	public enum Step {

		/** Begun, but the first import has not recorded its run yet (or waits for another try). */
		STARTING,

		/** The places are being imported. */
		PLACES,

		/** The places are in; the partnerships are being matched and registered. */
		PARTNERSHIPS
	}

	/**
	 * The load while it runs: its step, how many rows that step has in all, the share of them read
	 * (0 to 0.99 while the step runs), and whether every row is read and the step now writes them
	 * (the places into the directory, the matched pairs into the register), which has no counter.
	 */
	public record Loading(Step step, long total, double done, boolean writing, long places) {

		/** The share done in whole percent, for a {@code <progress>} element. */
		public int percent() {
			return (int) Math.floor(this.done * 100);
		}

		/** The share done as the text says it: the same whole percent as {@link #percent()}, as a fraction. */
		public double shown() {
			return percent() / 100.0;
		}
	}

	private final JdbcClient jdbc;

	private final WorldPlaceImport places;

	private final WorldPartnershipImport partnerships;

	private volatile boolean finished;

	WorldLoadProgress(JdbcClient jdbc, WorldPlaceImport places, WorldPartnershipImport partnerships) {
		this.jdbc = jdbc;
		this.places = places;
		this.partnerships = partnerships;
	}

	/** The load while it runs; empty once it has finished, or when none has begun. */
	public Optional<Loading> now() {
		if (this.finished) {
			return Optional.empty();
		}
		Optional<Row> found = this.jdbc.sql("""
				SELECT places_total, partnerships_total, place_run_id, partnership_run_id,
				    places_loaded_at IS NOT NULL, finished_at IS NOT NULL
				FROM world_loads WHERE id = 1
				""")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
					rs.getBoolean(5), rs.getBoolean(6)))
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Row row = found.get();
		if (row.finished) {
			this.finished = true;
			return Optional.empty();
		}
		if (!row.placesLoaded) {
			Optional<WorldPlaceImport.RunState> run = row.placeRun == null ? Optional.empty()
					: this.places.state(row.placeRun).filter(WorldPlaceImport.RunState::running);
			if (run.isEmpty()) {
				return Optional.of(new Loading(Step.STARTING, row.placesTotal, 0, false, row.placesTotal));
			}
			long read = run.get().rowsDone();
			return Optional.of(new Loading(Step.PLACES, row.placesTotal, share(read, row.placesTotal),
					row.placesTotal > 0 && read >= row.placesTotal, row.placesTotal));
		}
		long read = row.pairRun == null ? 0
				: this.partnerships.state(row.pairRun)
					.filter(WorldPartnershipImport.PairRunState::running)
					.map(WorldPartnershipImport.PairRunState::rowsRead)
					.orElse(0L);
		return Optional.of(new Loading(Step.PARTNERSHIPS, row.pairsTotal, share(read, row.pairsTotal),
				row.pairsTotal > 0 && read >= row.pairsTotal, row.placesTotal));
	}

	private static double share(long done, long total) {
		return total <= 0 ? 0 : Math.min(0.99, Math.max(0, (double) done / total));
	}

	private record Row(long placesTotal, long pairsTotal, Long placeRun, Long pairRun, boolean placesLoaded,
			boolean finished) {
	}
}
