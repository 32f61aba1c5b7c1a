package org.citybridge.municipality;

import java.time.Duration;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.system.RunHeartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import left RUNNING by a portal instance that died (its heartbeat stopped) is marked FAILED,
 * interrupted, and its page says so; a run whose heartbeat is fresh, or that this instance works
 * on, is left alone.
 */
@IntegrationTest
class InterruptedImportRunsIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportRuns runs;

	MockMvcTester mvc;

	long stale;

	long fresh;

	long mine;

	@BeforeEach
	void setUp() {
		AccountTestSupport.loadDemoData(this.context);
		this.mvc = AccountTestSupport.mockMvc(this.context);
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
}
