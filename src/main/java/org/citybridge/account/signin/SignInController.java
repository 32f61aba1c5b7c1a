package org.citybridge.account.signin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.citybridge.system.Actor;
import org.citybridge.system.Moments;
import org.citybridge.system.Text;
import org.citybridge.system.ViewerZone;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's own sign-in page; Spring Security handles the POST. */
@Controller
class SignInController {

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "throttled", required = false) String throttled,
			@RequestParam(name = "next", required = false) String next,
			@CookieValue(name = ViewerZone.COOKIE, required = false) String zone, Locale locale, Model model) {
		String target = Text.localPath(next);
		if (Actor.current().isSignedIn()) {
			return "redirect:" + (target != null ? target : "/home");
		}
		model.addAttribute("next", target);
		String until = throttled == null ? null : until(throttled, zone, locale);
		model.addAttribute("problem", throttled != null ? (until != null ? "account.login.throttledUntil" : "account.login.throttled")
				: error != null ? "account.login.failed" : null);
		model.addAttribute("until", until);
		return "account/login";
	}

	/**
	 * When signing in may be tried again, in the zone the visitor chose on the portal, else UTC; null
	 * when the address does not carry a time (an older link, or a tampered one).
	 */
	private static String until(String epochSeconds, String zone, Locale locale) {
		try {
			Instant at = Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip()));
			ZoneId in = ViewerZone.parse(zone).orElse(ZoneId.of("UTC"));
			return Moments.dateTime(at, in, locale) + " (" + in.getId() + ")";
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			return null;
		}
	}
}
