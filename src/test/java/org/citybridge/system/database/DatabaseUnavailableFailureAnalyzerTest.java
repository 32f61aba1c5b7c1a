package org.citybridge.system.database;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableFailureAnalyzerTest {

	final DatabaseUnavailableFailureAnalyzer analyzer = new DatabaseUnavailableFailureAnalyzer();

	@Test
	void explainsAnUnreachableServerInOneParagraphWithWhatToDo() {
		SQLException refused = new SQLException("Connection to localhost:5432 refused.", "08001",
				new ConnectException("Connection refused"));
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("wrapped", refused));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("could not reach PostgreSQL").doesNotContain("\n");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "pg_ctlcluster");
	}

	@Test
	void leavesOtherDatabaseErrorsToTheirOwnReport() {
		SQLException syntax = new SQLException("syntax error", "42601");
		assertThat(this.analyzer.analyze(new IllegalStateException("wrapped", syntax))).isNull();
	}
}
