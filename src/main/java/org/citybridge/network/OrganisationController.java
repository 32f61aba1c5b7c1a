package org.citybridge.network;

import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.Locale;

import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Submitted;
import org.citybridge.system.Text;

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
record OrganisationController(OrganisationDirectory directory,
		OrganisationPages pages,
		MembershipInvitations invitations) {

	@GetMapping("/organisations")
	String list(Model model) {
		OrganisationPages.Listing listing = this.pages.listing(Actor.current());
		model.addAttribute("organisations", listing.organisations());
		model.addAttribute("mayCreateNetwork", listing.mayCreateNetwork());
		return "network/list";
	}

	@GetMapping("/organisations/{id}")
	String show(@PathVariable("id") String id, @RequestParam(name = "member", required = false) String member,
			@RequestParam(name = "since", required = false) String since, Model model, Locale locale) {
		OrganisationPages.Detail page = this.pages.detail(Actor.current(), parseId(id), locale, member);
		model.addAttribute("memberName", member == null ? "" : member.strip());
		model.addAttribute("memberSince", since == null ? "" : since.strip());
		model.addAttribute("memberCandidates", page.memberCandidates());
		model.addAttribute("organisation", page.organisation());
		model.addAttribute("regionName", page.regionName());
		model.addAttribute("members", page.members());
		model.addAttribute("associations", page.associations());
		model.addAttribute("memberOf", page.memberOf());
		model.addAttribute("mayKeepMembers", page.mayKeepMembers());
		model.addAttribute("candidateAssociations", page.candidateAssociations());
		model.addAttribute("invitations", page.invitations());
		model.addAttribute("recordsConsent", page.recordsConsent());
		model.addAttribute("today", page.today());
		return "network/detail";
	}

	/**
	 * Adds or invites a member municipality: the one chosen from the candidates
	 * ({@code municipalityId}), or the one a name typed means ({@code municipality}). A name of none,
	 * or of several, goes back to the page with the name kept, the message next to the field and
	 * the candidates to choose from.
	 */
	@PostMapping("/organisations/{id}/members")
	String addMember(@PathVariable("id") String id, @RequestParam(name = "municipalityId", required = false) String municipalityId,
			@RequestParam(name = "municipality", required = false) String municipality,
			@RequestParam(name = "since", required = false) String since, Authentication authentication,
			Locale locale, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		try {
			Long chosen = municipalityId != null ? parsePositive(municipalityId, "municipalityId") : null;
			MembershipInvitations.Outcome outcome = this.pages.addMember(Actor.current(), organisationId, chosen,
					municipality, parseSince(since), authentication.getName(),
					ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(), locale);
			redirect.addFlashAttribute("flash",
					outcome == MembershipInvitations.Outcome.ADDED ? "network.members.added" : "network.invitations.sent");
			return "redirect:/organisations/" + organisationId;
		}
		catch (Refusal refused) {
			if (!"municipality".equals(refused.field())) {
				redirect.addFlashAttribute("flashError", refused.messageKey());
				return "redirect:/organisations/" + organisationId;
			}
			redirect.addFlashAttribute("memberError", refused.messageKey());
			redirect.addAttribute("member", municipality == null ? "" : municipality.strip());
			if (since != null && !since.isBlank()) {
				redirect.addAttribute("since", since.strip());
			}
			return "redirect:/organisations/" + organisationId + "#add-member-heading";
		}
	}

	@PostMapping("/organisations/{id}/associations")
	String addAssociation(@PathVariable("id") String id, @RequestParam(name = "memberId", required = false) String memberId,
			@RequestParam(name = "since", required = false) String since, Authentication authentication,
			RedirectAttributes redirect) {
		long organisationId = parseId(id);
		return Refusal.redirectAfter(() -> {
			this.directory.addAssociation(Actor.current(), organisationId, parsePositive(memberId, "memberId"),
					parseSince(since), authentication.getName());
			return "network.associations.added";
		}, "/organisations/" + organisationId, redirect);
	}

	@PostMapping("/organisations/{id}/invitations/{municipalityId}/withdraw")
	String withdrawInvitation(@PathVariable("id") String id, @PathVariable("municipalityId") String municipalityId,
			Authentication authentication, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		return Refusal.redirectAfter(() -> {
			this.invitations.withdraw(Actor.current(), organisationId, parseId(municipalityId), authentication.getName());
			return "network.invitations.withdrawn";
		}, "/organisations/" + organisationId, redirect);
	}

	@PostMapping("/organisations/{id}/associations/{memberId}/remove")
	String removeAssociation(@PathVariable("id") String id, @PathVariable("memberId") String memberId,
			Authentication authentication, RedirectAttributes redirect) {
		long organisationId = parseId(id);
		this.directory.removeAssociation(Actor.current(), organisationId, parseId(memberId), authentication.getName());
		redirect.addFlashAttribute("flash", "network.associations.removed");
		return "redirect:/organisations/" + organisationId;
	}

	@GetMapping("/organisations/new")
	String newNetwork(Model model, Locale locale) {
		model.addAttribute("networkForm", NetworkForm.empty());
		return networkForm(this.pages.networkForm(Actor.current(), null, locale), model);
	}

	@PostMapping("/organisations/new")
	String createNetwork(@Valid @ModelAttribute("networkForm") NetworkForm form, BindingResult result, Model model,
			Locale locale, Authentication authentication, RedirectAttributes redirect) {
		return submitted(this.pages.submitNetwork(Actor.current(), null, form, !result.hasErrors(), authentication.getName(),
				locale), "network.flash.created", result, model, redirect);
	}

	@GetMapping("/organisations/{id}/edit")
	String editNetwork(@PathVariable("id") String id, Model model, Locale locale) {
		OrganisationPages.NetworkFormPage page = this.pages.networkForm(Actor.current(), parseId(id), locale);
		model.addAttribute("networkForm", NetworkForm.of(page.organisation()));
		return networkForm(page, model);
	}

	@PostMapping("/organisations/{id}/edit")
	String updateNetwork(@PathVariable("id") String id, @Valid @ModelAttribute("networkForm") NetworkForm form,
			BindingResult result, Model model, Locale locale, Authentication authentication, RedirectAttributes redirect) {
		return submitted(this.pages.submitNetwork(Actor.current(), parseId(id), form, !result.hasErrors(),
				authentication.getName(), locale), "network.flash.updated", result, model, redirect);
	}

	private static String submitted(Submitted<Long, OrganisationPages.NetworkFormPage> submitted, String flash, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (submitted.isSaved()) {
			redirect.addFlashAttribute("flash", flash);
			return "redirect:/organisations/" + submitted.saved();
		}
		submitted.rejectIn(result);
		model.addAttribute("invalid", true);
		return networkForm(submitted.page(), model);
	}

	private static String networkForm(OrganisationPages.NetworkFormPage page, Model model) {
		model.addAttribute("organisation", page.organisation());
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("admissions", Admission.values());
		model.addAttribute("areas", page.areas());
		model.addAttribute("regionCountries", page.regionCountries());
		model.addAttribute("themeCodes", page.themeCodes());
		return "network/network-form";
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
		throw new Refusal("since", "network.members.since.invalid");
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
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		model.addAttribute("invalid", true);
		model.addAttribute("kinds", OrganisationKind.values());
		return "network/form";
	}

	/** A member number that is not a number is no municipality: the same message as an unknown one. */
	private static long parsePositive(String value, String field) {
		return Text.requireId(value, text -> new Refusal(field,
				field.equals("memberId") ? "network.members.unknownAssociation" : "network.members.unknown"));
	}

	/** A number in the address that is no organisation's, or no number, is a page not found. */
	static long parseId(String id) {
		return Text.requireId(id, OrganisationNotFound::new);
	}
}
