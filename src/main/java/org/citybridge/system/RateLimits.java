package org.citybridge.system;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most so many of one kind of action per key (an e-mail address, a client address) within a
 * window. Counted in one statement, so concurrent requests cannot both slip under the limit; the
 * count is kept in its own transaction, so a refused or failing action still counts.
 */
@Service
public class RateLimits {

	private final JdbcClient jdbc;

	RateLimits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts one more and answers whether it is still within {@code max} per {@code window}. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryAcquire(String kind, String key, int max, Duration window) {
		String limitKey = kind + ":" + (key == null ? "" : key.length() > 300 ? key.substring(0, 300) : key);
		int hits = this.jdbc.sql("""
				INSERT INTO rate_limits AS r (limit_key, hits, window_started_at) VALUES (:key, 1, now())
				ON CONFLICT (limit_key) DO UPDATE SET
				  hits = CASE WHEN r.window_started_at > now() - make_interval(secs => :window) THEN r.hits + 1 ELSE 1 END,
				  window_started_at = CASE WHEN r.window_started_at > now() - make_interval(secs => :window)
				                      THEN r.window_started_at ELSE now() END
				RETURNING hits
				""").param("key", limitKey).param("window", window.toSeconds()).query(Integer.class).single();
		return hits <= max;
	}
}
