package org.citybridge.funding;

import org.citybridge.system.Actor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may maintain funding instruments and calls: network staff and administrators, never officers or visitors. */
@Component
public class FundingPolicy {

	public static boolean mayEdit(Actor actor) {
		return actor != null && (actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN);
	}

	public void requireEditor(Actor actor) {
		if (!mayEdit(actor)) {
			throw new AccessDeniedException("Only staff and administrators maintain funding instruments");
		}
	}
}
