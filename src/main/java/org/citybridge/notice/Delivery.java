package org.citybridge.notice;

/** How a person wants to hear of a kind of notice besides the portal's list. */
public enum Delivery {
	/** A mail for each notice, when it is made. */
	IMMEDIATE,
	/** One mail a day at most, gathering the day's notices. */
	DIGEST,
	/** Only in the portal's list. */
	OFF
}
