package org.citybridge.system.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values kept with the version number of what they were made from (a row the database advances at
 * commit of every change, whoever writes): a value is used only while the version is the one it was
 * made at, so a change shows on the next request of every instance. Requests that ask for the same
 * missing value at once wait for one computing, not one each. A cache, never the truth: an entry
 * also expires after its lifetime, for what the version does not follow, and at most
 * {@code maxEntries} are kept (all are forgotten when that many are).
 */
public final class VersionedCache {

	private record Entry(long version, long expires, Object value) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

	/** How many requests are waiting for a value another request is computing right now. */
	private final AtomicInteger waiting = new AtomicInteger();

	private final LongSupplier version;

	private final long ttlNanos;

	private final int maxEntries;

	/** Reads the version with {@code version}; entries live {@code seconds} (0 turns the cache off). */
	public VersionedCache(LongSupplier version, long seconds, int maxEntries) {
		this.version = version;
		this.ttlNanos = seconds * 1_000_000_000L;
		this.maxEntries = maxEntries;
	}

	/** The current version number. */
	public long version() {
		return this.version.getAsLong();
	}

	/** The value for {@code key} at the current version, computed by {@code compute} if there is none. */
	@SuppressWarnings("unchecked")
	public <T> T get(String key, Supplier<T> compute) {
		if (this.ttlNanos <= 0) {
			return compute.get();
		}
		// Read before the data: a change committed meanwhile advances the version past this entry.
		long version = version();
		long now = System.nanoTime();
		Entry entry = this.entries.get(key);
		if (entry != null && entry.version == version && entry.expires - now > 0) {
			return (T) entry.value;
		}
		String slot = key + "@" + version;
		CompletableFuture<Object> mine = new CompletableFuture<>();
		CompletableFuture<Object> other = this.running.putIfAbsent(slot, mine);
		if (other != null) {
			this.waiting.incrementAndGet();
			try {
				return (T) other.join();
			}
			catch (CompletionException ex) {
				throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
			}
			finally {
				this.waiting.decrementAndGet();
			}
		}
		try {
			T value = compute.get();
			if (this.entries.size() >= this.maxEntries) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry(version, now + this.ttlNanos, value));
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

	/** How many requests are waiting for a value another is computing (tests, monitoring). */
	public int waiting() {
		return this.waiting.get();
	}

	/** Forgets every entry of this process at once (the version makes the other instances follow). */
	public void forget() {
		this.entries.clear();
	}
}
