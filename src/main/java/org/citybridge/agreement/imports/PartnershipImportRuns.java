package org.citybridge.agreement.imports;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.agreement.AgreementSource;
import org.citybridge.agreement.imports.PartnershipCsv.Row;
import org.citybridge.agreement.imports.PartnershipImport.Report;
import org.citybridge.agreement.imports.PartnershipImport.RowOutcome;
import org.citybridge.agreement.imports.PartnershipImport.RowResult;
import org.citybridge.agreement.imports.PartnershipMatcher.Candidate;
import org.citybridge.agreement.imports.PartnershipMatcher.Side;
import org.citybridge.agreement.imports.PartnershipMatcher.SideMatch;
import org.citybridge.agreement.imports.PartnershipRegister.ListSource;
import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.RunBook;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partnership imports as runs: each has a row in {@code partnership_import_runs} with its progress
 * (rows read, matched, ambiguous, unmatched) and final report (by reason, by country), and keeps
 * its ambiguous and unmatched rows in {@code partnership_import_rows}, where ambiguous ones wait
 * for staff's review. Uploads run in the background; the command line runs the same in the
 * foreground.
 */
@Service
class PartnershipImportRuns extends RunBook<PartnershipImportRuns.Run> {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** One run, as its page shows it, with the source its entries get in the register. */
	public record Run(long id, String fileName, String status, long rowsRead, long matched, long ambiguous,
			long unmatched, long alreadyPresent, Map<String, Object> report, Instant startedAt, Instant finishedAt,
			ListSource source) implements RunBook.Run {
	}

	/** One row of a run's file as its report lists it: its line, how it ended and, for an unmatched one, why. */
	public record ReportRow(long id, long line, String outcome, String reason, boolean resolved,
			PartnershipReview.ReviewSide first, PartnershipReview.ReviewSide second) {

		public boolean ambiguous() {
			return "AMBIGUOUS".equals(this.outcome);
		}

		public String record() {
			return this.first.name() + ", " + this.first.country() + " – " + this.second.name() + ", "
					+ this.second.country();
		}
	}

	/** How many rows of a run's report a page lists. */
	static final int REPORT_PAGE_SIZE = 50;

	private final PartnershipImport importer;

