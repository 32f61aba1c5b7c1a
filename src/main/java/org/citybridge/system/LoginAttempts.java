package org.citybridge.system;

/**
 * The sign-in throttle, as the security configuration uses it. Implemented by the accounts
 * feature, which stores the counters in PostgreSQL so they survive restarts and are shared by
 * every portal instance.
 */
public interface LoginAttempts {

	/** Whether sign-in is refused for now, for this account name or from this address. */
	boolean isBlocked(String username, String address);

	void failed(String username, String address);

	void succeeded(String username, String address);
}
