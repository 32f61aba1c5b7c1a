package org.citybridge.system;

import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in throttle, as the security configuration uses it. Implemented by the accounts
 * feature, which stores the counters in PostgreSQL so they survive restarts and are shared by
 * every portal instance. The address is the one the servlet container resolved
 * ({@code request.getRemoteAddr()}): a forwarded header counts only where
 * {@code server.forward-headers-strategy} says the portal stands behind a proxy that sets it.
 */
public interface LoginAttempts {

	/**
	 * Until when sign-in is refused for this account name, or from this address; empty when it is
	 * not refused. One account's failures never refuse another account, except through the far
	 * higher limit per address.
	 */
	Optional<Instant> blockedUntil(String username, String address);

	void failed(String username, String address);

	void succeeded(String username, String address);
}
