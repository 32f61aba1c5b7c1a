package org.citybridge.event.attendance;

import org.citybridge.system.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.citybridge.event.EventCatalogue;

/** Delegates register for an event or a session with seats, or cancel; the page says where they stand. */
@Controller
class RegistrationController {

	private final EventCatalogue catalogue;

	private final Registrations registrations;

	RegistrationController(EventCatalogue catalogue, Registrations registrations) {
		this.catalogue = catalogue;
		this.registrations = registrations;
	}

	@PostMapping("/events/{slug}/registration")
	String event(@PathVariable("slug") String slug, @RequestParam(name = "action", defaultValue = "register") String action,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		act(slug, null, action, authentication, redirect);
		return "redirect:/events/" + event.slug() + "#registration";
	}

	@PostMapping("/events/{slug}/sessions/{id}/registration")
	String session(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "action", defaultValue = "register") String action, Authentication authentication,
			RedirectAttributes redirect) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		long session = this.catalogue.session(event.id(), PersonalAgendas.parse(id)).id();
		act(slug, session, action, authentication, redirect);
		return "redirect:/events/" + event.slug() + "/sessions/" + session + "#registration";
	}

	private void act(String slug, Long session, String action, Authentication authentication, RedirectAttributes redirect) {
		Actor actor = Actor.current();
		if ("cancel".equals(action)) {
			boolean cancelled = this.registrations.cancel(actor, authentication.getName(), slug, session);
			redirect.addFlashAttribute("flash", cancelled ? "event2.registration.flash.cancelled" : "event2.registration.flash.none");
			return;
		}
		try {
			Registrations.Registration registration = this.registrations.register(actor, authentication.getName(), slug, session);
			redirect.addFlashAttribute("flash",
					registration.confirmed() ? "event2.registration.flash.confirmed" : "event2.registration.flash.waiting");
		}
		catch (Registrations.Refused refused) {
			redirect.addFlashAttribute("refusal", refused.messageKey);
		}
	}
}
