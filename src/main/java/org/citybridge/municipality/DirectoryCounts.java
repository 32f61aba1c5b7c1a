package org.citybridge.municipality;

import java.util.function.LongSupplier;

import org.citybridge.system.cache.VersionedCache;

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

	private final VersionedCache cache;

	@Autowired
	DirectoryCounts(JdbcClient jdbc, @Value("${citybridge.directory.count-cache-seconds:300}") long seconds) {
		this(() -> jdbc.sql("SELECT version FROM municipality_directory_version").query(Long.class).single(), seconds);
	}

	/** With the directory's version read by {@code version} (tests). */
	DirectoryCounts(LongSupplier version, long seconds) {
		this.cache = new VersionedCache(version, seconds, MAX_ENTRIES);
	}

	/** The count for {@code key} at the directory's current version, counted by {@code count} if there is none. */
	public long get(String key, LongSupplier count) {
		if (insideWritingTransaction()) {
			return count.getAsLong();
		}
		return this.cache.<Long>get(key, count::getAsLong);
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
		this.cache.forget();
	}
}
