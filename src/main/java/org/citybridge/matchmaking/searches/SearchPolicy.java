package org.citybridge.matchmaking.searches;

import java.util.Collection;

import org.citybridge.system.Actor;

/**
 * Who may do what with partner searches. An officer publishes for their own municipality, staff for
 * their own organisation; the author's side (the municipality's officers, the organisation's staff)
 * edits the search, answers interests, closes the search and publishes its group; an officer of another
 * municipality expresses interest for their own and may withdraw it. Nobody else writes, administrators included.
 */
final class SearchPolicy {

	private SearchPolicy() {
	}

	static boolean mayPublish(Actor actor) {
		return (actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null)
				|| (actor.role() == Actor.Role.STAFF && actor.organisationId() != null);
	}

	static boolean isAuthorSide(Actor actor, PartnerSearch search) {
		if (actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null) {
			return actor.municipalityId().equals(search.municipalityId());
		}
		return actor.role() == Actor.Role.STAFF && actor.organisationId() != null
				&& actor.organisationId().equals(search.organisationId());
	}

	static boolean mayExpressInterest(Actor actor, PartnerSearch search) {
		return actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& !actor.municipalityId().equals(search.municipalityId());
	}

	/** Officers of the municipality that expressed the interest withdraw it (and so leave the group). */
	static boolean mayWithdraw(Actor actor, Interest interest) {
		return actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& actor.municipalityId() == interest.municipalityId();
	}

	/** The author's side, and the officers of the municipalities whose interest was accepted, see the group. */
	static boolean isMember(Actor actor, PartnerSearch search, Collection<Long> acceptedMunicipalities) {
		return isAuthorSide(actor, search) || (actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& acceptedMunicipalities.contains(actor.municipalityId()));
	}
}
