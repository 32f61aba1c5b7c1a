package org.citybridge.municipality.imports;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.citybridge.system.RunBook;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The place import as the portal runs it on its own, with no one's account: the world's places
 * loaded at first start (issue 22). Each load is a run in {@code import_runs} like a staff upload's
 * (progress, report, heartbeat, marked interrupted when its instance stops), so any instance can
 * show how far it went. Upserted by GeoNames id: loading again adds nothing, and a demo
 * municipality keeps its name, kind and themes.
 */
@Service
@NamedInterface("world")
public class WorldPlaceImport {

	/** How a load ended: applied or not, and how many municipalities it added and updated. */
	public record Loaded(long runId, boolean applied, long rows, long inserted, long updated) {
	}

	/** A run as the home page follows it: still running or not, and the rows read so far. */
	public record RunState(boolean running, boolean applied, long rowsDone) {
	}

	private final ImportRuns runs;

	WorldPlaceImport(ImportRuns runs) {
		this.runs = runs;
	}

	/**
	 * Imports the places {@code input} opens (GeoNames format, gzip or plain) on this thread, as a
	 * run of the system; {@code created} hears the run's id before the first row is read.
	 */
	public Loaded load(String fileName, Supplier<InputStream> input, LongConsumer created) {
		long[] id = new long[1];
		ImportReport report = this.runs.runNow(fileName, input, runId -> {
			id[0] = runId;
			created.accept(runId);
		});
		return new Loaded(id[0], report.applied(), report.rows(), report.inserted(), report.updated());
	}

	/** The run's state, if it exists. */
	public Optional<RunState> state(long runId) {
		return this.runs.find(runId)
			.map(r -> new RunState(r.running(), RunBook.Status.APPLIED.name().equals(r.status()), r.rowsDone()));
	}
}
