package org.citybridge.event.attendance;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.system.Actor;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.citybridge.event.programme.AgendaView;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventWeb;

/**
 * My agenda: starred sessions for a signed-in person, or the sessions listed in a shared address
 * ({@code ?s=12,15,18}) for anyone, with clash warnings; the same as a calendar file; and the
 * private, revocable calendar address of a signed-in person.
 */
@Controller
class PersonalAgendaController {

	private final EventCatalogue catalogue;

	private final PersonalAgendas agendas;

	private final Clock clock;

	PersonalAgendaController(EventCatalogue catalogue, PersonalAgendas agendas, Clock clock) {
		this.catalogue = catalogue;
		this.agendas = agendas;
		this.clock = clock;
	}

	@GetMapping("/events/{slug}/my")
	String mine(@PathVariable("slug") String slug, @RequestParam(name = "s", required = false) String shared,
			@RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered,
			HttpServletResponse response, Model model, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		Actor actor = Actor.current();
		ZoneId viewer = EventWeb.viewerZone(tz, remembered, response, model);
		boolean fromAddress = shared != null;
		List<Long> ids = fromAddress ? PersonalAgendas.shared(shared) : this.agendas.starred(actor, event.id());
		List<PersonalAgendas.Chosen> chosen = this.agendas.chosen(event.id(), ids);
		List<Long> found = chosen.stream().map(c -> c.session().id()).toList();
		java.util.Map<Long, List<String>> clashes = new java.util.HashMap<>();
		chosen.forEach(c -> clashes.put(c.session().id(), c.clashes()));
		model.addAttribute("event", event);
		model.addAttribute("dates", EventWeb.dates(event, locale));
		model.addAttribute("fromAddress", fromAddress);
		model.addAttribute("signedIn", actor.isSignedIn());
		model.addAttribute("ids", found);
		model.addAttribute("idsValue", PersonalAgendas.join(found));
		model.addAttribute("clashes", clashes);
		java.util.Map<Long, String> without = new java.util.HashMap<>();
		found.forEach(id -> without.put(id, PersonalAgendas.join(found.stream().filter(other -> !other.equals(id)).toList())));
		model.addAttribute("without", without);
		model.addAttribute("eventPath", EventWeb.eventPath(event));
		model.addAttribute("clashCount", chosen.stream().filter(c -> !c.clashes().isEmpty()).count());
		model.addAttribute("agenda", AgendaView.of(chosen.stream().map(PersonalAgendas.Chosen::session).toList(), event.zone(),
				viewer, locale, this.clock.instant(), this.catalogue.sessions(event.id(), null, null)));
		model.addAttribute("shareUrl", EventWeb.base() + "/events/" + event.slug() + "/my?s=" + PersonalAgendas.join(found));
		model.addAttribute("feedCreated", this.agendas.feedCreated(actor).orElse(null));
		return "event/my";
	}

	@GetMapping("/events/{slug}/my.ics")
	ResponseEntity<String> mineAsCalendar(@PathVariable("slug") String slug,
			@RequestParam(name = "s", required = false) String shared) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		String base = EventWeb.base();
		List<SessionCalendar.Entry> entries = this.agendas.chosen(event.id(), PersonalAgendas.shared(shared)).stream()
			.map(c -> new SessionCalendar.Entry(event, c.session(), EventWeb.sessionUrl(base, event, c.session())))
			.toList();
		return EventWeb.icsFile(event.slug() + "-my-agenda.ics",
				SessionCalendar.calendar(event.title(), null, null, entries, this.clock.instant()));
	}

	@GetMapping("/events/feeds/{token}.ics")
	ResponseEntity<String> feed(@PathVariable("token") String token) {
		String base = EventWeb.base();
		List<SessionCalendar.Entry> entries = this.agendas.feed(token,
				(event, session) -> EventWeb.sessionUrl(base, event, session));
		return EventWeb.icsFile("citybridge-my-agenda.ics",
				SessionCalendar.calendar("CityBridge", null, null, entries, this.clock.instant()));
	}

	@PostMapping("/events/{slug}/sessions/{id}/star")
	String star(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "starred", defaultValue = "true") boolean starred,
			@RequestParam(name = "back", required = false) String back,
			@RequestParam(name = "day", required = false) String day, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		this.agendas.star(Actor.current(), slug, id, starred);
		long session = PersonalAgendas.parse(id);
		redirect.addFlashAttribute("flash", starred ? "event2.my.flash.starred" : "event2.my.flash.unstarred");
		if ("my".equals(back)) {
			return "redirect:/events/" + event.slug() + "/my";
		}
		if ("session".equals(back)) {
			return "redirect:/events/" + event.slug() + "/sessions/" + session;
		}
		// Back to the day of the agenda the star was given on.
		boolean known = day != null && (day.equals(AgendaView.WHOLE) || day.matches("\\d{4}-\\d{2}-\\d{2}"));
		return "redirect:/events/" + event.slug() + "/agenda" + (known ? "?day=" + day : "") + "#session-" + session;
	}

	@PostMapping("/events/{slug}/my/feed")
	String newFeed(@PathVariable("slug") String slug, Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		String token = this.agendas.newFeed(Actor.current(), authentication.getName());
		redirect.addFlashAttribute("flash", "event2.my.flash.feedCreated");
		redirect.addFlashAttribute("feedUrl", EventWeb.base() + "/events/feeds/" + token + ".ics");
		return "redirect:/events/" + event.slug() + "/my";
	}

	@PostMapping("/events/{slug}/my/feed/revoke")
	String revokeFeed(@PathVariable("slug") String slug, Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		this.agendas.revokeFeed(Actor.current(), authentication.getName());
		redirect.addFlashAttribute("flash", "event2.my.flash.feedRevoked");
		return "redirect:/events/" + event.slug() + "/my";
	}
}
