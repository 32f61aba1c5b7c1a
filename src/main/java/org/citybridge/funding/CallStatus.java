package org.citybridge.funding;

import java.time.Instant;

/** Where a call stands at a given instant: it opens at its opening instant and is closed from its closing instant on. */
public enum CallStatus {
	UPCOMING, OPEN, CLOSED;

	static CallStatus at(Instant now, Instant opensAt, Instant closesAt) {
		if (now.isBefore(opensAt)) {
			return UPCOMING;
		}
		return now.isBefore(closesAt) ? OPEN : CLOSED;
	}
}
