package org.citybridge.system.database;

import java.net.ConnectException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "no PostgreSQL there" into one readable paragraph instead of a long stack trace.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = cause.getSQLState();
		boolean unreachable = "08001".equals(state) || "08004".equals(state)
				|| findCause(rootFailure, ConnectException.class) != null;
		if (!unreachable) {
			return null;
		}
		return new FailureAnalysis(
				"CityBridge could not reach PostgreSQL (" + cause.getMessage() + "). It needs PostgreSQL 15 or newer, "
						+ "by default on localhost:5432 as user 'postgres' with database 'citybridge' (created on first start).",
				"Start PostgreSQL (on Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start; with Docker: "
						+ "docker compose up db), or point the portal at another server with SPRING_DATASOURCE_URL, "
						+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
				cause);
	}
}
