package org.citybridge.municipality;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cache of the directory's counts (the total of 1–20 of 135,233 for a filter, the home page's
 * places and countries): counting a broad filter reads every matching row, and the same few
 * counts (none at all, above all) are asked on every visit. Each count is kept with the directory's
 * version number ({@code municipality_directory_version}, V63), which every committed change of
 * what they count (a place added or removed, its country, kind, population, partner seeking or
 * themes, a network's members, a country's group) advances, whoever writes;
 * a count is used only while the version is the one it was made at, so a change shows on the next
 * request of every instance of the portal. Reading the version is one indexed row; when it moved,
 * requests that ask for the same count at once wait for one counting, not one each.
 *
 * <p>A cache, never the truth: {@code citybridge.directory.count-cache-seconds} (300 by default,
 * 0 turns the cache off) bounds an entry's life for what the version does not follow.
 */
@Component
public class DirectoryCounts {

	private static final int MAX_ENTRIES = 1_000;

	private record Entry(long version, long count, long expires) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Long>> running = new ConcurrentHashMap<>();

	private final LongSupplier version;

	private final long ttlNanos;

	@Autowired
	DirectoryCounts(JdbcClient jdbc, @Value("${citybridge.directory.count-cache-seconds:300}") long seconds) {
		this(() -> jdbc.sql("SELECT version FROM municipality_directory_version").query(Long.class).single(), seconds);
	}

	/** With the directory's version read by {@code version} (tests). */
	DirectoryCounts(LongSupplier version, long seconds) {
		this.version = version;
		this.ttlNanos = seconds * 1_000_000_000L;
	}

	/** The count for {@code key} at the directory's current version, counted by {@code count} if there is none. */
	public long get(String key, LongSupplier count) {
		if (this.ttlNanos <= 0 || insideWritingTransaction()) {
			return count.getAsLong();
		}
		// Read before the data: a change committed meanwhile advances the version past this entry.
		long version = this.version.getAsLong();
		long now = System.nanoTime();
		Entry entry = this.entries.get(key);
		if (entry != null && entry.version == version && entry.expires - now > 0) {
			return entry.count;
		}
		String slot = key + "@" + version;
		CompletableFuture<Long> mine = new CompletableFuture<>();
		CompletableFuture<Long> other = this.running.putIfAbsent(slot, mine);
		if (other != null) {
			try {
				return other.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException) ? (RuntimeException) ex.getCause() : ex;
			}
		}
		try {
			long value = count.getAsLong();
			if (this.entries.size() >= MAX_ENTRIES) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry(version, value, now + this.ttlNanos));
			mine.complete(value);
			return value;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.running.remove(slot, mine);
		}
	}

	/**
	 * A transaction that may write sees its own changes before they are committed (or rolled
	 * back): what it counts is neither kept nor taken from what others counted.
	 */
	private static boolean insideWritingTransaction() {
		return TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/** Forgets every count of this process at once (the version makes the others follow). */
	public void forget() {
		this.entries.clear();
	}
}
