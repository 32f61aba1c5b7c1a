package org.citybridge.municipality.profile;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;
import org.citybridge.municipality.MunicipalityMemberships;

/**
 * Who may edit a municipality's profile: its own officers, staff of an organisation it is a member
 * of, and administrators. Checked by the service on every write, not only by hiding the link.
 */
@Component
public record MunicipalityEditPolicy(MunicipalityMemberships memberships) {

	public boolean mayEdit(Actor actor, long municipalityId) {
		return switch (actor.role()) {
			case ADMIN -> true;
			case OFFICER -> actor.municipalityId() != null && actor.municipalityId() == municipalityId;
			case STAFF -> actor.organisationId() != null
					&& this.memberships.organisationHasMember(actor.organisationId(), municipalityId);
			case ANONYMOUS, DELEGATE -> false;
		};
	}
}
