package org.citybridge.portal.world;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.citybridge.agreement.imports.WorldPartnershipImport;
import org.citybridge.municipality.imports.WorldPlaceImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole world by default (issue 22): with demo data on (as under {@code mvn spring-boot:run}) and
 * {@code citybridge.world.enabled} not turned off, once the portal is up, the GeoNames places and then
 * Wikipedia's partnerships that ship with it ({@code classpath:world/}) are loaded through the portal's
 * own imports, on a thread of their own, while pages are served. How far the load went is kept in
 * {@code world_loads} (V75), the progress of each step in its import's run, so any instance shows it.
 *
 * <p>Only one instance loads: the one holding a PostgreSQL advisory lock, on a connection kept for the
 * load (released when the load ends or the instance dies). The others look again now and then, and take
 * over if the loading instance stopped. A finished load is never run again; a load stopped half-way is
 * finished on the next try from the step it had reached: both imports are keyed (places by GeoNames id,
 * partnerships by their pair of municipalities), so nothing is added twice.
 */
@Component
@ConditionalOnExpression("${citybridge.demo.enabled:false} and ${citybridge.world.enabled:true}")
class WorldLoader {

	private static final Logger log = LoggerFactory.getLogger(WorldLoader.class);

	/** The advisory lock's key: {@code hashtextextended('citybridge.world-load', 0)} would do as well; a constant is plainer. */
	static final long LOCK_KEY = 0x43_42_57_4f_52_4c_44L;

	/** Failed tries (not interrupted ones) after which this instance gives up until its next start. */
	private static final int MAX_FAILURES = 3;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final WorldPlaceImport places;

	private final WorldPartnershipImport partnerships;

	private final Resource placesFile;

	private final Resource partnershipsFile;

	private final Duration retry;

	private volatile boolean stopped;

	private volatile Thread thread;

	WorldLoader(JdbcClient jdbc, DataSource dataSource, WorldPlaceImport places, WorldPartnershipImport partnerships,
			@Value("${citybridge.world.places:classpath:world/geonames-cities1000.csv.gz}") Resource placesFile,
			@Value("${citybridge.world.partnerships:classpath:world/twin-cities-wikipedia.csv.gz}") Resource partnershipsFile,
			@Value("${citybridge.world.retry:PT30S}") Duration retry) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.places = places;
		this.partnerships = partnerships;
		this.placesFile = placesFile;
		this.partnershipsFile = partnershipsFile;
		this.retry = retry;
	}

	/** Once the portal serves pages (not when the jar runs a command, which exits when done). */
	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent ready) {
		if (Arrays.stream(ready.getArgs()).anyMatch(a -> !a.startsWith("--"))) {
			return;
		}
		Thread t = new Thread(this::loadUntilDone, "world-load");
		t.setDaemon(true);
		t.setPriority(Thread.NORM_PRIORITY - 1);
		this.thread = t;
		t.start();
	}

	@PreDestroy
	void stop() {
		this.stopped = true;
		Thread t = this.thread;
		if (t != null) {
			t.interrupt();
		}
	}

	/** Tries until the world is loaded (here or by another instance), this instance gives up, or it stops. */
	void loadUntilDone() {
		int failures = 0;
		while (!this.stopped) {
			try {
				if (finished() || tryOnce()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				if (this.stopped) {
					return;
				}
				failures++;
				log.error("Loading the world failed (try {} of {})", failures, MAX_FAILURES, ex);
				if (failures >= MAX_FAILURES) {
					log.error("Loading the world is given up until the next start; the imports' run pages say why");
					return;
				}
			}
			try {
				Thread.sleep(this.retry.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private boolean finished() {
		return this.jdbc.sql("SELECT count(*) FROM world_loads WHERE finished_at IS NOT NULL")
			.query(Long.class)
			.single() > 0;
	}

	/** Loads under the lock if this instance gets it; returns whether the world is now loaded. */
	private boolean tryOnce() {
		try (Connection lock = this.dataSource.getConnection()) {
			if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
				log.debug("Another instance loads the world");
				return false;
			}
			try {
				load();
				return true;
			}
			finally {
				advisory(lock, "SELECT pg_advisory_unlock(?)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The world load's lock could not be taken", ex);
		}
	}

	private static boolean advisory(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, LOCK_KEY);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/** Under the lock: begins the load, or goes on from the step it had reached. */
	private void load() {
		if (finished()) {
			return;
		}
		long started = System.nanoTime();
		int begun = this.jdbc.sql("UPDATE world_loads SET attempts = attempts + 1").update();
		if (begun == 0) {
			long placeRows = lines(this::openPlaces) - 1;
			long pairRows = this.partnerships.count(this::openPartnerships);
			this.jdbc.sql("""
					INSERT INTO world_loads (places_total, partnerships_total, attempts) VALUES (?, ?, 1)
					ON CONFLICT (id) DO UPDATE SET attempts = world_loads.attempts + 1
					""").params(Math.max(0, placeRows), pairRows).update();
			log.info("Loading the world in the background: {} places, then {} partnerships (citybridge.world.enabled=false"
					+ " turns this off)", placeRows, pairRows);
		}
		else {
			log.info("Loading the world again from where it stopped");
		}
		boolean placesLoaded = this.jdbc.sql("SELECT places_loaded_at IS NOT NULL FROM world_loads")
			.query(Boolean.class)
			.single();
		if (!placesLoaded && !this.stopped) {
			WorldPlaceImport.Loaded loaded = this.places.load(name(this.placesFile), this::openPlaces,
					run -> this.jdbc.sql("UPDATE world_loads SET place_run_id = ?").param(run).update());
			if (!loaded.applied()) {
				throw new IllegalStateException("The world's places were not applied (import run " + loaded.runId() + ")");
			}
			this.jdbc.sql("UPDATE world_loads SET places_loaded_at = now()").update();
			log.info("World places loaded: {} added, {} updated", loaded.inserted(), loaded.updated());
		}
		if (this.stopped) {
			return;
		}
		WorldPartnershipImport.Registered registered = this.partnerships.load(name(this.partnershipsFile),
				this::openPartnerships,
				run -> this.jdbc.sql("UPDATE world_loads SET partnership_run_id = ?").param(run).update());
		this.jdbc.sql("UPDATE world_loads SET finished_at = now()").update();
		log.info("World loaded in {} s: {} partnerships added, {} already present", (System.nanoTime() - started) / 1_000_000_000L,
				registered.added(), registered.alreadyPresent());
	}

	private InputStream openPlaces() {
		return open(this.placesFile);
	}

	private InputStream openPartnerships() {
		return open(this.partnershipsFile);
	}

	private static InputStream open(Resource file) {
		try {
			return file.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.getDescription(), ex);
		}
	}

	private static String name(Resource file) {
		String name = file.getFilename();
		return name == null ? file.getDescription() : name;
	}

	/** The lines of a file, gzip-compressed or not (the header is one of them). */
	static long lines(Supplier<InputStream> input) {
		try (InputStream raw = new BufferedInputStream(input.get(), 1 << 16)) {
			raw.mark(2);
			boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
			raw.reset();
			try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
				byte[] buffer = new byte[1 << 16];
				long lines = 0;
				int last = '\n';
				int n;
				while ((n = in.read(buffer)) > 0) {
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
					last = buffer[n - 1];
				}
				return last == '\n' ? lines : lines + 1;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
