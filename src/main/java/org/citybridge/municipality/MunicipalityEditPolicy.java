package org.citybridge.municipality;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;

/**
 * Who may edit a municipality's profile: its own officers, staff of an organisation it is a member
 * of, and administrators. Checked by the service on every write, not only by hiding the link.
 */
@Component
class MunicipalityEditPolicy {

	private final MunicipalityMemberships memberships;

	MunicipalityEditPolicy(MunicipalityMemberships memberships) {
		this.memberships = memberships;
	}

	boolean mayEdit(Actor actor, long municipalityId) {
		return switch (actor.role()) {
			case ADMIN -> true;
			case OFFICER -> actor.municipalityId() != null && actor.municipalityId() == municipalityId;
			case STAFF -> actor.organisationId() != null
					&& this.memberships.organisationHasMember(actor.organisationId(), municipalityId);
			case ANONYMOUS -> false;
		};
	}
}
