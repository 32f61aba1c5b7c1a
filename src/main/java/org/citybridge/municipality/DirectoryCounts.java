package org.citybridge.municipality;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A short-lived cache of the directory's filter counts (the total of 1–20 of 135233): counting
 * a broad filter reads every matching row, and the same few filters (none at all, above all) are
 * asked again and again. A cache, never the truth: entries live {@code citybridge.directory.count-cache-seconds}
 * (30 by default, 0 to turn off), and this process forgets them all when it changes the directory.
 */
@Component
public class DirectoryCounts {

	private static final int MAX_ENTRIES = 1_000;

	private record Entry(long count, long expires) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	DirectoryCounts(@Value("${citybridge.directory.count-cache-seconds:30}") long seconds) {
		this.ttlNanos = seconds * 1_000_000_000L;
	}

	long get(String key, LongSupplier count) {
		if (this.ttlNanos <= 0) {
			return count.getAsLong();
		}
		long now = System.nanoTime();
		Entry entry = this.entries.get(key);
		if (entry != null && entry.expires - now > 0) {
			return entry.count;
		}
		long value = count.getAsLong();
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(key, new Entry(value, now + this.ttlNanos));
		return value;
	}

	public void forget() {
		this.entries.clear();
	}
}
