package org.citybridge.municipality.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.RunBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports that staff start from the portal: the file is kept aside, imported in the background,
 * and its progress (rows done, rejected, rate) and report are written to {@code import_runs} as it
 * goes, so the page can show them from any portal instance. While it runs, its instance keeps its
 * heartbeat; a run whose instance died is marked FAILED (interrupted) by the next instance to look.
 * The copy of the upload is recorded on the run ({@code upload_path}) and removed when the run
 * ends, or, when its instance died, after the run is marked interrupted.
 */
@Service
class ImportRuns extends RunBook<ImportRuns.Run> {

	private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

	static final int LISTED_REJECTIONS = 100;

	private static final String UPLOAD_PREFIX = "citybridge-import-";

	private static final String UPLOAD_SUFFIX = ".upload";

	/** One run, as its page shows it. */
	record Run(long id, String fileName, boolean skipInvalid, String status, long rowsDone, long rejected,
			double rowsPerSecond, Map<String, Object> report, Instant startedAt, Instant finishedAt) implements RunBook.Run {
	}

	private final MunicipalityImport importer;

	private final TransactionTemplate transaction;

	/** For writes beside an import's transaction (progress), on a connection of their own. */
	private final TransactionTemplate ownTransaction;

	private final AuditLog audit;

	/** The copies of the uploads this instance's runs work on. */
	private final Map<Long, Path> uploads = new ConcurrentHashMap<>();

	ImportRuns(JdbcClient jdbc, MunicipalityImport importer, @Qualifier("applicationTaskExecutor") TaskExecutor executor, TransactionTemplate transaction,
			AuditLog audit, @Value("${citybridge.imports.heartbeat-limit:PT2M}") Duration heartbeatLimit) {
		super(jdbc, executor, "import_runs",
				"id, file_name, skip_invalid, status, rows_done, rejected, rows_per_second, report::text, started_at, finished_at",
				(rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getLong(5),
						rs.getLong(6), rs.getDouble(7), report(rs.getString(8)), rs.getTimestamp(9).toInstant(),
						rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()),
				heartbeatLimit);
		this.importer = importer;
		this.transaction = transaction;
		this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
	}

	static boolean mayImport(Actor actor) {
		return actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN;
	}

	/** @throws AccessDeniedException unless the actor is staff or an administrator */
	static void requireImporter(Actor actor) {
		if (!mayImport(actor)) {
			throw new AccessDeniedException("Only staff and administrators import municipalities");
		}
	}

	/** Keeps the upload aside and starts importing it; returns the run's id at once. */
	long start(Actor actor, String actorLabel, String fileName, InputStream upload, boolean skipInvalid) throws IOException {
		requireImporter(actor);
		Path file = Files.createTempFile(UPLOAD_PREFIX, UPLOAD_SUFFIX);
		String name = fileName(fileName, "upload");
		long id;
		try {
			// The run, and where its copy is, are recorded before the copy is made: whatever happens
			// next, the copy is removed when the run ends or is found interrupted.
			id = this.transaction.execute(status -> {
				long runId = this.jdbc.sql("""
						INSERT INTO import_runs (started_by, file_name, skip_invalid, upload_path) VALUES (?, ?, ?, ?) RETURNING id
						""")
					.params(actor.accountId(), column(name), skipInvalid, file.toString())
					.query(Long.class)
					.single();
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "import", runId, AuditLog.Action.CREATE,
						null, Map.of("file", name, "skipInvalid", skipInvalid));
				return runId;
			});
		}
		catch (RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		this.uploads.put(id, file);
		begin(id);
		try {
			Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			abandon(id);
			throw ex;
		}
		inBackground(id, () -> run(id, file, skipInvalid));
		return id;
	}

	/**
	 * A run the portal starts itself (no one's account: the world loaded at first start), recorded
	 * like an upload's and worked on this thread: {@code created} hears the run's id before the first
	 * row is read, so that its progress can be followed from any instance. Invalid rows are skipped.
	 */
	ImportReport runNow(String fileName, Supplier<InputStream> input, LongConsumer created) {
		long id = this.transaction.execute(status -> {
			long runId = this.jdbc.sql("INSERT INTO import_runs (file_name, skip_invalid) VALUES (?, true) RETURNING id")
				.param(column(fileName(fileName, "places")))
				.query(Long.class)
				.single();
			this.audit.record(AuditLog.Who.SYSTEM, "import", runId, AuditLog.Action.CREATE, null,
					Map.of("file", fileName, "skipInvalid", true));
			return runId;
		});
		created.accept(id);
		return inForeground(id, () -> {
			try (InputStream in = input.get()) {
				ImportReport report = this.importer.importStream(in, ImportOptions.skippingInvalidRows(),
						progressOf(id));
				finish(id, report.applied() ? RunBook.Status.APPLIED : RunBook.Status.REFUSED, report.rows(),
						report.rejected(), report.rowsPerSecond(), summary(report));
				return report;
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException("Cannot read " + fileName, ex);
			}
		});
	}