	private final AgreementPolicy policy;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	PartnershipImportRuns(JdbcClient jdbc, PartnershipImport importer, AgreementPolicy policy, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			TransactionTemplate transaction, AuditLog audit,
			@Value("${citybridge.imports.heartbeat-limit:PT2M}") Duration heartbeatLimit) {
		super(jdbc, executor, "partnership_import_runs", """
				id, file_name, status, rows_read, matched, ambiguous, unmatched, already_present, report::text,
				    started_at, finished_at, source_kind, source_name, source_attribution, source_url""",
				(rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7), rs.getLong(8), report(rs.getString(9)), rs.getTimestamp(10).toInstant(),
						rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
						new ListSource(AgreementSource.Kind.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14),
								rs.getString(15))),
				heartbeatLimit);
		this.importer = importer;
		this.policy = policy;
		this.transaction = transaction;
		this.audit = audit;
	}

	boolean mayImport(Actor actor) {
		return actor != null && this.policy.mayImport(actor);
	}

	/** @throws AccessDeniedException unless the actor is staff or an administrator */
	void requireImporter(Actor actor) {
		if (!mayImport(actor)) {
			throw new AccessDeniedException("Only staff and administrators import partnerships");
		}
	}

	/**
	 * Checks the upload (a file that is no partnership list is refused here, with its reason) and
	 * starts importing it in the background; returns the run's id at once.
	 */
	long start(Actor actor, String actorLabel, String fileName, InputStream upload, ListSource source) {
		requireImporter(actor);
		long started = System.nanoTime();
		List<Row> rows = PartnershipCsv.read(upload);
		String name = fileName(fileName, "upload.csv");
		long id = create(actor, actorLabel, name, source);
		PartnershipImport.Options options = new PartnershipImport.Options(source, name, true, actor, actorLabel);
		inBackground(id, () -> execute(id, rows, options, started, PartnershipImport.Progress.NONE));
		return id;
	}

	/** The command line's run: the same bookkeeping, in the foreground. */
	Report runNow(List<Row> rows, PartnershipImport.Options options, PartnershipImport.Progress console) {
		return runNow(rows, options, console, id -> {
		});
	}

	/** The same, telling {@code created} the run's id before the first row is matched. */
	Report runNow(List<Row> rows, PartnershipImport.Options options, PartnershipImport.Progress console,
			java.util.function.LongConsumer created) {
		long started = System.nanoTime();
		long id = create(options.actor(), options.actorLabel(), options.fileName(), options.source());
		created.accept(id);
		return inForeground(id, () -> execute(id, rows, options, started, console));
	}

	private long create(Actor actor, String actorLabel, String name, ListSource source) {
		String fileName = column(name);
		// Checked as the register will keep it (lengths, a web address or none), so that the run shows what its entries get.
		AgreementSource checked = source.forRow(null);
		return this.transaction.execute(status -> {
			long runId = this.jdbc.sql("""
					INSERT INTO partnership_import_runs (started_by, file_name, source_kind, source_name, source_attribution, source_url)
					VALUES (?, ?, ?, ?, ?, ?) RETURNING id
					""")
				.params(actor == null ? null : actor.accountId(), fileName, checked.kind().name(), checked.name(),
						checked.attribution(), checked.url())
				.query(Long.class)
				.single();
			Map<String, Object> audited = new LinkedHashMap<>();
			audited.put("file", fileName);
			audited.put("list", checked.kind() == AgreementSource.Kind.PUBLIC_LIST ? "WIKIPEDIA" : "OWN");
			audited.put("sourceName", checked.name());
			audited.put("sourceAttribution", checked.attribution());
			audited.put("sourceUrl", checked.url());
			this.audit.record(actor == null ? AuditLog.Who.SYSTEM : new AuditLog.Who(actor.accountId(), actorLabel),
					"partnership-import", runId, AuditLog.Action.CREATE, null, audited);
			return runId;
		});
	}

	/** How many of a run's rows have the outcome and reason (null: any). */
	long rowCount(long runId, String outcome, String reason) {
		return this.jdbc.sql("""
				SELECT count(*) FROM partnership_import_rows
				WHERE run_id = ? AND (?::text IS NULL OR outcome = ?) AND (?::text IS NULL OR reason = ?)
				""").params(runId, outcome, outcome, reason, reason).query(Long.class).single();
	}

	/** A page of a run's rows in the order of its file, all or those of one outcome (and of one reason). */
	List<ReportRow> rows(long runId, String outcome, String reason, int page) {
		return this.jdbc.sql("""
				SELECT id, line, outcome, reason, resolved_at IS NOT NULL, sides::text FROM partnership_import_rows
				WHERE run_id = ? AND (?::text IS NULL OR outcome = ?) AND (?::text IS NULL OR reason = ?)
				ORDER BY line, id LIMIT ? OFFSET ?
				""")
			.params(runId, outcome, outcome, reason, reason, REPORT_PAGE_SIZE, (long) page * REPORT_PAGE_SIZE)
			.query((rs, n) -> {
				PartnershipReview.ReviewRow sides = PartnershipReview.row(rs.getLong(1), runId, rs.getLong(2),
						rs.getBoolean(5), rs.getString(6), false);
				return new ReportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
						sides.first(), sides.second());
			})
			.list();
	}

	private Report execute(long id, List<Row> rows, PartnershipImport.Options options, long started,
			PartnershipImport.Progress console) {
		Report report = this.importer.importRows(rows, options, (read, matched, ambiguous, unmatched) -> {
			console.rows(read, matched, ambiguous, unmatched);
			progress(id, "rows_read = ?, matched = ?, ambiguous = ?, unmatched = ?", read, matched, ambiguous, unmatched);
		}, started);
		finish(id, report);
		return report;
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
		// Every row is kept, matched ones too, so that the report lists each row of the file with its line.
		List<Long> lines = new ArrayList<>();
		List<String> outcomes = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		List<String> sides = new ArrayList<>();
		for (RowResult x : r.results()) {
			lines.add(x.row().line());
			outcomes.add(x.outcome().name());
			reasons.add(x.outcome() == RowOutcome.UNMATCHED ? reason(x) : null);
			sides.add(JSON.writeValueAsString(List.of(side(x.row().first(), x.first()), side(x.row().second(), x.second()))));
		}
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql("""
					INSERT INTO partnership_import_rows (run_id, line, outcome, reason, sides)
					SELECT ?, r.line, r.outcome, r.reason, r.sides::jsonb
					FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS r (line, outcome, reason, sides)
					""").params(id, lines.toArray(Long[]::new), outcomes.toArray(String[]::new), reasons.toArray(String[]::new),
						sides.toArray(String[]::new))
				.update();
			finish(id, RunBook.Status.APPLIED, "rows_read = ?, matched = ?, ambiguous = ?, unmatched = ?, already_present = ?, report = ?::jsonb",
					r.rows(), r.added(), r.ambiguous(), r.unmatched(), r.alreadyPresent(), json(summary));
		});
	}

	/** Why an unmatched row failed: the reason of its first unmatched side. */
	private static String reason(RowResult x) {
		SideMatch m = x.first().outcome() == PartnershipMatcher.Outcome.UNMATCHED ? x.first() : x.second();
		return m.reason() == null ? PartnershipMatcher.Reason.NO_SUCH_NAME.name() : m.reason().name();
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
}
