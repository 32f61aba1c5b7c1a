package org.citybridge.system.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the portal's PostgreSQL database on first start when the server is reachable but the
 * database named in {@code spring.datasource.url} does not exist yet, so that a fresh clone runs
 * with one command. An unreachable server is left to {@link DatabaseUnavailableFailureAnalyzer}.
 */
class DatabaseCreator implements EnvironmentPostProcessor {

	private static final Pattern POSTGRES_URL = Pattern
		.compile("^(jdbc:postgresql://[^/]*/)([A-Za-z0-9_\\-]+)(\\?.*)?$");

	/** PostgreSQL's SQLSTATE for "database does not exist". */
	private static final String INVALID_CATALOG_NAME = "3D000";

	private final Log log;

	DatabaseCreator(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(DatabaseCreator.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("citybridge.database.create-if-missing", Boolean.class, false)) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url");
		if (url == null) {
			return;
		}
		Matcher matcher = POSTGRES_URL.matcher(url);
		if (!matcher.matches()) {
			return;
		}
		Properties credentials = new Properties();
		putIfPresent(credentials, "user", environment.getProperty("spring.datasource.username"));
		putIfPresent(credentials, "password", environment.getProperty("spring.datasource.password"));
		try (Connection ignored = DriverManager.getConnection(url, credentials)) {
			return;
		}
		catch (SQLException ex) {
			if (!INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
				return; // unreachable server or bad credentials: the normal start-up reports it
			}
		}
		String database = matcher.group(2);
		String maintenanceUrl = matcher.group(1) + "postgres" + (matcher.group(3) != null ? matcher.group(3) : "");
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + database + "\"");
			this.log.info("Created PostgreSQL database '" + database + "'");
		}
		catch (SQLException ex) {
			this.log.warn("Could not create PostgreSQL database '" + database + "': " + ex.getMessage());
		}
	}

	private static void putIfPresent(Properties properties, String key, String value) {
		if (value != null) {
			properties.setProperty(key, value);
		}
	}
}
