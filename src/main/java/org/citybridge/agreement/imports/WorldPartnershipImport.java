package org.citybridge.agreement.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.citybridge.system.RunBook;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The partnership import as the portal runs it on its own, with no one's account: Wikipedia's lists
 * of twin towns loaded at first start after the world's places (issue 22). Each load is a run in
 * {@code partnership_import_runs} like a staff upload's, with Wikipedia's lists as the source of
 * what it registers; a pair already registered counts as already present, so loading again, or
 * after an interrupted load, adds no duplicate.
 */
@Service
@NamedInterface("world")
public class WorldPartnershipImport {

	/** How a load ended: rows read, pairs added and already present. */
	public record Registered(long runId, long rows, long added, long alreadyPresent) {
	}

	/** A run as the home page follows it: still running or not, and the rows matched so far. */
	public record PairRunState(boolean running, boolean applied, long rowsRead) {
	}

	private final PartnershipImportRuns runs;

	WorldPartnershipImport(PartnershipImportRuns runs) {
		this.runs = runs;
	}

	/** How many pairs the list {@code input} opens holds (gzip or plain). */
	public int count(Supplier<InputStream> input) {
		return read(input).size();
	}

	/**
	 * Matches and registers the pairs of the list {@code input} opens, on this thread, as a run of
	 * the system; {@code created} hears the run's id before the first row is matched.
	 */
	public Registered load(String fileName, Supplier<InputStream> input, LongConsumer created) {
		List<PartnershipCsv.Row> rows = read(input);
		long[] id = new long[1];
		PartnershipImport.Report report = this.runs.runNow(rows,
				new PartnershipImport.Options(PartnershipRegister.ListSource.wikipedia(), fileName, true, null, "portal"),
				PartnershipImport.Progress.NONE, runId -> {
					id[0] = runId;
					created.accept(runId);
				});
		return new Registered(id[0], report.rows(), report.added(), report.alreadyPresent());
	}

	/** The run's state, if it exists. */
	public Optional<PairRunState> state(long runId) {
		return this.runs.find(runId)
			.map(r -> new PairRunState(r.running(), RunBook.Status.APPLIED.name().equals(r.status()), r.rowsRead()));
	}

	private static List<PartnershipCsv.Row> read(Supplier<InputStream> input) {
		try (InputStream in = input.get()) {
			return PartnershipCsv.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
