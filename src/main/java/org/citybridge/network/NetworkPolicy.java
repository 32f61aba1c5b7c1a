package org.citybridge.network;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;

/**
 * Who may keep a network's record and members. Administrators keep every one. Staff keep their own
 * organisation, the networks their organisation entered, and the shared records nobody's staff
 * own (the well-known networks the portal lists, such as Eurocities); never another organisation
 * that has staff of its own.
 */
@Component
class NetworkPolicy {

	boolean mayCreate(Actor actor) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.STAFF && actor.organisationId() != null);
	}

	boolean mayMaintain(Actor actor, Long maintainedBy) {
		if (actor.role() == Actor.Role.ADMIN) {
			return true;
		}
		return actor.role() == Actor.Role.STAFF && actor.organisationId() != null
				&& (maintainedBy == null || maintainedBy.equals(actor.organisationId()));
	}
}
