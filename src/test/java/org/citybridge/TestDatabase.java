package org.citybridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The PostgreSQL every integration test runs on. With a Docker engine (CI): a Testcontainers
 * {@code postgres:15-alpine}. Without one (this machine): a fresh, uniquely named database on the
 * local server ({@code CITYBRIDGE_TEST_DB_URL}, default {@code localhost:5432/postgres}), created
 * once per test JVM and dropped when it ends, so each run starts clean and leaves nothing behind.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	static final String IMAGE = "postgres:15-alpine";

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(IMAGE);
	}

	@Bean
	@Conditional(NoDocker.class)
	JdbcConnectionDetails localPostgres() {
		LocalDatabase database = LocalDatabase.get();
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return database.username();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

			@Override
			public String getJdbcUrl() {
				return database.url();
			}
		};
	}

	/** Whether tests take PostgreSQL from Docker; asked once per JVM. */
	public static boolean dockerAvailable() {
		return DockerHolder.AVAILABLE;
	}

	private static final class DockerHolder {

		static final boolean AVAILABLE = detect();

		private static boolean detect() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException | LinkageError ex) {
				return false;
			}
		}
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return dockerAvailable();
		}
	}

	static class NoDocker implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !dockerAvailable();
		}
	}

	/** A database of its own on the local server, for this test JVM only. */
	public record LocalDatabase(String serverUrl, String url, String name, String username, String password) {

		private static LocalDatabase instance;

		public static synchronized LocalDatabase get() {
			if (instance == null) {
				instance = create();
			}
			return instance;
		}

		private static LocalDatabase create() {
			String serverUrl = env("CITYBRIDGE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
			String username = env("CITYBRIDGE_TEST_DB_USERNAME", "postgres");
			String password = env("CITYBRIDGE_TEST_DB_PASSWORD", "postgres");
			String name = "citybridge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
				.toLowerCase(Locale.ROOT);
			execute(serverUrl, username, password, "CREATE DATABASE " + name);
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> execute(serverUrl, username, password,
						"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
			String url = serverUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
			return new LocalDatabase(serverUrl, url, name, username, password);
		}

		private static void execute(String url, String username, String password, String sql) {
			try (Connection connection = DriverManager.getConnection(url, username, password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Test PostgreSQL at " + url + " refused: " + sql
						+ ". Start PostgreSQL or set CITYBRIDGE_TEST_DB_URL. (" + ex.getMessage() + ")", ex);
			}
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return value == null || value.isBlank() ? fallback : value;
		}
	}
}
