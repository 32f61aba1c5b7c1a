package org.citybridge.portal.world;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

import org.citybridge.CityBridgeApplication;
import org.citybridge.DemoPlaces;
import org.citybridge.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole world by default (issue 22), on a small world (the places of Mongolia, Hungary, Slovenia
 * and Montenegro, and Wikipedia's 49 pairs among them): the portal is started as {@code mvn
 * spring-boot:run} starts it, demo data on, on a database of its own (the other tests keep their
 * small data sets), and started again, as a user would. Pages are served while the world loads; the
 * home page says how far it has come in three languages; a load left half-way by a stopped instance
 * is finished without duplicates; a second start adds nothing; the demo municipalities keep their
 * themes and imported places stay plain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorldLoadIT {

	private static final String PLACES = "classpath:world/places-small.csv.gz";

	private static final String PAIRS = "classpath:world/pairs-small.csv.gz";

	private static final Set<String> NOT_LIVING = Set.of("PPLH", "PPLQ", "PPLW", "PPLCH");

	private static PostgreSQLContainer container;

	private static String serverUrl;

	private static String url;

	private static String username;

	private static String password;

	private static String database;

	private static SingleConnectionDataSource dataSource;

	private static JdbcClient jdbc;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void ownDatabase() {
		if (TestDatabase.dockerAvailable()) {
			container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			url = container.getJdbcUrl();
			username = container.getUsername();
			password = container.getPassword();
		}
		else {
			TestDatabase.LocalDatabase local = TestDatabase.LocalDatabase.get();
			serverUrl = local.serverUrl();
			username = local.username();
			password = local.password();
			database = "citybridge_test_world_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			execute(serverUrl, "CREATE DATABASE " + database);
			url = local.url().replace(local.name(), database);
		}
		dataSource = new SingleConnectionDataSource(url, username, password, true);
		jdbc = JdbcClient.create(dataSource);
	}

	@AfterAll
	static void dropDatabase() {
		if (dataSource != null) {
			dataSource.destroy();
		}
		if (container != null) {
			container.stop();
		}
		else if (database != null) {
			execute(serverUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@Test
	@Order(1)
	void theFirstStartLoadsTheWorldInTheBackgroundShowingHowFarItHasComeAndFinishesAnInterruptedLoad() throws Exception {
		List<Long> places = livingPlaceIds();
		// Another instance holds the load's lock: this portal starts, serves pages, and waits its turn.
		try (Connection other = DriverManager.getConnection(url, username, password)) {
			lock(other, "SELECT pg_advisory_lock(?)");
			try (ConfigurableApplicationContext portal = start()) {
				assertThat(count("SELECT count(*) FROM world_loads")).as("nothing begun while another instance holds the lock")
					.isZero();
				String home = get(portal, "/?lang=en");
				assertThat(home).as("no load begun: no progress").doesNotContain("world-load-heading");
				assertThat(count("SELECT count(*) FROM municipalities")).as("the demo data's places only, not the world's")
					.isBetween(40L, 200L);

				// The state a portal leaves when it stops half-way through the places: its run still RUNNING, its
				// heartbeat old.
				Long[] demoIds = jdbc.sql("SELECT id FROM municipalities").query(Long.class).list().toArray(Long[]::new);
				long demoThemes = themes(DemoPlaces.DARKHAN);
				// (its heartbeat kept fresh while the pages are read, then made old)
				long run = jdbc.sql("""
						INSERT INTO import_runs (file_name, skip_invalid, rows_done, heartbeat_at)
						VALUES ('places-small.csv.gz', true, ?, now() + interval '1 hour') RETURNING id
						""").param(places.size() / 2).query(Long.class).single();
				jdbc.sql("INSERT INTO world_loads (places_total, partnerships_total, place_run_id, attempts) VALUES (1539, 49, ?, 1)")
					.param(run)
					.update();
				assertThat(text(get(portal, "/?lang=en"))).contains("The whole world is being loaded",
						"Loading 1,539 places from GeoNames: 49%", "Reload this page to see how far it has come");
				assertThat(get(portal, "/?lang=en")).contains("<progress max=\"100\" value=\"49\"");
				assertThat(text(get(portal, "/?lang=fr"))).contains("Le monde entier est en cours de chargement",
						"Chargement de 1 539 lieux de GeoNames : 49 %");
				assertThat(text(get(portal, "/?lang=mn"))).contains("Дэлхийн өгөгдлийг ачаалж байна",
						"Нийт: 1,539 суурин газар. Явц: 49%");
				assertThat(get(portal, "/municipalities?q=darkhan&lang=en")).as("pages work meanwhile").contains("Darkhan");
				// Every row read: the import writes them, which has no counter.
				jdbc.sql("UPDATE import_runs SET rows_done = 1539 WHERE id = ?").param(run).update();
				assertThat(text(get(portal, "/?lang=en"))).contains(
						"All 1,539 places from GeoNames are read; now writing them into the directory");
				assertThat(get(portal, "/?lang=en")).contains("<progress max=\"100\" aria-labelledby=\"world-load-step\"></progress>");
				assertThat(text(get(portal, "/?lang=fr"))).contains("Les 1 539 lieux de GeoNames sont lus ;");
				assertThat(text(get(portal, "/?lang=mn"))).contains("Бүх суурин газрыг уншлаа (эх сурвалж: GeoNames; 1,539 суурин газар)");

				jdbc.sql("UPDATE import_runs SET heartbeat_at = now() - interval '1 hour' WHERE id = ?").param(run).update();
				lock(other, "SELECT pg_advisory_unlock(?)");
				waitFor("the world loaded", () -> count("SELECT count(*) FROM world_loads WHERE finished_at IS NOT NULL") == 1);

				assertThat(count("SELECT count(*) FROM municipalities WHERE geonames_id = ANY (?::bigint[])", (Object) places.toArray(Long[]::new)))
					.as("every living place of the file, once").isEqualTo(places.size());
				assertThat(count("SELECT count(DISTINCT geonames_id) FROM municipalities WHERE geonames_id IS NOT NULL"))
					.isEqualTo(count("SELECT count(*) FROM municipalities WHERE geonames_id IS NOT NULL"));
				assertThat(count("SELECT count(*) FROM agreements WHERE source = 'PUBLIC_LIST'")).as("the matched pairs")
					.isGreaterThan(25);
				assertThat(duplicates()).isZero();
				assertThat(count("""
						SELECT count(*) FROM agreements a JOIN municipalities k ON k.id = ANY (a.party_key)
						JOIN municipalities d ON d.id = ANY (a.party_key)
						WHERE k.geonames_id = ? AND d.geonames_id = ?""", DemoPlaces.KAPOSVAR, DemoPlaces.DARKHAN))
					.as("Kaposvár–Darkhan, a demo agreement and a Wikipedia pair: once").isEqualTo(1);
				assertThat(count("SELECT attempts FROM world_loads")).as("the interrupted try and this one").isEqualTo(2);
				waitFor("the stopped instance's run marked interrupted",
						() -> count("SELECT count(*) FROM import_runs WHERE id = ? AND status = 'FAILED'", run) == 1);

				assertThat(themes(DemoPlaces.DARKHAN)).as("a demo municipality keeps its demonstration themes")
					.isPositive()
					.isEqualTo(demoThemes);
				assertThat(count("""
						SELECT count(*) FROM municipalities m WHERE NOT (m.id = ANY (?::bigint[])) AND (
						    EXISTS (SELECT 1 FROM municipality_offered_themes t WHERE t.municipality_id = m.id)
						    OR EXISTS (SELECT 1 FROM municipality_sought_themes t WHERE t.municipality_id = m.id))
						""", (Object) demoIds)).as("imported places stay plain").isZero();
				waitFor("the directory analysed after the load", () -> count(
						"SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'municipalities' AND last_analyze IS NOT NULL") == 1);
				assertThat(text(get(portal, "/?lang=en"))).as("loaded: the home page says so no more")
					.doesNotContain("being loaded")
					.contains(String.format(Locale.ENGLISH, "%,d", count("SELECT count(*) FROM municipalities")));
			}
		}
	}

	@Test
	@Order(2)
	void aSecondStartAddsNothing() throws Exception {
		List<Long> before = snapshot();
		try (ConfigurableApplicationContext portal = start()) {
			Thread.sleep(3000);
			assertThat(get(portal, "/?lang=en")).doesNotContain("world-load-heading");
		}
		assertThat(snapshot()).as("municipalities, agreements, import runs, partnership runs, tries").isEqualTo(before);
	}

	@Test
	@Order(3)
	void aLoadStoppedDuringThePartnershipsGoesOnFromThereWithoutDuplicates() throws Exception {
		List<Long> before = snapshot();
		// A portal stopped while it matched the partnerships: the places are in, its pair run still RUNNING.
		long run = jdbc.sql("""
				INSERT INTO partnership_import_runs (file_name, source_kind, rows_read, heartbeat_at)
				VALUES ('pairs-small.csv.gz', 'PUBLIC_LIST', 20, now() + interval '1 hour') RETURNING id
				""").query(Long.class).single();
		jdbc.sql("UPDATE world_loads SET finished_at = NULL, partnership_run_id = ?").param(run).update();
		try (Connection other = DriverManager.getConnection(url, username, password)) {
			lock(other, "SELECT pg_advisory_lock(?)");
			try (ConfigurableApplicationContext portal = start()) {
				// Shown as the stopped instance left it (its heartbeat kept fresh meanwhile), until this one takes over.
				assertThat(text(get(portal, "/?lang=en"))).contains(
						"Places loaded. Loading 49 partnerships from Wikipedia’s lists: 40%");
				assertThat(get(portal, "/?lang=en")).contains("<progress max=\"100\" value=\"40\"");
				assertThat(text(get(portal, "/?lang=fr"))).contains("Chargement de 49 partenariats des listes de Wikipédia : 40 %");
				assertThat(text(get(portal, "/?lang=mn"))).contains("Нийт: 49 түншлэл. Явц: 40%");
				jdbc.sql("UPDATE partnership_import_runs SET heartbeat_at = now() - interval '1 hour' WHERE id = ?").param(run).update();
				lock(other, "SELECT pg_advisory_unlock(?)");
				waitFor("the world loaded again", () -> count("SELECT count(*) FROM world_loads WHERE finished_at IS NOT NULL") == 1);
			}
		}
		List<Long> after = snapshot();
		assertThat(after.get(0)).as("municipalities").isEqualTo(before.get(0));
		assertThat(after.get(1)).as("agreements: none twice").isEqualTo(before.get(1));
		assertThat(after.get(2)).as("the places were not imported again").isEqualTo(before.get(2));
		assertThat(after.get(3)).as("the stopped run and the one that finished").isEqualTo(before.get(3) + 2);
		assertThat(duplicates()).isZero();
		assertThat(count("""
				SELECT matched FROM partnership_import_runs WHERE id = (SELECT partnership_run_id FROM world_loads)
				""")).as("nothing new to register").isZero();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CityBridgeApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password, "--citybridge.database.create-if-missing=false",
				"--citybridge.demo.enabled=true", "--citybridge.world.places=" + PLACES,
				"--citybridge.world.partnerships=" + PAIRS, "--citybridge.world.retry=PT0.5S",
				"--citybridge.imports.heartbeat-limit=PT2S", "--citybridge.public-url=http://citybridge.test",
				"--citybridge.messages.strict=true", "--logging.level.root=WARN");
	}

	private static String get(ConfigurableApplicationContext portal, String path) throws Exception {
		int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/** The page's text as a reader hears it: tags out, every kind of space one space. */
	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("[\\s\\u00a0\\u202f]+", " ");
	}

	private static List<Long> livingPlaceIds() throws Exception {
		List<Long> ids = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(WorldLoadIT.class.getResourceAsStream("/world/places-small.csv.gz")), StandardCharsets.UTF_8))) {
			in.readLine();
			String line;
			while ((line = in.readLine()) != null) {
				// Counted from the end: a quoted name may hold a comma.
				String[] cells = line.split(",");
				String feature = cells[cells.length - 4];
				if (!NOT_LIVING.contains(feature)) {
					ids.add(Long.parseLong(cells[0]));
				}
			}
		}
		return ids;
	}

	private static long themes(long geonamesId) {
		return count("""
				SELECT (SELECT count(*) FROM municipality_offered_themes t WHERE t.municipality_id = m.id)
				     + (SELECT count(*) FROM municipality_sought_themes t WHERE t.municipality_id = m.id)
				FROM municipalities m WHERE m.geonames_id = ?""", geonamesId);
	}

	private static long duplicates() {
		return count("""
				SELECT count(*) FROM (SELECT type, party_key FROM agreements WHERE status <> 'ENDED'
				GROUP BY type, party_key HAVING count(*) > 1) d""");
	}

	private static List<Long> snapshot() {
		return List.of(count("SELECT count(*) FROM municipalities"), count("SELECT count(*) FROM agreements"),
				count("SELECT count(*) FROM import_runs"), count("SELECT count(*) FROM partnership_import_runs"),
				count("SELECT attempts FROM world_loads"));
	}

	private static long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static void lock(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, WorldLoader.LOCK_KEY);
			statement.executeQuery().close();
		}
	}

	private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!done.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(until);
			Thread.sleep(200);
		}
	}

	private static void execute(String server, String sql) {
		try (Connection connection = DriverManager.getConnection(server, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}
}
