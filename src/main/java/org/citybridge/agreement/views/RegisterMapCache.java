package org.citybridge.agreement.views;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.citybridge.municipality.MunicipalitiesMerged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.citybridge.agreement.AgreementEnded;
import org.citybridge.agreement.AgreementRegistered;
import org.citybridge.agreement.AgreementVerified;

/**
 * A cache of the map's expensive parts (the drawing of the filtered register, the pair count and
 * the pages of its table), keyed by what was asked and by the register's version number
 * ({@code agreement_register_version}, advanced at commit by every change of an agreement or its
 * themes, whoever writes). A new agreement, a verification, an ending, an edit or a merge thus
 * shows on the next request, on every instance. A cache, never the truth: entries also expire after
 * {@code citybridge.agreements.map-cache-seconds} (300 by default, 0 turns the cache off) for what
 * the version does not follow (a municipality renamed or moved), and this process forgets them all
 * after committing a change of its own.
 */
@Component
class RegisterMapCache {

	/** A drawing of the whole register is about 0.3 MB: at most a few dozen are kept. */
	private static final int MAX_ENTRIES = 48;

	private record Entry(long version, long expires, Object value) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

	/** How many requests are waiting for another's drawing right now. */
	private final AtomicInteger waiting = new AtomicInteger();

	private final LongSupplier version;

	private final long ttlNanos;

	@Autowired
	RegisterMapCache(JdbcClient jdbc, @Value("${citybridge.agreements.map-cache-seconds:300}") long seconds) {
		this(() -> jdbc.sql("SELECT last_value FROM agreement_register_version").query(Long.class).single(), seconds);
	}

	/** With the register's version number read by {@code version} (tests). */
	RegisterMapCache(LongSupplier version, long seconds) {
		this.version = version;
		this.ttlNanos = seconds * 1_000_000_000L;
	}

	/** The register's current version number. */
	long version() {
		return this.version.getAsLong();
	}

	/** The cached value for {@code key} at the register's current version, computed if there is none. */
	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> compute) {
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
		// Requests that ask for the same missing entry at once wait for one drawing, not one each.
		String slot = key + "@" + version;
		CompletableFuture<Object> mine = new CompletableFuture<>();
		CompletableFuture<Object> running = this.running.putIfAbsent(slot, mine);
		if (running != null) {
			this.waiting.incrementAndGet();
			try {
				return (T) running.join();
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
			if (this.entries.size() >= MAX_ENTRIES) {
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

	/** How many requests are waiting for a drawing another request is making (tests, monitoring). */
	int waiting() {
		return this.waiting.get();
	}

	void forget() {
		this.entries.clear();
	}

	/**
	 * Forgets everything once the current transaction commits (at once outside one). Plain
	 * listeners, not transactional ones, so that the event publication registry does not record
	 * one publication per agreement of an import.
	 */
	private void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				forget();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(RegisterMapCache.this);
			}
		});
	}

	@EventListener
	void on(AgreementRegistered registered) {
		forgetAfterCommit();
	}

	@EventListener
	void on(AgreementVerified verified) {
		forgetAfterCommit();
	}

	@EventListener
	void on(AgreementEnded ended) {
		forgetAfterCommit();
	}

	@EventListener
	void on(MunicipalitiesMerged merged) {
		forgetAfterCommit();
	}
}
