package org.citybridge.matchmaking.searches;

import java.time.Instant;
import java.util.List;

/**
 * A partner search as pages read it: its author (a municipality or an organisation), what it is
 * for, what it seeks (themes, country groups and single countries), and how far it has come ({@code accepted} and {@code pending} interests), and the version its edits are checked against.
 */
public record PartnerSearch(long id, Long municipalityId, String municipalityName, String municipalityCountry,
		Long organisationId, String organisationName, String title, String idea, Long instrumentId, String instrumentSlug,
		String instrumentShortName, Long callId, String callTitle, Instant callClosesAt, int partnersNeeded,
		List<String> languages, Instant expiresAt, String status, boolean groupPublic, boolean example,
		Instant createdAt, List<String> themes, List<String> groups, int accepted, int pending, String contentLang,
		List<String> countries, long version) {

	/** Where the search stands at {@code now}: OPEN, EXPIRED or COMPLETE. */
	public String state(Instant now) {
		if ("COMPLETE".equals(this.status)) {
			return "COMPLETE";
		}
		return this.expiresAt.isAfter(now) ? "OPEN" : "EXPIRED";
	}

	public boolean open(Instant now) {
		return "OPEN".equals(state(now));
	}

	/** The search's address. */
	public String href() {
		return "/partner-searches/" + this.id;
	}

	/** How many partners are still wanted: those needed less those accepted, never below 0. */
	public int stillNeeded() {
		return Math.max(0, this.partnersNeeded - this.accepted);
	}
}
