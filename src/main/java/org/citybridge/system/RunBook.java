package org.citybridge.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The book of a feature's imports as runs, kept in a table of its own with {@code id},
 * {@code status} ('RUNNING' while it runs, then how it ended), {@code started_at},
 * {@code heartbeat_at}, {@code finished_at}, a jsonb {@code report} and the feature's counters: a
 * run's life is written here, from its start (in the background or, for the command line, in the
 * foreground) through its progress to its end (finished, or failed), while its {@link RunHeartbeat}
 * beats and the runs of instances that died are marked interrupted. The feature says what a run
 * does, which counters it keeps and how its page reads a run ({@code columns}, {@code mapper}).
 *
 * @param <R> a run as its page shows it
 */
public abstract class RunBook<R extends RunBook.Run> {

	/**
	 * The states of a run, as its table's CHECK constraint lists them: running until it ends as
	 * applied, refused (the file was not one the import reads) or failed (an error, or its process
	 * stopped without ending it).
	 */
	public enum Status {

		RUNNING, APPLIED, REFUSED, FAILED
	}

	/** A run as its page shows it: running until it ends. */
	public interface Run {

		String status();

		default boolean running() {
			return Status.RUNNING.name().equals(status());
		}
	}

	private static final Logger log = LoggerFactory.getLogger(RunBook.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How many runs the import page lists. */
	private static final int RECENT = 20;

	protected final JdbcClient jdbc;

	private final TaskExecutor executor;

	private final String table;

	private final String columns;

	private final RowMapper<R> mapper;

	private final RunHeartbeat heartbeat;

	/**
	 * @param table the feature's table of runs (never from input)
	 * @param columns the columns {@code mapper} reads, in its order
	 */
	protected RunBook(JdbcClient jdbc, TaskExecutor executor, String table, String columns, RowMapper<R> mapper,
			Duration heartbeatLimit) {
		this.jdbc = jdbc;
		this.executor = executor;
		this.table = table;
		this.columns = columns;
		this.mapper = mapper;
		this.heartbeat = new RunHeartbeat(jdbc, table, heartbeatLimit).afterReaping(this::afterReaping);
	}

	/**
	 * With the portal's scheduled-job locks (ShedLock, V63), one instance at a time sweeps the runs
	 * of instances that died; without them (a test's context) every instance does.
	 */
	@Autowired(required = false)
	public void reapOnceAcrossInstances(LockingTaskExecutor locks) {
		this.heartbeat.reapOnceWith(locks);
	}

	/** A run's work begins on this instance: its heartbeat beats from now until the run ends. */
	protected final void begin(long id) {
		this.heartbeat.started(id);
	}

	/** A run that began cannot go on (its file could not be kept, no thread takes it): marked failed, and ended. */
	protected final void abandon(long id) {
		this.heartbeat.ended(id);
		try {
			failed(id);
		}
		finally {
			ended(id);
		}
	}

	/**
	 * Hands a run's work to the background and returns at once; if no thread takes it, the run is
	 * abandoned and the reason thrown. A failure of the work is logged and marks the run failed.
	 */
	protected final void inBackground(long id, Runnable work) {
		begin(id);
		try {
			this.executor.execute(() -> {
				try {
					inForeground(id, () -> {
						work.run();
						return null;
					});
				}
				catch (RuntimeException | Error ex) {
					// logged and written to the run by inForeground
				}
			});
		}
		catch (RuntimeException ex) {
			abandon(id);
			throw ex;
		}
	}

	/**
	 * Does a run's work on this thread (the command line's run): a failure, an Error too (an
	 * OutOfMemoryError, say), marks the run failed rather than leaving it RUNNING, and is thrown on.
	 */
	protected final <T> T inForeground(long id, Supplier<T> work) {
		begin(id);
		try {
			return work.get();
		}
		catch (RuntimeException | Error ex) {
			log.error("Run {} of {} failed", id, this.table, ex);
			try {
				failed(id);
			}
			catch (RuntimeException unwritten) {
				ex.addSuppressed(unwritten);
			}
			throw ex;
		}
		finally {
			this.heartbeat.ended(id);
			ended(id);
		}
	}

	/** Writes the counters of a run that is still running ({@code assignments} such as {@code "rows = ?"}). */
	protected final void progress(long id, String assignments, Object... values) {
		this.jdbc.sql("UPDATE " + this.table + " SET " + assignments + " WHERE id = ? AND status = ?")
			.params(append(append(values, id), Status.RUNNING.name()))
			.update();
	}

	/** Ends a run: its status, its final counters ({@code assignments}, or none) and the time. */
	protected final void finish(long id, Status status, String assignments, Object... values) {
		this.jdbc.sql("UPDATE " + this.table + " SET status = ?, " + (assignments == null ? "" : assignments + ", ")
				+ "finished_at = now() WHERE id = ?")
			.params(prepend(status.name(), append(values, id)))
			.update();
	}

	/** Marks a run FAILED; a feature whose failed runs say more overrides it. */
	protected void failed(long id) {
		finish(id, Status.FAILED, null);
	}

	/** The run no longer runs on this instance (finished, refused or failed): what it kept aside can go. */
	protected void ended(long id) {
	}

	/** Done after each reaping of interrupted runs: removes what the ended runs left behind. */
	protected void afterReaping() {
	}

	/**
	 * Runs left RUNNING by an instance that stopped are marked FAILED (interrupted), now and from
	 * time to time. Started before the application runners, so that a command-line import beats too.
	 */
	@EventListener(ApplicationStartedEvent.class)
	public void startHeartbeat() {
		this.heartbeat.start();
	}

	@PreDestroy
	public void stopHeartbeat() {
		this.heartbeat.close();
	}

	/** Marks the runs of stopped instances FAILED (interrupted) now; returns how many. */
	public int reapInterrupted() {
		return this.heartbeat.reap();
	}

	public Optional<R> find(long id) {
		return this.jdbc.sql("SELECT " + this.columns + " FROM " + this.table + " WHERE id = ?")
			.param(id)
			.query(this.mapper)
			.optional();
	}

	/** The latest runs, newest first. */
	public List<R> recent() {
		return this.jdbc.sql("SELECT " + this.columns + " FROM " + this.table + " ORDER BY started_at DESC, id DESC LIMIT "
				+ RECENT).query(this.mapper).list();
	}

	/** The name of an upload as a run records it: stripped, {@code fallback} when there is none. */
	protected static String fileName(String given, String fallback) {
		return given == null || given.isBlank() ? fallback : given.strip();
	}

	/** A name cut to the 255 characters its column holds. */
	protected static String column(String name) {
		return name.length() > 255 ? name.substring(0, 255) : name;
	}

	/** A report as the jsonb column keeps it. */
	protected static String json(Object report) {
		return JSON.writeValueAsString(report);
	}

	/** A report read back from its jsonb column (none: empty). */
	@SuppressWarnings("unchecked")
	protected static Map<String, Object> report(String json) {
		return json == null ? Map.of() : JSON.readValue(json, LinkedHashMap.class);
	}

	/** A rate as a run shows it, to a tenth. */
	protected static double tenths(double rate) {
		return Math.round(rate * 10) / 10.0;
	}

	private static Object[] append(Object[] values, Object last) {
		Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
		all[values.length] = last;
		return all;
	}

	private static Object[] prepend(Object first, Object[] values) {
		Object[] all = new Object[values.length + 1];
		all[0] = first;
		System.arraycopy(values, 0, all, 1, values.length);
		return all;
	}
}
