package org.citybridge.agreement.imports;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A partnership import left RUNNING by a portal instance that died is marked FAILED, interrupted. */
class InterruptedPartnershipImportRunsIT extends DemoDataIntegrationTest {

	@Autowired
	PartnershipImportRuns runs;

	@AfterEach
	void removeRuns() {
		this.jdbc.sql("DELETE FROM partnership_import_runs WHERE file_name = 'interrupted.csv'").update();
	}

	long run(String age) {
		return this.jdbc.sql("""
				INSERT INTO partnership_import_runs (file_name, source_kind, source_name, started_at, heartbeat_at)
				VALUES ('interrupted.csv', 'CSV_UPLOAD', 'interrupted.csv', now() - ?::interval, now() - ?::interval) RETURNING id
				""").params(age, age).query(Long.class).single();
	}

	String status(long id) {
		return this.jdbc.sql("SELECT status || ' ' || coalesce(report ->> 'interrupted', '-')"
				+ " FROM partnership_import_runs WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void aRunWhoseHeartbeatStoppedIsMarkedInterrupted() {
		long stale = run("1 hour");
		long fresh = run("0 seconds");
		// Reaped by this call or, a moment earlier, by the portal's own heartbeat (every 30 s): either way, reaped.
		this.runs.reapInterrupted();
		assertThat(status(stale)).isEqualTo("FAILED true");
		assertThat(status(fresh)).isEqualTo("RUNNING -");
		assertThat(this.mvc.get().uri("/agreements/imports/" + stale)
			.with(AccountTestSupport.as(this.context, AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
			.contains("The import was interrupted");
	}
}
