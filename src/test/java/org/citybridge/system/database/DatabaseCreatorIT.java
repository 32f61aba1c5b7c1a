package org.citybridge.system.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.citybridge.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh server gets the portal's database on first start, and a second start changes nothing. */
@IntegrationTest
class DatabaseCreatorIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsTheDatabaseNamedInTheUrlWhenItIsMissing() throws Exception {
		String currentUrl;
		String user;
		try (Connection connection = this.dataSource.getConnection()) {
			currentUrl = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		String name = "citybridge_creator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String url = currentUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		String password = passwordOf(currentUrl);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("citybridge.database.create-if-missing", "true",
					"spring.datasource.url", url, "spring.datasource.username", user,
					"spring.datasource.password", password)));
		DatabaseCreator creator = new DatabaseCreator(new DeferredLogs());
		try {
			creator.postProcessEnvironment(environment, new SpringApplication());
			creator.postProcessEnvironment(environment, new SpringApplication());
			try (Connection created = DriverManager.getConnection(url, user, password)) {
				assertThat(created.isValid(2)).isTrue();
			}
		}
		finally {
			this.jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
		}
	}

	private static String passwordOf(String url) {
		// Testcontainers uses "test"; the local server trusts connections and ignores the password.
		return org.citybridge.TestDatabase.dockerAvailable() ? "test" : "postgres";
	}
}
