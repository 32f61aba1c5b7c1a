package org.citybridge.agreement.views;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.citybridge.municipality.MunicipalitiesMerged;
import org.citybridge.system.cache.VersionedCache;

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

	private final VersionedCache cache;

	@Autowired
	RegisterMapCache(JdbcClient jdbc, @Value("${citybridge.agreements.map-cache-seconds:300}") long seconds) {
		this(() -> jdbc.sql("SELECT last_value FROM agreement_register_version").query(Long.class).single(), seconds);
	}

	/** With the register's version number read by {@code version} (tests). */
	RegisterMapCache(LongSupplier version, long seconds) {
		this.cache = new VersionedCache(version, seconds, MAX_ENTRIES);
	}

	/** The register's current version number. */
	long version() {
		return this.cache.version();
	}

	/**
	 * The cached value for {@code key} at the register's current version, computed if there is none
	 * (requests that ask for the same missing drawing at once wait for one drawing, not one each).
	 */
	<T> T get(String key, Supplier<T> compute) {
		return this.cache.get(key, compute);
	}

	/** How many requests are waiting for a drawing another request is making (tests, monitoring). */
	int waiting() {
		return this.cache.waiting();
	}

	void forget() {
		this.cache.forget();
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
