package org.citybridge.portal;

import org.citybridge.matchmaking.Requests;
import org.citybridge.system.Actor;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's badge: how many partnership requests (or answers) an officer has not opened yet.
 * One count query for signed-in officers; nothing for anyone else.
 */
@ControllerAdvice
record HeaderBadges(Requests requests) {

	@ModelAttribute("unreadRequests")
	long unreadRequests() {
		Actor actor = Actor.current();
		return actor.role() == Actor.Role.OFFICER ? this.requests.unreadFor(actor) : 0;
	}
}
