package org.citybridge.agreement.imports;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;

import org.citybridge.agreement.imports.PartnershipCsv.Row;
import org.citybridge.agreement.imports.PartnershipImport.Report;
import org.citybridge.agreement.imports.PartnershipImport.RowOutcome;
import org.citybridge.agreement.imports.PartnershipImport.RowResult;
import org.citybridge.agreement.imports.PartnershipMatcher.Candidate;
import org.citybridge.agreement.imports.PartnershipMatcher.Side;
import org.citybridge.agreement.imports.PartnershipMatcher.SideMatch;
import org.citybridge.agreement.imports.PartnershipRegister.ListKind;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.agreement.AgreementPolicy;

/**
 * Partnership imports as runs: each has a row in {@code partnership_import_runs} with its progress
 * (rows read, matched, ambiguous, unmatched) and final report (by reason, by country), and keeps
 * its ambiguous and unmatched rows in {@code partnership_import_rows}, where ambiguous ones wait
 * for staff's review. Uploads run in the background; the command line runs the same in the
 * foreground.
 */
@Service
class PartnershipImportRuns {

	private static final Logger log = LoggerFactory.getLogger(PartnershipImportRuns.class);

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** One run, as its page shows it. */
	public record Run(long id, String fileName, String status, long rowsRead, long matched, long ambiguous,
			long unmatched, long alreadyPresent, Map<String, Object> report, Instant startedAt, Instant finishedAt) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}
	}

	private final JdbcClient jdbc;

	private final PartnershipImport importer;

	private final AgreementPolicy policy;

	private final TaskExecutor executor;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	private final RunHeartbeat heartbeat;

	PartnershipImportRuns(JdbcClient jdbc, PartnershipImport importer, AgreementPolicy policy, TaskExecutor executor,
			TransactionTemplate transaction, AuditLog audit,
			@Value("${citybridge.imports.heartbeat-limit:PT2M}") Duration heartbeatLimit) {
		this.jdbc = jdbc;
		this.heartbeat = new RunHeartbeat(jdbc, "partnership_import_runs", heartbeatLimit);
		this.importer = importer;
		this.policy = policy;
		this.executor = executor;
		this.transaction = transaction;
		this.audit = audit;
	}

	boolean mayImport(Actor actor) {
		return actor != null && this.policy.mayImport(actor);
	}

	/**
	 * Checks the upload (a file that is no partnership list is refused here, with its reason) and
	 * starts importing it in the background; returns the run's id at once.
	 */
	long start(Actor actor, String actorLabel, String fileName, InputStream upload, ListKind kind) {
		if (!mayImport(actor)) {
			throw new AccessDeniedException("Only staff and administrators import partnerships");
		}
		long started = System.nanoTime();
		List<Row> rows = PartnershipCsv.read(upload);
		String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
		long id = create(actor, actorLabel, name, kind);
		PartnershipImport.Options options = new PartnershipImport.Options(kind, name, true, actor, actorLabel);
		this.heartbeat.started(id);
		try {
			this.executor.execute(() -> execute(id, rows, options, started));
		}
		catch (RuntimeException ex) {
			this.heartbeat.ended(id);
			failed(id);
			throw ex;
		}
		return id;
	}

	/** The command line's run: the same bookkeeping, in the foreground. */
	Report runNow(List<Row> rows, PartnershipImport.Options options, PartnershipImport.Progress console) {
		long started = System.nanoTime();
		long id = create(options.actor(), options.actorLabel(), options.fileName(), options.kind());
		this.heartbeat.started(id);
		return execute(id, rows, options, started, console);
	}

	private long create(Actor actor, String actorLabel, String name, ListKind kind) {
		String fileName = name.length() > 255 ? name.substring(0, 255) : name;
		return this.transaction.execute(status -> {
			long runId = this.jdbc.sql("INSERT INTO partnership_import_runs (started_by, file_name) VALUES (?, ?) RETURNING id")
				.params(actor == null ? null : actor.accountId(), fileName)
				.query(Long.class)
				.single();
			this.audit.record(actor == null ? AuditLog.Who.SYSTEM : new AuditLog.Who(actor.accountId(), actorLabel),
					"partnership-import", runId, AuditLog.Action.CREATE, null, Map.of("file", fileName, "list", kind.name()));
			return runId;
		});
	}

	private void execute(long id, List<Row> rows, PartnershipImport.Options options, long started) {
		execute(id, rows, options, started, PartnershipImport.Progress.NONE);
	}

	private Report execute(long id, List<Row> rows, PartnershipImport.Options options, long started,
			PartnershipImport.Progress console) {
		try {
			Report report = this.importer.importRows(rows, options, (read, matched, ambiguous, unmatched) -> {
				console.rows(read, matched, ambiguous, unmatched);
				progress(id, read, matched, ambiguous, unmatched);
			}, started);
			finish(id, report);
			return report;
		}
		catch (RuntimeException ex) {
			log.error("Partnership import run {} failed", id, ex);
			failed(id);
			throw ex;
		}
		finally {
			this.heartbeat.ended(id);
		}
	}

	private void failed(long id) {
		this.jdbc.sql("UPDATE partnership_import_runs SET status = 'FAILED', finished_at = now() WHERE id = ?")
			.param(id)
			.update();
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

	private void progress(long id, long read, long matched, long ambiguous, long unmatched) {
		this.jdbc.sql("""
				UPDATE partnership_import_runs SET rows_read = ?, matched = ?, ambiguous = ?, unmatched = ?
				WHERE id = ? AND status = 'RUNNING'
				""").params(read, matched, ambiguous, unmatched, id).update();
	}

	private void finish(long id, Report r) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("rows", r.rows());
		summary.put("added", r.added());
		summary.put("alreadyPresent", r.alreadyPresent());
		summary.put("ambiguous", r.ambiguous());
		summary.put("unmatched", r.unmatched());
		summary.put("sidesMatched", r.sidesMatched());
		summary.put("sidesAmbiguous", r.sidesAmbiguous());
		summary.put("reasons", r.unmatchedSidesByReason());
		List<Map<String, Object>> countries = new ArrayList<>();
		r.byCountry().entrySet().stream()
			.sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())))
			.forEach(e -> {
				Map<String, Object> c = new LinkedHashMap<>();
				c.put("country", e.getKey());
				c.put("added", e.getValue()[0]);
				c.put("alreadyPresent", e.getValue()[1]);
				c.put("ambiguous", e.getValue()[2]);
				c.put("unmatched", e.getValue()[3]);
				countries.add(c);
			});
		summary.put("countries", countries);
		summary.put("alternateNames", r.alternateNames());
		summary.put("seconds", r.duration().toMillis() / 1000.0);
		List<Long> lines = new ArrayList<>();
		List<String> outcomes = new ArrayList<>();
		List<String> sides = new ArrayList<>();
		for (RowResult x : r.results()) {
			if (x.outcome() == RowOutcome.AMBIGUOUS || x.outcome() == RowOutcome.UNMATCHED) {
				lines.add(x.row().line());
				outcomes.add(x.outcome().name());
				sides.add(JSON.writeValueAsString(List.of(side(x.row().first(), x.first()), side(x.row().second(), x.second()))));
			}
		}
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql("""
					INSERT INTO partnership_import_rows (run_id, line, outcome, sides)
					SELECT ?, r.line, r.outcome, r.sides::jsonb FROM unnest(?::bigint[], ?::text[], ?::text[]) AS r (line, outcome, sides)
					""").params(id, lines.toArray(Long[]::new), outcomes.toArray(String[]::new), sides.toArray(String[]::new))
				.update();
			this.jdbc.sql("""
					UPDATE partnership_import_runs SET status = 'APPLIED', rows_read = ?, matched = ?, ambiguous = ?,
					    unmatched = ?, already_present = ?, report = ?::jsonb, finished_at = now() WHERE id = ?
					""").params(r.rows(), r.added(), r.ambiguous(), r.unmatched(), r.alreadyPresent(),
					JSON.writeValueAsString(summary), id).update();
		});
	}

	static Map<String, Object> side(Side side, SideMatch m) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", side.name());
		s.put("country", side.country());
		s.put("latitude", side.latitude());
		s.put("longitude", side.longitude());
		s.put("outcome", m.outcome().name());
		s.put("reason", m.reason() == null ? null : m.reason().name());
		s.put("spelling", m.spelling());
		s.put("match", m.match() == null ? null : candidate(m.match()));
		s.put("candidates", m.candidates().stream().map(PartnershipImportRuns::candidate).toList());
		return s;
	}

	private static Map<String, Object> candidate(Candidate c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("name", c.name());
		m.put("countryCode", c.countryCode());
		m.put("geonamesId", c.geonamesId());
		m.put("latitude", c.latitude());
		m.put("longitude", c.longitude());
		m.put("distanceKm", c.distanceKm() == null ? null : Math.round(c.distanceKm() * 10) / 10.0);
		return m;
	}

	private static long total(long[] counts) {
		return counts[0] + counts[1] + counts[2] + counts[3];
	}

	Optional<Run> find(long id) {
		return this.jdbc.sql("""
				SELECT id, file_name, status, rows_read, matched, ambiguous, unmatched, already_present, report::text,
				    started_at, finished_at
				FROM partnership_import_runs WHERE id = ?
				""").param(id).query(PartnershipImportRuns::run).optional();
	}

	List<Run> recent() {
		return this.jdbc.sql("""
				SELECT id, file_name, status, rows_read, matched, ambiguous, unmatched, already_present, report::text,
				    started_at, finished_at
				FROM partnership_import_runs ORDER BY started_at DESC, id DESC LIMIT 20
				""").query(PartnershipImportRuns::run).list();
	}

	@SuppressWarnings("unchecked")
	private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String report = rs.getString(9);
		return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
				rs.getLong(7), rs.getLong(8), report == null ? Map.of() : JSON.readValue(report, LinkedHashMap.class),
				rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
	}
}
