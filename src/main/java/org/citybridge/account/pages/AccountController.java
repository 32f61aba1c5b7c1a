package org.citybridge.account.pages;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.system.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.citybridge.account.InvitationForm;
import org.citybridge.account.PasswordForm;

/** The signed-in person's own account page, and inviting others for those who may. */
@Controller
record AccountController(AccountSettings settings, AccountPages pages) {

	@GetMapping("/account")
	String show(Model model) {
		model.addAttribute("passwordForm", PasswordForm.empty());
		return page(this.pages.own(Actor.current()), model);
	}

	@PostMapping("/account/password")
	String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		AccountPages.Changed changed = this.pages.changePassword(Actor.current(), form,
				(session == null) ? null : session.getId());
		if (!changed.done()) {
			changed.refusal().rejectIn(result);
			model.addAttribute("passwordForm", PasswordForm.empty());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "passwordForm", result);
			return page(changed.page(), model);
		}
		redirect.addFlashAttribute("flash", "account.password.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/language")
	String changeLanguage(@RequestParam(name = "language", required = false) String language, Model model,
			RedirectAttributes redirect) {
		AccountPages.Changed changed = this.pages.changeLanguage(Actor.current(), language);
		if (!changed.done()) {
			model.addAttribute("passwordForm", PasswordForm.empty());
			model.addAttribute("languageError", changed.refusal().messageKey());
			return page(changed.page(), model);
		}
		redirect.addFlashAttribute("flash", "account.language.changed");
		return "redirect:/account";
	}

	@GetMapping("/account/data")
	ResponseEntity<Map<String, Object>> personalData() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"citybridge-personal-data.json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.settings.personalData(Actor.current()));
	}

	@PostMapping("/account/erase")
	String erase(@RequestParam(name = "confirm", required = false) String confirm, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		AccountPages.Changed erased = this.pages.erase(Actor.current(), "yes".equals(confirm));
		if (!erased.done()) {
			model.addAttribute("passwordForm", PasswordForm.empty());
			model.addAttribute("eraseError", erased.refusal().messageKey());
			return page(erased.page(), model);
		}
		new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		redirect.addFlashAttribute("flash", "account.erase.done");
		return "redirect:/";
	}

	@GetMapping("/account/invitations")
	String inviteForm(Model model, Locale locale) {
		model.addAttribute("invitation", InvitationForm.empty(locale));
		return invitePage(this.pages.inviteForm(Actor.current()), model);
	}

	@PostMapping("/account/invitations")
	String invite(@jakarta.validation.Valid @ModelAttribute("invitation") InvitationForm form, BindingResult result,
			Model model, Locale locale) {
		AccountPages.Invited invited = this.pages.invite(Actor.current(), form, !result.hasErrors(),
				ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), locale);
		if (invited.raised()) {
			model.addAttribute("raisedName", form.email().strip());
			model.addAttribute("invitedMunicipality", invited.municipalityName());
			model.addAttribute("invitedCountry", invited.countryCode());
			model.addAttribute("invitation", InvitationForm.empty(locale));
		}
		else if (invited.link() != null) {
			model.addAttribute("invitationLink", invited.link());
			model.addAttribute("invitedName", form.displayName());
			model.addAttribute("invitedMunicipality", invited.municipalityName());
			model.addAttribute("invitedCountry", invited.countryCode());
			model.addAttribute("invitation", InvitationForm.empty(locale));
		}
		else {
			if (invited.refusal() != null) {
				invited.refusal().rejectIn(result);
			}
			model.addAttribute("invalid", true);
		}
		return invitePage(invited.form(), model);
	}

	private static String invitePage(AccountPages.InviteForm form, Model model) {
		model.addAttribute("organisations", form.organisations());
		model.addAttribute("roles", form.roles());
		model.addAttribute("candidates", form.candidates());
		model.addAttribute("languages", org.citybridge.account.Account.LANGUAGES);
		return "account/invite";
	}

	private static String page(AccountPages.Own own, Model model) {
		model.addAttribute("account", own.account());
		model.addAttribute("organisation", own.organisation());
		model.addAttribute("municipalityName", own.municipalityName());
		model.addAttribute("languages", org.citybridge.account.Account.LANGUAGES);
		return "account/account";
	}
}
