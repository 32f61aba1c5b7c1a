package org.citybridge.matchmaking.searches;

import java.time.Instant;

/** A municipality's expression of interest in a partner search, and the author side's answer. */
public record Interest(long id, long searchId, long municipalityId, String municipalityName, String countryCode,
		String message, String status, Instant createdAt) {

	public boolean pending() {
		return "PENDING".equals(this.status);
	}

	public boolean accepted() {
		return "ACCEPTED".equals(this.status);
	}
}