	private ImportProgress progressOf(long id) {
		return new ImportProgress() {
			@Override
			public void rows(long done, long rejected, double rowsPerSecond) {
				progress(id, done, rejected, rowsPerSecond);
			}

			@Override
			public void rejected(ImportReport.Rejection rejection) {
			}
		};
	}

	private void run(long id, Path file, boolean skipInvalid) {
		try {
			ImportReport report = this.importer.importFile(file,
					skipInvalid ? ImportOptions.skippingInvalidRows() : ImportOptions.allOrNothing(), new ImportProgress() {
						@Override
						public void rows(long done, long rejected, double rowsPerSecond) {
							progress(id, done, rejected, rowsPerSecond);
						}

						@Override
						public void rejected(ImportReport.Rejection rejection) {
						}
					});
			finish(id, report.applied() ? RunBook.Status.APPLIED : RunBook.Status.REFUSED, report.rows(), report.rejected(), report.rowsPerSecond(),
					summary(report));
		}
		catch (ImportFileInvalid invalid) {
			finish(id, RunBook.Status.REFUSED, 0, 0, 0, Map.of("fileProblem", invalid.getMessage()));
		}
	}

	/** A failed run shows no counters and an empty report. */
	@Override
	protected void failed(long id) {
		finish(id, RunBook.Status.FAILED, 0, 0, 0, Map.of());
	}

	@Override
	protected void ended(long id) {
		Path file = this.uploads.remove(id);
		if (file != null) {
			removeUpload(id, file);
		}
	}

	/** Removes the copy of a run's upload, then forgets where it was; a copy that cannot be removed stays recorded. */
	private void removeUpload(long id, Path file) {
		try {
			Files.deleteIfExists(file);
			this.jdbc.sql("UPDATE import_runs SET upload_path = NULL WHERE id = ?").param(id).update();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not remove the copy of the upload of import run {}: {}", id, ex.toString());
		}
	}

	/**
	 * Removes the upload copies that ended runs left behind: those of runs marked interrupted
	 * (their instance died while they ran) or whose instance died between the run's end and the
	 * removal. Runs after every reaping, at start-up and then every quarter of the heartbeat limit.
	 * Only files named as this class names them are touched.
	 */
	@Override
	protected void afterReaping() {
		List<Map.Entry<Long, String>> left = this.jdbc
			.sql("SELECT id, upload_path FROM import_runs WHERE upload_path IS NOT NULL AND status <> ?")
			.param(RunBook.Status.RUNNING.name())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list();
		for (Map.Entry<Long, String> run : left) {
			Path file = Path.of(run.getValue());
			String name = file.getFileName() == null ? "" : file.getFileName().toString();
			if (name.startsWith(UPLOAD_PREFIX) && name.endsWith(UPLOAD_SUFFIX)) {
				removeUpload(run.getKey(), file);
			}
		}
	}

	/**
	 * Writes a run's progress in a transaction and on a connection of its own: the import's own
	 * connection is busy with the open {@code COPY} (a statement sent on it would wait for the
	 * COPY to end, and the COPY for the statement). A progress write that fails is logged and the
	 * import goes on; its end is written either way.
	 */
	private void progress(long id, long done, long rejected, double rate) {
		try {
			this.ownTransaction.executeWithoutResult(status -> progress(id, "rows_done = ?, rejected = ?, rows_per_second = ?",
					done, Math.min(rejected, done), tenths(rate)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the progress of import run {}: {}", id, ex.getMessage());
		}
	}

	private void finish(long id, RunBook.Status status, long rows, long rejected, double rate, Map<String, Object> report) {
		finish(id, status, "rows_done = ?, rejected = ?, rows_per_second = ?, report = ?::jsonb", rows,
				Math.min(rejected, rows), tenths(rate), json(report));
	}

	private static Map<String, Object> summary(ImportReport report) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("rows", report.rows());
		summary.put("rejected", report.rejected());
		summary.put("notLiving", report.notLiving());
		summary.put("applied", report.applied());
		summary.put("inserted", report.inserted());
		summary.put("updated", report.updated());
		summary.put("unchanged", report.unchanged());
		summary.put("seconds", report.duration().toMillis() / 1000.0);
		summary.put("rejections", report.rejections().stream().limit(LISTED_REJECTIONS)
			.map(r -> Map.of("line", r.line(), "reason", r.reason().name(), "value", String.valueOf(r.value())))
			.toList());
		return summary;
	}
}
