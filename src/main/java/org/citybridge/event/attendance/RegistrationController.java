package org.citybridge.event.attendance;

import java.util.Locale;

import org.citybridge.system.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Delegates register for an event or a session with seats, or cancel; the page says where they stand. */
@Controller
record RegistrationController(Registrations registrations) {

	@PostMapping("/events/{slug}/registration")
	String event(@PathVariable("slug") String slug, @RequestParam(name = "action", defaultValue = "register") String action,
			Authentication authentication, Locale locale, RedirectAttributes redirect) {
		Registrations.Answer answer = this.registrations.answer(Actor.current(), authentication.getName(), slug, null,
				"cancel".equals(action), locale);
		return back(answer, redirect, "redirect:/events/" + answer.eventSlug() + "#registration");
	}

	@PostMapping("/events/{slug}/sessions/{id}/registration")
	String session(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "action", defaultValue = "register") String action, Authentication authentication,
			Locale locale, RedirectAttributes redirect) {
		Registrations.Answer answer = this.registrations.answer(Actor.current(), authentication.getName(), slug, id,
				"cancel".equals(action), locale);
		return back(answer, redirect,
				"redirect:/events/" + answer.eventSlug() + "/sessions/" + answer.sessionId() + "#registration");
	}

	private static String back(Registrations.Answer answer, RedirectAttributes redirect, String to) {
		if (answer.refusal() != null) {
			redirect.addFlashAttribute("refusal", answer.refusal());
			if (answer.refusalArguments() != null && answer.refusalArguments().length > 0) {
				redirect.addFlashAttribute("refusalArguments", answer.refusalArguments());
			}
		}
		else {
			redirect.addFlashAttribute("flash", answer.flash());
		}
		return to;
	}
}
