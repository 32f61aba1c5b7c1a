package org.citybridge.account.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.citybridge.system.LoginAttempts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in throttle, shaped so that it cannot be turned against users.
 * <ul>
 * <li><b>Per account</b>: after {@value #ACCOUNT_FREE_FAILURES} failures, each further try waits,
 * each failure pausing that account's sign-in longer (1, 2, 4 … minutes, at most
 * {@value #ACCOUNT_MAX_PAUSE_MINUTES}), and the sign-in page says until when and offers the e-mail
 * link (a password reset), which the pause does not stop. Failures older than a day are forgotten;
 * a success clears them.</li>
 * <li><b>Per address</b>: {@value #ADDRESS_MAX_FAILURES} failures within {@value #WINDOW_MINUTES}
 * minutes pause sign-in from that address for {@value #WINDOW_MINUTES} minutes. A city hall behind
 * one NAT address, a forum's Wi-Fi or a proxy share an address: five wrong passwords for one
 * account there no longer refuse everyone else.</li>
 * </ul>
 * Counters live in PostgreSQL and are updated atomically, so they hold across restarts and across
 * portal instances.
 */
@Component
public class LoginThrottle implements LoginAttempts {

	public static final int ACCOUNT_FREE_FAILURES = 5;

	public static final int ACCOUNT_MAX_PAUSE_MINUTES = 60;

	public static final int ADDRESS_MAX_FAILURES = 100;

	public static final int WINDOW_MINUTES = 15;

	private final JdbcClient jdbc;

	LoginThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> blockedUntil(String username, String address) {
		return this.jdbc.sql("""
				SELECT max(blocked_until) FROM login_throttle WHERE throttle_key IN (?, ?) AND blocked_until > now()
				""")
			.params(accountKey(username), addressKey(address))
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	@Override
	@Transactional
	public void failed(String username, String address) {
		// The account: count failures of the last day; from the fifth on, pause 1, 2, 4 … minutes.
		this.jdbc.sql("""
				INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at)
				VALUES (:key, 1, now())
				ON CONFLICT (throttle_key) DO UPDATE SET
				  failures = CASE WHEN t.window_started_at > now() - interval '1 day' THEN t.failures + 1 ELSE 1 END,
				  window_started_at = now()
				""").param("key", accountKey(username)).update();
		this.jdbc.sql("""
				UPDATE login_throttle
				SET blocked_until = now() + make_interval(mins => least(:max_pause, power(2, failures - :free)::int))
				WHERE throttle_key = :key AND failures >= :free
				""")
			.param("key", accountKey(username))
			.param("free", ACCOUNT_FREE_FAILURES)
			.param("max_pause", ACCOUNT_MAX_PAUSE_MINUTES)
			.update();
		// The address: a far higher limit within a fixed window.
		this.jdbc.sql("""
				INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at)
				VALUES (:key, 1, now())
				ON CONFLICT (throttle_key) DO UPDATE SET
				  failures = CASE WHEN t.window_started_at > now() - make_interval(mins => :window)
				                  THEN t.failures + 1 ELSE 1 END,
				  window_started_at = CASE WHEN t.window_started_at > now() - make_interval(mins => :window)
				                  THEN t.window_started_at ELSE now() END
				""").param("key", addressKey(address)).param("window", WINDOW_MINUTES).update();
		this.jdbc.sql("""
				UPDATE login_throttle SET blocked_until = now() + make_interval(mins => :window)
				WHERE throttle_key = :key AND failures >= :max AND (blocked_until IS NULL OR blocked_until < now())
				""").param("key", addressKey(address)).param("window", WINDOW_MINUTES).param("max", ADDRESS_MAX_FAILURES).update();
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
