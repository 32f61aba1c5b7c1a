package org.citybridge.municipality.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.RunHeartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
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
class ImportRuns {

	private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

	static final int LISTED_REJECTIONS = 100;

	private static final String UPLOAD_PREFIX = "citybridge-import-";

	private static final String UPLOAD_SUFFIX = ".upload";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One run, as its page shows it. */
	record Run(long id, String fileName, boolean skipInvalid, String status, long rowsDone, long rejected,
			double rowsPerSecond, Map<String, Object> report, Instant startedAt, Instant finishedAt) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}
	}

	private final JdbcClient jdbc;

	private final MunicipalityImport importer;

	private final TaskExecutor executor;

	private final TransactionTemplate transaction;

	/** For writes beside an import's transaction (progress), on a connection of their own. */
	private final TransactionTemplate ownTransaction;

	private final AuditLog audit;

	private final RunHeartbeat heartbeat;

	ImportRuns(JdbcClient jdbc, MunicipalityImport importer, TaskExecutor executor, TransactionTemplate transaction,
			AuditLog audit, @Value("${citybridge.imports.heartbeat-limit:PT2M}") Duration heartbeatLimit) {
		this.jdbc = jdbc;
		this.heartbeat = new RunHeartbeat(jdbc, "import_runs", heartbeatLimit).afterReaping(this::removeLeftUploads);
		this.importer = importer;
		this.executor = executor;
		this.transaction = transaction;
		this.ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
	}

	static boolean mayImport(Actor actor) {
		return actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN;
	}

	/** Keeps the upload aside and starts importing it; returns the run's id at once. */
	long start(Actor actor, String actorLabel, String fileName, InputStream upload, boolean skipInvalid) throws IOException {
		if (!mayImport(actor)) {
			throw new AccessDeniedException("Only staff and administrators import municipalities");
		}
		Path file = Files.createTempFile(UPLOAD_PREFIX, UPLOAD_SUFFIX);
		String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
		long id;
		try {
			// The run, and where its copy is, are recorded before the copy is made: whatever happens
			// next, the copy is removed when the run ends or is found interrupted.
			id = this.transaction.execute(status -> {
				long runId = this.jdbc.sql("""
						INSERT INTO import_runs (started_by, file_name, skip_invalid, upload_path) VALUES (?, ?, ?, ?) RETURNING id
						""")
					.params(actor.accountId(), name.length() > 255 ? name.substring(0, 255) : name, skipInvalid,
							file.toString())
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
		this.heartbeat.started(id);
		try {
			Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
			this.executor.execute(() -> run(id, file, skipInvalid));
		}
		catch (IOException | RuntimeException ex) {
			this.heartbeat.ended(id);
			try {
				finish(id, "FAILED", 0, 0, 0, Map.of());
			}
			finally {
				removeUpload(id, file);
			}
			throw ex;
		}
		return id;
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
			finish(id, report.applied() ? "APPLIED" : "REFUSED", report.rows(), report.rejected(), report.rowsPerSecond(),
					summary(report));
		}
		catch (ImportFileInvalid invalid) {
			finish(id, "REFUSED", 0, 0, 0, Map.of("fileProblem", invalid.getMessage()));
		}
		catch (RuntimeException | Error ex) {
			// An Error too (an OutOfMemoryError, say): the run ends FAILED rather than RUNNING for ever.
			log.error("Import run {} failed", id, ex);
			finish(id, "FAILED", 0, 0, 0, Map.of());
		}
		finally {
			this.heartbeat.ended(id);
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
	void removeLeftUploads() {
		List<Map.Entry<Long, String>> left = this.jdbc
			.sql("SELECT id, upload_path FROM import_runs WHERE upload_path IS NOT NULL AND status <> 'RUNNING'")
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
	 * Runs left RUNNING by an instance that stopped are marked FAILED (interrupted), now and from
	 * time to time. Started before the application runners, so that a command-line import beats too.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void startHeartbeat() {
		this.heartbeat.start();
	}

	@PreDestroy
	void stopHeartbeat() {
		this.heartbeat.close();
	}

	/** Marks the runs of stopped instances FAILED (interrupted) now; returns how many. */
	int reapInterrupted() {
		return this.heartbeat.reap();
	}

	/**
	 * Writes a run's progress in a transaction and on a connection of its own: the import's own
	 * connection is busy with the open {@code COPY} (a statement sent on it would wait for the
	 * COPY to end, and the COPY for the statement). A progress write that fails is logged and the
	 * import goes on; its end is written either way.
	 */
	private void progress(long id, long done, long rejected, double rate) {
		try {
			this.ownTransaction.executeWithoutResult(status -> this.jdbc
				.sql("UPDATE import_runs SET rows_done = ?, rejected = ?, rows_per_second = ? WHERE id = ? AND status = 'RUNNING'")
				.params(done, Math.min(rejected, done), Math.round(rate * 10) / 10.0, id)
				.update());
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the progress of import run {}: {}", id, ex.getMessage());
		}
	}

	private void finish(long id, String status, long rows, long rejected, double rate, Map<String, Object> report) {
		this.jdbc.sql("""
				UPDATE import_runs SET status = ?, rows_done = ?, rejected = ?, rows_per_second = ?, report = ?::jsonb,
				  finished_at = now() WHERE id = ?
				""").params(status, rows, Math.min(rejected, rows), Math.round(rate * 10) / 10.0,
				JSON.writeValueAsString(report), id).update();
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

	Optional<Run> find(long id) {
		return this.jdbc.sql("""
				SELECT id, file_name, skip_invalid, status, rows_done, rejected, rows_per_second, report::text, started_at, finished_at
				FROM import_runs WHERE id = ?
				""").param(id).query(ImportRuns::run).optional();
	}

	List<Run> recent() {
		return this.jdbc.sql("""
				SELECT id, file_name, skip_invalid, status, rows_done, rejected, rows_per_second, report::text, started_at, finished_at
				FROM import_runs ORDER BY started_at DESC, id DESC LIMIT 20
				""").query(ImportRuns::run).list();
	}

	@SuppressWarnings("unchecked")
	private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String report = rs.getString(8);
		return new Run(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
				rs.getDouble(7), report == null ? Map.of() : JSON.readValue(report, LinkedHashMap.class),
				rs.getTimestamp(9).toInstant(),
				rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant());
	}
}
