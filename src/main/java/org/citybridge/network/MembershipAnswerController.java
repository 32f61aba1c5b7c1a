package org.citybridge.network;

import org.citybridge.system.Actor;

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
class MembershipAnswerController {

	private final MembershipInvitations invitations;

	MembershipAnswerController(MembershipInvitations invitations) {
		this.invitations = invitations;
	}

	@PostMapping("/municipalities/{municipality}/networks/{organisation}/{answer:accept|decline|leave}")
	String answer(@PathVariable("municipality") String municipality, @PathVariable("organisation") String organisation,
			@PathVariable("answer") String answer, Authentication authentication, RedirectAttributes redirect) {
		long municipalityId = OrganisationController.parseId(municipality);
		long organisationId = OrganisationController.parseId(organisation);
		Actor actor = Actor.current();
		try {
			String done = switch (answer) {
				case "accept" -> {
					this.invitations.accept(actor, organisationId, municipalityId, authentication.getName());
					yield "network.invitations.accepted";
				}
				case "decline" -> {
					this.invitations.decline(actor, organisationId, municipalityId, authentication.getName());
					yield "network.invitations.declined";
				}
				default -> {
					this.invitations.leave(actor, organisationId, municipalityId, authentication.getName());
					yield "network.invitations.left";
				}
			};
			redirect.addFlashAttribute("flash", done);
		}
		catch (OrganisationDirectory.Refused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/municipalities/" + municipalityId + "#networks-heading";
	}
}
