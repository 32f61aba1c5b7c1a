package org.citybridge.system.cache;

import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database's {@code content_version} (V71): advanced once at the commit of every change of
 * anything a public page shows, whoever writes (the portal, an import, another instance). What is
 * kept for it is right on every instance while the number stays the same.
 */
public final class ContentVersion {

	private ContentVersion() {
	}

	/** Reads the current number with {@code jdbc}, one row, each time it is asked. */
	public static LongSupplier readBy(JdbcClient jdbc) {
		return () -> jdbc.sql("SELECT version FROM content_version").query(Long.class).single();
	}
}
