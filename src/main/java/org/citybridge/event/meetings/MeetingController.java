package org.citybridge.event.meetings;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.citybridge.event.EventWeb;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participants' side of an event's meetings: opting in and out, the participants' list with
 * suggested meetings, asking for a meeting, answering one, and the personal schedule with its
 * calendar file. Every page needs a signed-in person; the services check who may do what.
 */
@Controller
class MeetingController {

	private final MeetingDesk desk;

	MeetingController(MeetingDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/events/{slug}/meetings/join")
	String joinForm(@PathVariable("slug") String slug, Model model, Locale locale) {
		model.addAllAttributes(this.desk.optInForm(Actor.current(), slug, locale));
		return "event/meetings/join";
	}

	@PostMapping("/events/{slug}/meetings/join")
	String join(@PathVariable("slug") String slug, @Valid @ModelAttribute("profileForm") MeetingProfileForm form,
			BindingResult result, Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
		return go(this.desk.optIn(Actor.current(), authentication.getName(), slug, form, result, locale), model, redirect);
	}

	@PostMapping("/events/{slug}/meetings/withdraw")
	String withdraw(@PathVariable("slug") String slug, Authentication authentication, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", this.desk.withdraw(Actor.current(), authentication.getName(), slug));
		return "redirect:/events/" + slug;
	}

	@GetMapping("/events/{slug}/meetings")
	String participants(@PathVariable("slug") String slug, @RequestParam(name = "country", required = false) String country,
			@RequestParam(name = "theme", required = false) String theme,
			@RequestParam(name = "language", required = false) String language,
			@RequestParam(name = "page", required = false) String page, Model model, Locale locale) {
		model.addAllAttributes(this.desk.participants(Actor.current(), slug, country, theme, language, page, locale));
		return "event/meetings/participants";
	}

	@GetMapping("/events/{slug}/meetings/people/{id}")
	String person(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, HttpServletResponse response,
			Model model, Locale locale) {
		ZoneId viewer = EventWeb.viewerZone(tz, remembered, response, model);
		model.addAllAttributes(this.desk.person(Actor.current(), slug, id, viewer, locale, new MeetingRequestForm()));
		return "event/meetings/person";
	}

	@PostMapping("/events/{slug}/meetings/people/{id}")
	String request(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("requestForm") MeetingRequestForm form, BindingResult result,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, HttpServletResponse response,
			Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
		ZoneId viewer = EventWeb.viewerZone(null, remembered, response, model);
		return go(this.desk.request(Actor.current(), authentication.getName(), slug, id, form, result, viewer, locale), model,
				redirect);
	}

	@PostMapping("/events/{slug}/meetings/{id}/accept")
	String accept(@PathVariable("slug") String slug, @PathVariable("id") String id, Authentication authentication,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> this.desk.answer(Actor.current(), authentication.getName(), slug, id, true),
				"/events/" + slug + "/meetings/mine", redirect);
	}

	@PostMapping("/events/{slug}/meetings/{id}/decline")
	String decline(@PathVariable("slug") String slug, @PathVariable("id") String id, Authentication authentication,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> this.desk.answer(Actor.current(), authentication.getName(), slug, id, false),
				"/events/" + slug + "/meetings/mine", redirect);
	}

	@GetMapping("/events/{slug}/meetings/mine")
	String schedule(@PathVariable("slug") String slug, @RequestParam(name = "tz", required = false) String tz,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, HttpServletResponse response,
			Model model, Locale locale) {
		ZoneId viewer = EventWeb.viewerZone(tz, remembered, response, model);
		model.addAllAttributes(this.desk.schedule(Actor.current(), slug, viewer, locale));
		return "event/meetings/schedule";
	}

	@GetMapping("/events/{slug}/meetings/mine.ics")
	ResponseEntity<String> calendar(@PathVariable("slug") String slug, Locale locale) {
		Map.Entry<String, String> file = this.desk.calendar(Actor.current(), slug, EventWeb.base(), locale);
		return EventWeb.icsFile(file.getKey(), file.getValue());
	}

	static String go(MeetingDesk.Outcome outcome, Model model, RedirectAttributes redirect) {
		if (outcome.redirect() != null) {
			redirect.addFlashAttribute("flash", outcome.flash());
			return "redirect:" + outcome.redirect();
		}
		model.addAllAttributes(outcome.model());
		return outcome.view();
	}
}
