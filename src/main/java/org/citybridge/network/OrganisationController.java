package org.citybridge.network;

import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.citybridge.system.Actor;
import org.citybridge.theme.Themes;

import org.springframework.security.access.AccessDeniedException;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class OrganisationController {

	private final OrganisationDirectory directory;

	private final NetworkRegions regions;

	private final Themes themes;

	private final MembershipInvitations invitations;

	OrganisationController(OrganisationDirectory directory, NetworkRegions regions, Themes themes,
			MembershipInvitations invitations) {
		this.directory = directory;
		this.invitations = invitations;
		this.regions = regions;
		this.themes = themes;
	}

	@GetMapping("/organisations")
	String list(Model model) {
		model.addAttribute("organisations", this.directory.all());
		model.addAttribute("mayCreateNetwork", this.directory.mayCreate(Actor.current()));
		return "network/list";
	}

	@GetMapping("/organisations/{id}")
	String show(@PathVariable("id") String id, Model model, Locale locale) {
		long organisationId = parseId(id);
		OrganisationDirectory.Summary organisation = this.directory.byId(organisationId);
		model.addAttribute("organisation", organisation);
		model.addAttribute("regionName", NetworkRegions.name(organisation.region(), locale));
		model.addAttribute("members", this.directory.members(organisationId));
		model.addAttribute("associations", this.directory.associations(organisationId));
		model.addAttribute("memberOf", this.directory.memberOf(organisationId));
		boolean mayKeep = this.directory.mayKeepMembers(Actor.current(), organisationId);
		model.addAttribute("mayKeepMembers", mayKeep);
		model.addAttribute("candidateAssociations", mayKeep ? this.directory.candidateAssociations(organisationId) : List.of());
		model.addAttribute("invitations", mayKeep ? this.invitations.sentBy(organisationId) : List.of());
		model.addAttribute("recordsConsent", Actor.current().role() == Actor.Role.ADMIN);
		model.addAttribute("today", LocalDate.now().toString());
		return "network/detail";
	}

	@PostMapping("/organisations/{id}/members")
	String addMember(@PathVariable("id") String id, @RequestParam(name = "municipalityId", required = false) String municipalityId,
			@RequestParam(name = "since", required = false) String since, Authentication authentication,
			Locale locale, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		try {
			MembershipInvitations.Outcome outcome = this.invitations.propose(Actor.current(), organisationId,
					parsePositive(municipalityId, "municipalityId"), parseSince(since), authentication.getName(),
					ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(), locale);
			redirect.addFlashAttribute("flash",
					outcome == MembershipInvitations.Outcome.ADDED ? "network.members.added" : "network.invitations.sent");
		}
		catch (OrganisationDirectory.Refused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/organisations/" + organisationId;
	}

	@PostMapping("/organisations/{id}/associations")
	String addAssociation(@PathVariable("id") String id, @RequestParam(name = "memberId", required = false) String memberId,
			@RequestParam(name = "since", required = false) String since, Authentication authentication,
			RedirectAttributes redirect) {
		long organisationId = parseId(id);
		try {
			this.directory.addAssociation(Actor.current(), organisationId, parsePositive(memberId, "memberId"),
					parseSince(since), authentication.getName());
			redirect.addFlashAttribute("flash", "network.members.added");
		}
		catch (OrganisationDirectory.Refused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/organisations/" + organisationId;
	}

	@PostMapping("/organisations/{id}/invitations/{municipalityId}/withdraw")
	String withdrawInvitation(@PathVariable("id") String id, @PathVariable("municipalityId") String municipalityId,
			Authentication authentication, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		try {
			this.invitations.withdraw(Actor.current(), organisationId, parseId(municipalityId), authentication.getName());
			redirect.addFlashAttribute("flash", "network.invitations.withdrawn");
		}
		catch (OrganisationDirectory.Refused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/organisations/" + organisationId;
	}

	@PostMapping("/organisations/{id}/associations/{memberId}/remove")
	String removeAssociation(@PathVariable("id") String id, @PathVariable("memberId") String memberId,
			Authentication authentication, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		this.directory.removeAssociation(Actor.current(), organisationId, parseId(memberId), authentication.getName());
		redirect.addFlashAttribute("flash", "network.members.removed");
		return "redirect:/organisations/" + organisationId;
	}

	@GetMapping("/organisations/new")
	String newNetwork(Model model, Locale locale) {
		if (!this.directory.mayCreate(Actor.current())) {
			throw new AccessDeniedException("May not create networks");
		}
		model.addAttribute("networkForm", NetworkForm.empty());
		return networkForm(null, model, locale);
	}

	@PostMapping("/organisations/new")
	String createNetwork(@Valid @ModelAttribute("networkForm") NetworkForm form, BindingResult result, Model model,
			Locale locale, Authentication authentication, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				long id = this.directory.createNetwork(Actor.current(), form, authentication.getName());
				redirect.addFlashAttribute("flash", "networks.flash.created");
				return "redirect:/organisations/" + id;
			}
			catch (OrganisationDirectory.Refused refused) {
				reject(result, refused);
			}
		}
		else if (!this.directory.mayCreate(Actor.current())) {
			throw new AccessDeniedException("May not create networks");
		}
		model.addAttribute("invalid", true);
		return networkForm(null, model, locale);
	}

	@GetMapping("/organisations/{id}/edit")
	String editNetwork(@PathVariable("id") String id, Model model, Locale locale) {
		long organisationId = parseId(id);
		OrganisationDirectory.Summary organisation = this.directory.byId(organisationId);
		if (!this.directory.mayKeepMembers(Actor.current(), organisationId)) {
			throw new AccessDeniedException("May not edit network " + organisationId);
		}
		model.addAttribute("networkForm", NetworkForm.of(organisation));
		return networkForm(organisation, model, locale);
	}

	@PostMapping("/organisations/{id}/edit")
	String updateNetwork(@PathVariable("id") String id, @Valid @ModelAttribute("networkForm") NetworkForm form,
			BindingResult result, Model model, Locale locale, Authentication authentication, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		OrganisationDirectory.Summary organisation = this.directory.byId(organisationId);
		if (!result.hasErrors()) {
			try {
				this.directory.updateNetwork(Actor.current(), organisationId, form, authentication.getName());
				redirect.addFlashAttribute("flash", "networks.flash.updated");
				return "redirect:/organisations/" + organisationId;
			}
			catch (OrganisationDirectory.Refused refused) {
				reject(result, refused);
			}
		}
		else if (!this.directory.mayKeepMembers(Actor.current(), organisationId)) {
			throw new AccessDeniedException("May not edit network " + organisationId);
		}
		model.addAttribute("invalid", true);
		return networkForm(organisation, model, locale);
	}

	private String networkForm(OrganisationDirectory.Summary organisation, Model model, Locale locale) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("admissions", Admission.values());
		model.addAttribute("areas", this.regions.areas(locale));
		model.addAttribute("regionCountries", this.regions.countries(locale));
		model.addAttribute("themeCodes", this.themes.codes());
		return "network/network-form";
	}

	private static void reject(BindingResult result, OrganisationDirectory.Refused refused) {
		if (refused.field == null) {
			result.reject(refused.messageKey);
		}
		else {
			result.rejectValue(refused.field, refused.messageKey);
		}
	}

	/** A date the member joined: not after today; none means today. */
	private static LocalDate parseSince(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate since = LocalDate.parse(value.strip());
			if (!since.isAfter(LocalDate.now()) && since.getYear() >= 1800) {
				return since;
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			// refused below
		}
		throw new OrganisationDirectory.Refused("since", "networks.members.since.invalid");
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
	private static long parsePositive(String value, String field) {
		try {
			long id = Long.parseLong(value == null ? "" : value.strip());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new OrganisationDirectory.Refused(field,
				field.equals("memberId") ? "networks.members.unknownAssociation" : "network.members.unknown");
	}

	/** A number in the address that is no organisation's, or no number, is a page not found. */
	static long parseId(String id) {
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
