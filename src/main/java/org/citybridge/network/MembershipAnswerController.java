package org.citybridge.network;

import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A municipality's answers about its networks, given on its profile by its officers: accept or
 * decline an invitation to join, leave a network.
 */
@Controller
record MembershipAnswerController(MembershipInvitations invitations) {

	@PostMapping("/municipalities/{municipality}/networks/{organisation}/{answer:accept|decline|leave}")
	String answer(@PathVariable("municipality") String municipality, @PathVariable("organisation") String organisation,
			@PathVariable("answer") String answer, Authentication authentication, RedirectAttributes redirect) {
		long municipalityId = OrganisationController.parseId(municipality);
		long organisationId = OrganisationController.parseId(organisation);
		MembershipInvitations.Answer given = MembershipInvitations.Answer.valueOf(answer.toUpperCase(java.util.Locale.ROOT));
		return Refusal.redirectAfter(() -> {
			this.invitations.answer(Actor.current(), organisationId, municipalityId, given, authentication.getName());
			return given.doneKey;
		}, "/municipalities/" + municipalityId + "#networks-heading", redirect);
	}
}
