package org.citybridge.account.signup;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.citybridge.account.AccountRefused;
import org.citybridge.account.SignUpForm;
import org.citybridge.account.SignUps;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
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

/**
 * Creating a delegate account: the sign-up form, the page that says a link is on its way (the
 * same whether or not the address had an account), and the link's page, where the person confirms
 * the address with their password and is signed in and sent back where they came from.
 */
@Controller
record SignUpController(SignUps signUps) {

	/** Where a person goes once signed in, when no page sent them: their home, as after signing in with the form. */
	static final String DEFAULT_TARGET = "/home";

	@GetMapping("/signup")
	String form(@RequestParam(name = "next", required = false) String next, Model model) {
		String target = Text.localPath(next);
		if (Actor.current().isSignedIn()) {
			return "redirect:" + (target != null ? target : DEFAULT_TARGET);
		}
		model.addAttribute("signUpForm", SignUpForm.empty());
		model.addAttribute("next", target);
		return "account/signup";
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("signUpForm") SignUpForm form, BindingResult result,
			@RequestParam(name = "next", required = false) String next, Model model, HttpServletRequest request,
			Locale locale, RedirectAttributes redirect) {
		String target = Text.localPath(next);
		// Every mistake at once: the password's too, when another field is wrong.
		String passwordProblem = SignUps.passwordProblem(form);
		if (passwordProblem != null) {
			result.rejectValue("password", passwordProblem);
		}
		if (!result.hasErrors()) {
			try {
				this.signUps.signUp(form, target, request.getRemoteAddr(),
						ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), locale);
				redirect.addFlashAttribute("signUpAddress", form.email().strip());
				return "redirect:/signup/sent";
			}
			catch (AccountRefused refused) {
				refused.rejectIn(result);
			}
		}
		model.addAttribute("signUpForm", form.withoutPasswords());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "signUpForm", result);
		model.addAttribute("next", target);
		return "account/signup";
	}

	@GetMapping("/signup/sent")
	String sent() {
		return "account/signup-sent";
	}

	@GetMapping("/signup/confirm/{token}")
	String confirmForm(@PathVariable("token") String token, Model model) {
		String address = this.signUps.pendingAddress(token).orElse(null);
		model.addAttribute("open", address != null);
		model.addAttribute("address", address);
		model.addAttribute("token", token);
		return "account/signup-confirm";
	}

	@PostMapping("/signup/confirm/{token}")
	String confirm(@PathVariable("token") String token, @RequestParam(name = "password", required = false) String password,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		SignUps.Confirmed confirmed;
		try {
			confirmed = this.signUps.confirm(token, password);
		}
		catch (AccountRefused refused) {
			model.addAttribute("open", !"account.link.invalid".equals(refused.messageKey()));
			model.addAttribute("token", token);
			model.addAttribute("problem", refused.messageKey());
			return "account/signup-confirm";
		}
		signIn(confirmed, request, response);
		redirect.addFlashAttribute("flash", "account.signup.confirmed");
		return "redirect:" + (confirmed.nextPath() != null ? confirmed.nextPath() : DEFAULT_TARGET);
	}

	/** Signs the person in for this browser, in a session of a new id (as signing in with the form does). */
	private static void signIn(SignUps.Confirmed confirmed, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(confirmed.authentication());
		SecurityContextHolder.setContext(context);
		new HttpSessionSecurityContextRepository().saveContext(context, request, response);
	}
}
