package org.citybridge.network;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class OrganisationController {

	private final OrganisationDirectory directory;

	OrganisationController(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/organisations")
	String list(Model model) {
		model.addAttribute("organisations", this.directory.all());
		return "network/list";
	}

	@GetMapping("/organisations/{id}")
	String show(@PathVariable("id") String id, Model model) {
		long organisationId = parseId(id);
		model.addAttribute("organisation", this.directory.byId(organisationId));
		model.addAttribute("members", this.directory.members(organisationId));
		model.addAttribute("mayKeepMembers", this.directory.mayKeepMembers(Actor.current(), organisationId));
		return "network/detail";
	}

	@PostMapping("/organisations/{id}/members")
	String addMember(@PathVariable("id") String id, @RequestParam(name = "municipalityId", required = false) String municipalityId,
			Authentication authentication, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		try {
			this.directory.addMember(Actor.current(), organisationId, parsePositive(municipalityId), authentication.getName());
			redirect.addFlashAttribute("flash", "network.members.added");
		}
		catch (OrganisationDirectory.Refused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/organisations/" + organisationId;
	}

	@PostMapping("/organisations/{id}/members/{municipalityId}/remove")
	String removeMember(@PathVariable("id") String id, @PathVariable("municipalityId") String municipalityId,
			Authentication authentication, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		this.directory.removeMember(Actor.current(), organisationId, parseId(municipalityId), authentication.getName());
		redirect.addFlashAttribute("flash", "network.members.removed");
		return "redirect:/organisations/" + organisationId;
	}

	@GetMapping("/admin/organisations/new")
	String newForm(Model model) {
		model.addAttribute("organisationForm", OrganisationForm.empty());
		model.addAttribute("kinds", OrganisationKind.values());
		return "network/form";
	}

	@PostMapping("/admin/organisations/new")
	String create(@Valid @ModelAttribute("organisationForm") OrganisationForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.directory.create(Actor.current(), form, authentication.getName());
				redirect.addFlashAttribute("flash", "network.form.created");
				return "redirect:/organisations/" + id;
			}
			catch (OrganisationDirectory.Refused refused) {
				result.rejectValue(refused.field, refused.messageKey);
			}
		}
		model.addAttribute("invalid", true);
		model.addAttribute("kinds", OrganisationKind.values());
		return "network/form";
	}

	/** A member number that is not a number is no municipality: the same message as an unknown one. */
	private static long parsePositive(String value) {
		try {
			long id = Long.parseLong(value == null ? "" : value.strip());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new OrganisationDirectory.Refused("municipalityId", "network.members.unknown");
	}

	private static long parseId(String id) {
		try {
			long value = Long.parseLong(id);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new OrganisationNotFound(id);
	}
}
