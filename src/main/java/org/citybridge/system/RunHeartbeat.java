package org.citybridge.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The heartbeat of background runs kept in a table with {@code id}, {@code status} ('RUNNING' while
 * they run), {@code heartbeat_at}, {@code finished_at} and a jsonb {@code report}: this instance
 * touches the heartbeat of the runs it works on, and marks FAILED, with the report
 * {@code {"interrupted": true}}, every run still RUNNING whose heartbeat is older than the limit
 * (its instance died: a crash, a kill, a redeploy), at start-up and then every quarter of the limit.
 * The owning feature creates one for its table and says when its runs start and end, and may give
 * it something to do after each reaping (remove what ended runs left behind).
 *
 * <p>With several instances on one database, every instance beats for its own runs, but the
 * reaping round runs on one of them at a time ({@link #reapOnceWith}: a ShedLock row named
 * {@code reap-<table>}, held at least nine tenths of a round), so the table is swept once a round
 * across the instances, not once per instance.
 */
public final class RunHeartbeat implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);

	private final JdbcClient jdbc;

	private final String table;

	private final Duration limit;

	private final Set<Long> active = ConcurrentHashMap.newKeySet();

	private ScheduledExecutorService timer;

	private volatile Runnable afterReaping = () -> {
	};

	private volatile LockingTaskExecutor locks;

	/** @param table a table name of the feature's own (never from input) */
	public RunHeartbeat(JdbcClient jdbc, String table, Duration limit) {
		if (!table.matches("[a-z_]+")) {
			throw new IllegalArgumentException("Not a table name: " + table);
		}
		if (limit.isNegative() || limit.isZero()) {
			throw new IllegalArgumentException("The heartbeat limit must be positive");
		}
		this.jdbc = jdbc;
		this.table = table;
		this.limit = limit;
	}

	/** Runs {@code action} after each reaping, at start-up, every quarter of the limit and on {@link #reap()}. */
	public RunHeartbeat afterReaping(Runnable action) {
		this.afterReaping = action;
		return this;
	}

	/** Reaps in the rounds only while holding the lock {@code reap-<table>}, so that one instance reaps at a time. */
	public RunHeartbeat reapOnceWith(LockingTaskExecutor locks) {
		this.locks = locks;
		return this;
	}

	/** The run is now worked on by this instance. */
	public void started(long runId) {
		this.active.add(runId);
	}

	/** This instance no longer works on the run (finished, refused or failed). */
	public void ended(long runId) {
		this.active.remove(runId);
	}

	/** Reaps once now, then beats and reaps every quarter of the limit on a daemon thread. */
	public synchronized void start() {
		if (this.timer != null) {
			return;
		}
		round();
		long period = period();
		this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "heartbeat-" + this.table);
			thread.setDaemon(true);
			return thread;
		});
		this.timer.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
	}

	private void round() {
		try {
			beat();
			LockingTaskExecutor locks = this.locks;
			if (locks == null) {
				reap();
			}
			else {
				Duration round = Duration.ofMillis(period());
				locks.executeWithLock((Runnable) this::reap, new LockConfiguration(Instant.now(), "reap-" + this.table,
						this.limit.plus(round), round.multipliedBy(9).dividedBy(10)));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Heartbeat of {} failed: {}", this.table, ex.toString());
		}
	}

	/** A round every quarter of the limit, at least a second apart. */
	private long period() {
		return Math.max(1000, this.limit.toMillis() / 4);
	}

	/** Touches the heartbeat of the runs this instance works on. */
	public int beat() {
		List<Long> ids = List.copyOf(this.active);
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("UPDATE " + this.table + " SET heartbeat_at = now() WHERE status = :running AND id IN (:ids)")
			.param("running", RunBook.Status.RUNNING.name())
			.param("ids", ids)
			.update();
	}

	/** Marks FAILED (interrupted) the runs of other instances whose heartbeat is older than the limit; returns how many. */
	public int reap() {
		List<Long> mine = List.copyOf(this.active);
		int reaped = this.jdbc.sql("UPDATE " + this.table + " SET status = :failed, finished_at = now(),"
				+ " report = '{\"interrupted\": true}'::jsonb WHERE status = :running"
				+ " AND heartbeat_at < now() - make_interval(secs => :seconds)"
				+ (mine.isEmpty() ? "" : " AND id NOT IN (:mine)"))
			.param("failed", RunBook.Status.FAILED.name())
			.param("running", RunBook.Status.RUNNING.name())
			.param("seconds", (double) this.limit.toMillis() / 1000)
			.params(mine.isEmpty() ? java.util.Map.of() : java.util.Map.of("mine", mine))
			.update();
		log.debug("Reaping round of {}: {} run(s) marked interrupted", this.table, reaped);
		if (reaped > 0) {
			log.warn("{} run(s) in {} were left RUNNING by an instance that stopped; marked FAILED (interrupted)", reaped,
					this.table);
		}
		this.afterReaping.run();
		return reaped;
	}

	@Override
	public synchronized void close() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}
}
