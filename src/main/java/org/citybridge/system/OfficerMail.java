package org.citybridge.system;

import java.util.Locale;
import java.util.function.Function;

/**
 * Sends a message to the officers of a municipality, or to one address, through the portal's mail sender (kept in the
 * outbox, and mailed where a mail server is configured). Declared on the floor so that features
 * that must tell a municipality something (a partnership request, its answer) need not depend on
 * the accounts feature, which owns the officers' addresses and implements it.
 */
public interface OfficerMail {

	/** A message as it reads in one language. */
	record Letter(String subject, String body) {
	}

	/**
	 * Sends the message to every active officer of the municipality, each in their own language
	 * ({@code letter} writes it for a locale), inside the caller's transaction where there is one, so
	 * the message is kept only if the change it reports is. A municipality without officers receives
	 * nothing.
	 * @return how many officers the message went to
	 */
	int toOfficersOf(long municipalityId, Function<Locale, Letter> letter);

	/**
	 * Sends one mail to one address through the outbox, inside the caller's transaction where
	 * there is one (for notices, which address each person in their own language).
	 */
	void send(String recipient, String subject, String body);
}
