package org.citybridge.account.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.citybridge.account.AccountRefused;
import org.citybridge.account.Invitations;
import org.citybridge.account.PasswordForm;
import org.citybridge.account.PasswordResets;

/** The invitee follows the link and sets their password; a password reset works the same way. */
@Controller
record InvitationController(Invitations invitations, PasswordResets resets) {

	@GetMapping("/invitations/{token}")
	String invitation(@PathVariable("token") String token, Model model) {
		return form(model, token, "invitation", this.invitations.isOpen(token));
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable("token") String token, @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, java.util.Locale locale, RedirectAttributes redirect) {
		return setPassword(() -> this.invitations.accept(token, form, locale), token, "invitation", "account.invitation.accepted",
				result, model, redirect);
	}

	@GetMapping("/password-reset")
	String requestForm() {
		return "account/reset-request";
	}

	@PostMapping("/password-reset")
	String request(@org.springframework.web.bind.annotation.RequestParam(name = "email", required = false) String email,
			java.util.Locale locale, RedirectAttributes redirect) {
		String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		this.resets.request(email, base, locale);
		redirect.addFlashAttribute("flash", "account.reset.sent");
		return "redirect:/login";
	}

	@GetMapping("/password-reset/{token}")
	String reset(@PathVariable("token") String token, Model model) {
		return form(model, token, "reset", this.resets.isOpen(token));
	}

	@PostMapping("/password-reset/{token}")
	String doReset(@PathVariable("token") String token, @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return setPassword(() -> this.resets.reset(token, form), token, "reset", "account.reset.done", result, model,
				redirect);
	}

	/**
	 * Both links end the same way: the password is set and the person signs in, or the form comes
	 * back with the reason next to the field (a used-up link closes the form).
	 */
	private static String setPassword(Runnable action, String token, String purpose, String doneFlash,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (AccountRefused refused) {
			result.rejectValue(refused.field(), refused.messageKey());
			return form(model, token, purpose, !"account.link.invalid".equals(refused.messageKey()));
		}
		redirect.addFlashAttribute("flash", doneFlash);
		return "redirect:/login";
	}

	private static String form(Model model, String token, String purpose, boolean open) {
		model.addAttribute("token", token);
		model.addAttribute("purpose", purpose);
		model.addAttribute("open", open);
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", PasswordForm.empty());
		}
		return "account/set-password";
	}
}
