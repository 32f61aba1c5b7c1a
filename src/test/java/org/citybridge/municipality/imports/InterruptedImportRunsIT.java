package org.citybridge.municipality.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.RunHeartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import left RUNNING by a portal instance that died (its heartbeat stopped) is marked FAILED,
 * interrupted, and its page says so; a run whose heartbeat is fresh, or that this instance works
 * on, is left alone.
 */
class InterruptedImportRunsIT extends DemoDataIntegrationTest {

	@Autowired
	ImportRuns runs;

	@Autowired
	MunicipalityImport importer;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AuditLog audit;

	long stale;

	long fresh;

	long mine;

	@BeforeEach
	void setUp() {
		this.stale = run("1 hour");
		this.fresh = run("0 seconds");
		// Fresh, so that the portal's own heartbeat (every 30 s) cannot reap it before the test's other instance beats.
		this.mine = run("0 seconds");
	}

	long run(String age) {
		return this.jdbc.sql("""
				INSERT INTO import_runs (file_name, skip_invalid, started_at, heartbeat_at)
				VALUES ('interrupted.csv', false, now() - ?::interval, now() - ?::interval) RETURNING id
				""").params(age, age).query(Long.class).single();
	}

	@AfterEach
	void removeRuns() {
		this.jdbc.sql("DELETE FROM import_runs WHERE file_name = 'interrupted.csv'").update();
	}

	String status(long id) {
		return this.jdbc.sql("SELECT status || ' ' || coalesce(report ->> 'interrupted', '-') || ' ' || (finished_at IS NOT NULL)"
				+ " FROM import_runs WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void runsWhoseHeartbeatStoppedAreMarkedInterrupted() {
		// Another instance's heartbeat keeps its own run: the reaper of that instance skips it.
		try (RunHeartbeat other = new RunHeartbeat(this.jdbc, "import_runs", Duration.ofMinutes(2))) {
			other.started(this.mine);
			assertThat(other.beat()).isEqualTo(1);
		}
		this.runs.reapInterrupted();

		assertThat(status(this.stale)).isEqualTo("FAILED true true");
		assertThat(status(this.fresh)).isEqualTo("RUNNING - false");
		assertThat(status(this.mine)).isEqualTo("RUNNING - false");
		assertThat(this.mvc.get().uri("/municipalities/imports/" + this.stale)
			.with(AccountTestSupport.as(this.context, AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
			.contains("The import was interrupted");

	}

	@Test
	void anInstanceNeverReapsARunItWorksOnEvenWhenItsHeartbeatIsLate() {
		// On a table of runs of its own: the portal's heartbeat reaps late runs of import_runs every 30 s and
		// would take this one between the backdating and the assertion.
		this.jdbc.sql("CREATE TABLE heartbeat_test_runs (LIKE import_runs INCLUDING ALL)").update();
		try (RunHeartbeat self = new RunHeartbeat(this.jdbc, "heartbeat_test_runs", Duration.ofMinutes(2))) {
			long late = this.jdbc.sql("""
					INSERT INTO heartbeat_test_runs (file_name, skip_invalid, started_at, heartbeat_at)
					VALUES ('interrupted.csv', false, now() - interval '1 hour', now() - interval '1 hour') RETURNING id
					""").query(Long.class).single();
			self.started(late);
			assertThat(self.reap()).isZero();
			assertThat(state(late)).isEqualTo("RUNNING - false");
			self.ended(late);
			assertThat(self.reap()).isEqualTo(1);
			assertThat(state(late)).isEqualTo("FAILED true true");
		}
		finally {
			this.jdbc.sql("DROP TABLE heartbeat_test_runs").update();
		}
	}

	String state(long id) {
		return this.jdbc.sql("SELECT status || ' ' || coalesce(report ->> 'interrupted', '-') || ' ' || (finished_at IS NOT NULL)"
				+ " FROM heartbeat_test_runs WHERE id = ?").param(id).query(String.class).single();
	}

	/**
	 * An instance that dies while it imports leaves the copy of the upload (up to 50 MB) in the
	 * temp directory; the instance that marks the run interrupted removes it.
	 */
	@Test
	void theUploadCopyOfARunWhoseInstanceDiedIsRemovedWhenTheRunIsMarkedInterrupted() throws IOException {
		String marker = "interrupted-" + UUID.randomUUID();
		long id = dyingInstance().start(staff(), "staff", "interrupted.csv",
				new ByteArrayInputStream((ImportRunsIT.HEADER + marker + "\n").getBytes(StandardCharsets.UTF_8)), false);
		List<Path> copies = uploadCopiesContaining(marker);
		assertThat(copies).hasSize(1);
		this.jdbc.sql("UPDATE import_runs SET heartbeat_at = now() - interval '1 hour' WHERE id = ?").param(id).update();

		this.runs.reapInterrupted();

		assertThat(status(id)).isEqualTo("FAILED true true");
		assertThat(copies.get(0)).doesNotExist();
	}

	/** An upload that cannot be copied aside (the disk full, the client gone) leaves no partial copy behind. */
	@Test
	void anUploadThatFailsWhileItIsCopiedLeavesNoCopy() throws IOException {
		String marker = "cut-short-" + UUID.randomUUID();
		InputStream cutShort = new InputStream() {

			private final InputStream head = new ByteArrayInputStream(
					(ImportRunsIT.HEADER + marker + "\n").getBytes(StandardCharsets.UTF_8));

			@Override
			public int read() throws IOException {
				int b = this.head.read();
				if (b == -1) {
					throw new IOException("The upload was cut short");
				}
				return b;
			}

			@Override
			public int read(byte[] b, int offset, int length) throws IOException {
				int n = this.head.read(b, offset, length);
				if (n == -1) {
					throw new IOException("The upload was cut short");
				}
				return n;
			}
		};
		assertThatThrownBy(() -> dyingInstance().start(staff(), "staff", "interrupted.csv", cutShort, false))
			.isInstanceOf(IOException.class);
		assertThat(uploadCopiesContaining(marker)).isEmpty();
	}

	/** A portal instance whose executor never runs the import: it dies before the import ends. */
	ImportRuns dyingInstance() {
		return new ImportRuns(this.jdbc, this.importer, task -> {
		}, this.transaction, this.audit, Duration.ofMinutes(2));
	}

	Actor staff() {
		long account = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(AccountTestSupport.STAFF_NALAS)
			.query(Long.class).single();
		return new Actor(account, Actor.Role.STAFF, null, null);
	}

	static List<Path> uploadCopiesContaining(String marker) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter(f -> f.getFileName().toString().startsWith("citybridge-import-"))
				.filter(f -> {
					try {
						return Files.readString(f, StandardCharsets.UTF_8).contains(marker);
					}
					catch (IOException ex) {
						return false;
					}
				})
				.toList();
		}
	}
}
