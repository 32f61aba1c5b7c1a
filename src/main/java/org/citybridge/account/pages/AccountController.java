package org.citybridge.account.pages;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.network.Organisations;
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
import org.citybridge.account.AccountRefused;
import org.citybridge.account.InvitationForm;
import org.citybridge.account.Invitations;
import org.citybridge.account.PasswordForm;

/** The signed-in person's own account page, and inviting others for those who may. */
@Controller
class AccountController {

	private final AccountSettings settings;

	private final Invitations invitations;

	private final Organisations organisations;

	AccountController(AccountSettings settings, Invitations invitations, Organisations organisations) {
		this.settings = settings;
		this.invitations = invitations;
		this.organisations = organisations;
	}

	@GetMapping("/account")
	String show(Model model) {
		model.addAttribute("passwordForm", PasswordForm.empty());
		return page(model);
	}

	@PostMapping("/account/password")
	String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			jakarta.servlet.http.HttpSession session = request.getSession(false);
			this.settings.changePassword(Actor.current(), form, session == null ? null : session.getId());
		}
		catch (AccountRefused refused) {
			result.rejectValue(refused.field(), refused.messageKey());
			model.addAttribute("passwordForm", PasswordForm.empty());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "passwordForm", result);
			return page(model);
		}
		redirect.addFlashAttribute("flash", "account.password.changed");
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
		if (!"yes".equals(confirm)) {
			model.addAttribute("passwordForm", PasswordForm.empty());
			model.addAttribute("eraseError", "account.erase.confirmRequired");
			return page(model);
		}
		this.settings.erase(Actor.current());
		new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		redirect.addFlashAttribute("flash", "account.erase.done");
		return "redirect:/";
	}

	@GetMapping("/account/invitations")
	String inviteForm(Model model) {
		model.addAttribute("invitation", InvitationForm.empty());
		return invitePage(model);
	}

	@PostMapping("/account/invitations")
	String invite(@jakarta.validation.Valid @ModelAttribute("invitation") InvitationForm form, BindingResult result,
			Model model, Locale locale) {
		if (!result.hasErrors()) {
			try {
				String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
				model.addAttribute("invitationLink", base + this.invitations.invite(Actor.current(), form, base, locale));
				model.addAttribute("invitation", InvitationForm.empty());
				return invitePage(model);
			}
			catch (AccountRefused refused) {
				result.rejectValue(refused.field(), refused.messageKey());
			}
		}
		model.addAttribute("invalid", true);
		return invitePage(model);
	}

	private String invitePage(Model model) {
		Actor actor = Actor.current();
		if (actor.role() != Actor.Role.ADMIN && actor.role() != Actor.Role.STAFF) {
			throw new org.springframework.security.access.AccessDeniedException("Only staff and admins invite");
		}
		model.addAttribute("organisations", this.organisations.all());
		model.addAttribute("roles", actor.role() == Actor.Role.ADMIN
				? java.util.List.of(Actor.Role.OFFICER, Actor.Role.STAFF, Actor.Role.ADMIN) : java.util.List.of(Actor.Role.OFFICER));
		return "account/invite";
	}

	private String page(Model model) {
		AccountSettings.View view = this.settings.view(Actor.current());
		model.addAttribute("account", view);
		model.addAttribute("organisation",
				view.organisationId() == null ? null : this.organisations.byId(view.organisationId()).orElse(null));
		return "account/account";
	}
}
