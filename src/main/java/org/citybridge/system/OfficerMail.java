package org.citybridge.system;

/**
 * Sends a message to the officers of a municipality, or to one address, through the portal's mail sender (kept in the
 * outbox, and mailed where a mail server is configured). Declared on the floor so that features
 * that must tell a municipality something (a partnership request, its answer) need not depend on
 * the accounts feature, which owns the officers' addresses and implements it.
 */
public interface OfficerMail {

	/**
	 * Sends the message to every active officer of the municipality, inside the caller's
	 * transaction where there is one, so the message is kept only if the change it reports is.
	 * A municipality without officers receives nothing.
	 * @return how many officers the message went to
	 */
	int toOfficersOf(long municipalityId, String subject, String body);

	/**
	 * Sends one mail to one address through the outbox, inside the caller's transaction where
	 * there is one (for notices, which address each person in their own language).
	 */
	void send(String recipient, String subject, String body);
}
