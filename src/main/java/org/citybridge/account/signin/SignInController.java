package org.citybridge.account.signin;

import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's own sign-in page; Spring Security handles the POST. */
@Controller
class SignInController {

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "throttled", required = false) String throttled,
			@RequestParam(name = "next", required = false) String next, Model model) {
		String target = Text.localPath(next);
		if (Actor.current().isSignedIn()) {
			return "redirect:" + (target != null ? target : "/home");
		}
		model.addAttribute("next", target);
		model.addAttribute("problem", throttled != null ? "account.login.throttled" : error != null ? "account.login.failed" : null);
		return "account/login";
	}
}
