package org.citybridge.account.signin;

import java.util.Locale;

import org.citybridge.system.LoginAttempts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After 5 failed sign-ins for an account or from an address within 15 minutes, further attempts
 * are refused for 15 minutes. Counters live in PostgreSQL and are updated atomically, so they hold
 * across restarts and across portal instances.
 */
@Component
public class LoginThrottle implements LoginAttempts {

	public static final int MAX_FAILURES = 5;

	static final int WINDOW_MINUTES = 15;

	private final JdbcClient jdbc;

	LoginThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isBlocked(String username, String address) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM login_throttle WHERE throttle_key IN (?, ?) AND blocked_until > now())
				""").params(accountKey(username), addressKey(address)).query(Boolean.class).single();
	}

	@Override
	@Transactional
	public void failed(String username, String address) {
		for (String key : new String[] { accountKey(username), addressKey(address) }) {
			this.jdbc.sql("""
					INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at)
					VALUES (:key, 1, now())
					ON CONFLICT (throttle_key) DO UPDATE SET
					  failures = CASE WHEN t.window_started_at > now() - make_interval(mins => :window)
					                  THEN t.failures + 1 ELSE 1 END,
					  window_started_at = CASE WHEN t.window_started_at > now() - make_interval(mins => :window)
					                  THEN t.window_started_at ELSE now() END
					""").param("key", key).param("window", WINDOW_MINUTES).update();
			this.jdbc.sql("""
					UPDATE login_throttle SET blocked_until = now() + make_interval(mins => :window)
					WHERE throttle_key = :key AND failures >= :max AND (blocked_until IS NULL OR blocked_until < now())
					""").param("key", key).param("window", WINDOW_MINUTES).param("max", MAX_FAILURES).update();
		}
	}

	@Override
	@Transactional
	public void succeeded(String username, String address) {
		this.jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ? AND (blocked_until IS NULL OR blocked_until < now())")
			.param(accountKey(username))
			.update();
	}

	public static String accountKey(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return "account:" + (name.length() > 300 ? name.substring(0, 300) : name);
	}

	public static String addressKey(String address) {
		return "address:" + (address == null ? "" : address);
	}
}
