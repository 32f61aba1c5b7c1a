package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The floor for the start-up benchmark ({@code src/bench/startup.sh}, {@code docs/benchmarks.md}):
 * a Spring Boot application with exactly the portal's classpath, starters and
 * {@code application.properties}, but none of its code, so that it pays the framework's own cost
 * (embedded Tomcat, security, actuator, Thymeleaf, a Hikari pool against the same PostgreSQL
 * database, Hibernate, Flyway) and nothing of ours.
 *
 * <p>It lives in package {@code bench}, outside {@code org.citybridge}: the portal's component scan
 * and Spring Modulith's {@code ApplicationModules.of(CityBridgeApplication.class)} never see it, and
 * test slices under {@code org.citybridge}, which search upward from their own package for a
 * {@code @SpringBootConfiguration}, never reach it. Its own scan covers {@code bench} only, so it has
 * no controllers, entities or repositories: Hibernate starts with an empty persistence unit.
 *
 * <p>It is not a test and no test uses it; it is compiled with the tests only so that it never ships
 * in the portal's jar.
 */
@SpringBootApplication
public class BareApplication {

	public static void main(String[] args) {
		// System properties outrank the portal's application.properties (which is on the classpath and
		// which the floor shares on purpose: same datasource, pool, JPA and web settings).
		//
		// Flyway stays ENABLED rather than spring.flyway.enabled=false, because its auto-configuration,
		// connection and schema-history check are framework cost the portal pays too. It reads an
		// empty location instead of our db/migration, so it runs none of our SQL: classpath:bench
		// holds this class and no V*__*.sql. It keeps its history in a schema of its own ("bench",
		// created on first start): in "public", where the portal has applied V1..V4, validation would
		// fail with "applied migration not resolved locally". After the first start both applications
		// find an up-to-date history and migrate nothing, the ordinary restart that is measured.
		System.getProperties().putIfAbsent("spring.flyway.locations", "classpath:bench");
		System.getProperties().putIfAbsent("spring.flyway.default-schema", "bench");
		System.getProperties().putIfAbsent("spring.flyway.schemas", "bench");
		// Our DatabaseCreator (an EnvironmentPostProcessor registered in our spring.factories, hence on
		// this classpath too) would otherwise open one JDBC connection at start; that cost is ours.
		System.getProperties().putIfAbsent("citybridge.database.create-if-missing", "false");
		SpringApplication.run(BareApplication.class, args);
	}
}
