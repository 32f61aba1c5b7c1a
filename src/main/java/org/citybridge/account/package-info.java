/**
 * Accounts and signing in: invitations, passwords and their resets, the sign-in throttle, the
 * account page with data export and erasure, administration of accounts, and the outbox of
 * messages the portal sends. Implements Spring Security's user lookup for the floor.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system", "audit", "network", "municipality" })
package org.citybridge.account;
