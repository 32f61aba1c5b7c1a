package org.citybridge.event.attendance;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;

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
import org.citybridge.event.EventWeb;

/**
 * My agenda: starred sessions for a signed-in person, or the sessions listed in a shared address
 * ({@code ?s=12,15,18}) for anyone, with clash warnings; the same as a calendar file; and the
 * private, revocable calendar address of a signed-in person.
 */
@Controller
record PersonalAgendaController(MyAgendaPages pages, PersonalAgendas agendas, Clock clock) {

	@GetMapping("/events/{slug}/my")
	String mine(@PathVariable("slug") String slug, @RequestParam(name = "s", required = false) String shared,
			@RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered,
			HttpServletResponse response, Model model, Locale locale) {
		ZoneId viewer = EventWeb.viewerZone(tz, remembered, response, model);
		MyAgendaPages.Page page = this.pages.page(slug, shared, viewer, Actor.current(), locale);
		PageModel.add(model, page);
		return "event/my";
	}

	@GetMapping("/events/{slug}/my.ics")
	ResponseEntity<String> mineAsCalendar(@PathVariable("slug") String slug,
			@RequestParam(name = "s", required = false) String shared) {
		Map.Entry<String, String> file = this.pages.calendar(slug, shared);
		return EventWeb.icsFile(file.getKey(), file.getValue());
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
		PersonalAgendas.Starred done = this.agendas.star(Actor.current(), slug, id, starred);
		redirect.addFlashAttribute("flash", starred ? "event.my.flash.starred" : "event.my.flash.unstarred");
		if ("my".equals(back)) {
			return "redirect:/events/" + done.eventSlug() + "/my";
		}
		if ("session".equals(back)) {
			return "redirect:/events/" + done.eventSlug() + "/sessions/" + done.sessionId();
		}
		// Back to the day of the agenda the star was given on.
		boolean known = day != null && (day.equals(AgendaView.WHOLE) || day.matches("\\d{4}-\\d{2}-\\d{2}"));
		return "redirect:/events/" + done.eventSlug() + "/agenda" + (known ? "?day=" + day : "") + "#session-"
				+ done.sessionId();
	}

	@PostMapping("/events/{slug}/my/keep")
	String keep(@PathVariable("slug") String slug, @RequestParam(name = "s", required = false) String shared,
			RedirectAttributes redirect) {
		String eventSlug = this.agendas.keep(Actor.current(), slug, shared);
		redirect.addFlashAttribute("flash", "event.my.flash.kept");
		return "redirect:/events/" + eventSlug + "/my";
	}

	@PostMapping("/events/{slug}/my/feed")
	String newFeed(@PathVariable("slug") String slug, Authentication authentication, RedirectAttributes redirect) {
		PersonalAgendas.Feed feed = this.agendas.newFeed(Actor.current(), authentication.getName(), slug);
		redirect.addFlashAttribute("flash", "event.my.flash.feedCreated");
		redirect.addFlashAttribute("feedUrl", EventWeb.base() + "/events/feeds/" + feed.token() + ".ics");
		return "redirect:/events/" + feed.eventSlug() + "/my";
	}

	@PostMapping("/events/{slug}/my/feed/revoke")
	String revokeFeed(@PathVariable("slug") String slug, Authentication authentication, RedirectAttributes redirect) {
		String eventSlug = this.agendas.revokeFeed(Actor.current(), authentication.getName(), slug);
		redirect.addFlashAttribute("flash", "event.my.flash.feedRevoked");
		return "redirect:/events/" + eventSlug + "/my";
	}
}
