package org.citybridge.event.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;
import org.citybridge.system.Text;
import org.citybridge.system.ViewerZone;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.manage.EventEditor;
import org.citybridge.event.manage.EventForm;
import org.citybridge.event.manage.EventStaffController;
import org.citybridge.event.EventWeb;
import org.citybridge.event.attendance.PersonalAgendas;
import org.citybridge.event.attendance.Registrations;
import org.citybridge.event.SessionForm;

@Controller
record EventController(EventCatalogue catalogue,
		Clock clock,
		AgendaPages agendas,
		EventPages pages,
		ProgrammeForms forms) {

	@GetMapping("/events")
	String list(Model model, Locale locale) {
		List<Listed> events = this.catalogue.all().stream().map(e -> listed(e, locale)).toList();
		List<Listed> upcoming = new ArrayList<>(events.stream().filter(e -> !e.past()).toList());
		Collections.reverse(upcoming);
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("past", events.stream().filter(Listed::past).toList());
		model.addAttribute("mayCreate", EventEditor.mayCreate(Actor.current()));
		return "event/list";
	}

	@GetMapping("/events/{slug}")
	String show(@PathVariable("slug") String slug, Model model, Locale locale) {
		EventPages.Detail page = this.pages.detail(slug, Actor.current(), locale);
		model.addAttribute("event", page.event());
		model.addAttribute("eventPath", page.eventPath());
		model.addAttribute("dates", page.dates());
		model.addAttribute("zoneName", page.zoneName());
		model.addAttribute("rooms", page.rooms());
		model.addAttribute("tracks", page.tracks());
		model.addAttribute("speakers", page.speakers());
		model.addAttribute("mayEdit", page.mayEdit());
		model.addAttribute("venue", page.venue());
		model.addAttribute("signedIn", page.signedIn());
		standing(page.standing(), model);
		model.addAttribute("jsonLd", page.jsonLd());
		return "event/detail";
	}

	private static void standing(Registrations.Standing standing, Model model) {
		model.addAttribute("seats", standing.seats());
		model.addAttribute("registration", standing.registration());
		model.addAttribute("ended", standing.ended());
	}

	@GetMapping("/events/{slug}/agenda")
	String agenda(@PathVariable("slug") String slug, @RequestParam(name = "tz", required = false) String tz,
			@RequestParam(name = "track", required = false) String track,
			@RequestParam(name = "room", required = false) String room,
			@RequestParam(name = "language", required = false) String language,
			@RequestParam(name = "speaker", required = false) String speaker,
			@RequestParam(name = "view", required = false) String view,
			@RequestParam(name = "s", required = false) String shared,
			@RequestParam(name = "day", required = false) String day,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, HttpServletResponse response,
			CsrfToken csrf, Model model, Locale locale) {
		ZoneId viewer = EventWeb.viewerZone(tz, remembered, response, model);
		Actor actor = Actor.current();
		String lang = language == null || language.isBlank() || language.length() > 100 ? null : language.strip();
		boolean grid = "grid".equals(view);
		List<Long> chosen = PersonalAgendas.shared(shared);
		AgendaPages.Query query = new AgendaPages.Query(Text.idOrNull(track), Text.idOrNull(room), lang, Text.idOrNull(speaker), day,
				grid, chosen);
		// Star forms are written with the page's entries (AgendaMarkup), so they take the CSRF field from here.
		AgendaPages.Page page = this.agendas.page(slug, query, viewer, actor, locale,
				actor.isSignedIn() && csrf != null ? Map.entry(csrf.getParameterName(), csrf.getToken()) : null);
		EventCatalogue.Event event = page.event();
		model.addAttribute("page", page);
		model.addAttribute("event", event);
		model.addAttribute("agenda", page.agenda());
		model.addAttribute("dates", EventWeb.dates(event, locale));
		model.addAttribute("grid", grid);
		model.addAttribute("zoneValue", viewer == null ? "" : viewer.getId());
		model.addAttribute("suggestedZones", ViewerZone.SUGGESTED);
		model.addAttribute("eventZoneHref", agendaHref(event, "event", grid, chosen));
		model.addAttribute("ulaanbaatarHref", agendaHref(event, "Asia/Ulaanbaatar", grid, chosen));
		model.addAttribute("listHref", agendaHref(event, null, false, chosen));
		model.addAttribute("gridHref", agendaHref(event, null, true, chosen));
		return "event/agenda";
	}

	@GetMapping("/events/{slug}/agenda.ics")
	ResponseEntity<String> eventCalendar(@PathVariable("slug") String slug) {
		EventPages.IcsFile file = this.pages.eventCalendar(slug);
		return EventWeb.icsFile(file.filename(), file.body());
	}

	@GetMapping("/events/{slug}/agenda.json")
	ResponseEntity<String> agendaJson(@PathVariable("slug") String slug) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.pages.agendaJson(slug));
	}

	@GetMapping("/events/{slug}/sessions/{id}")
	String session(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, Model model, Locale locale) {
		ZoneId viewer = ViewerZone.parse(remembered).orElse(null);
		EventPages.SessionPage page = this.pages.session(slug, id, viewer, Actor.current(), locale);
		model.addAttribute("event", page.event());
		model.addAttribute("s", page.session());
		model.addAttribute("agenda", page.agenda());
		model.addAttribute("mayEdit", page.mayEdit());
		model.addAttribute("signedIn", page.signedIn());
		model.addAttribute("starred", page.starred());
		standing(page.standing(), model);
		model.addAttribute("photos", page.photos());
		model.addAttribute("jsonLd", page.jsonLd());
		return "event/session";
	}

	@GetMapping("/events/{slug}/sessions/{id}.ics")
	ResponseEntity<String> calendar(@PathVariable("slug") String slug, @PathVariable("id") String id) {
		EventPages.IcsFile file = this.pages.sessionCalendar(slug, id);
		return EventWeb.icsFile(file.filename(), file.body());
	}

	@GetMapping("/events/{slug}/speakers/{id}")
	String speaker(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, Model model, Locale locale) {
		ZoneId viewer = ViewerZone.parse(remembered).orElse(null);
		EventPages.SpeakerPage page = this.pages.speaker(slug, id, viewer, locale);
		PageModel.add(model, page);
		return "event/speaker";
	}

	@GetMapping("/events/{slug}/edit")
	String editEvent(@PathVariable("slug") String slug, Model model) {
		ProgrammeForms.EventPage page = this.forms.editEvent(Actor.current(), slug);
		model.addAttribute("eventForm", page.form());
		return eventForm(page, model);
	}

	@PostMapping("/events/{slug}/edit")
	String updateEvent(@PathVariable("slug") String slug, @Valid @ModelAttribute("eventForm") EventForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		EventStaffController.check(form, result);
		ProgrammeForms.Saved<ProgrammeForms.EventPage> saved = this.forms.saveEvent(Actor.current(), authentication.getName(),
				slug, form, !result.hasErrors());
		if (saved.done()) {
			redirect.addFlashAttribute("flash", "event.form.flash.updated");
			return "redirect:/events/" + saved.event().slug();
		}
		if (saved.refused() != null) {
			saved.refused().rejectIn(result);
		}
		model.addAttribute("invalid", true);
		return eventForm(saved.page(), model);
	}

	private static String eventForm(ProgrammeForms.EventPage page, Model model) {
		model.addAttribute("event", page.event());
		model.addAttribute("kinds", page.kinds());
		model.addAttribute("suggestedZones", page.suggestedZones());
		return "event/event-form";
	}

	@GetMapping("/events/{slug}/sessions/new")
	String newSession(@PathVariable("slug") String slug, Model model, Locale locale) {
		ProgrammeForms.SessionPage page = this.forms.newSession(Actor.current(), slug, locale);
		model.addAttribute("sessionForm", page.form());
		return form(page, model);
	}

	@PostMapping("/events/{slug}/sessions/new")
	String createSession(@PathVariable("slug") String slug, @Valid @ModelAttribute("sessionForm") SessionForm form,
			BindingResult result, Model model, Locale locale, Authentication authentication, RedirectAttributes redirect) {
		return saveSession(slug, null, form, result, model, locale, authentication, redirect, "event.session.flash.created");
	}

	@GetMapping("/events/{slug}/sessions/{id}/edit")
	String editSession(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model, Locale locale) {
		ProgrammeForms.SessionPage page = this.forms.editSession(Actor.current(), slug, id, locale);
		model.addAttribute("sessionForm", page.form());
		return form(page, model);
	}

	@PostMapping("/events/{slug}/sessions/{id}/edit")
	String updateSession(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult result, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect) {
		return saveSession(slug, id, form, result, model, locale, authentication, redirect, "event.session.flash.updated");
	}

	/** Cancels a session (staff of the host, administrators): back to the agenda, which shows it cancelled. */
	@PostMapping("/events/{slug}/sessions/{id}/cancel")
	String cancelSession(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@org.springframework.web.bind.annotation.RequestParam(name = "version", required = false) String version,
			Authentication authentication, RedirectAttributes redirect) {
		return org.citybridge.system.Refusal.redirectAfter(
				() -> this.forms.cancelSession(Actor.current(), authentication.getName(), slug, id, version),
				"/events/" + slug + "/agenda#session-" + id, redirect);
	}

	private String saveSession(String slug, String id, SessionForm form, BindingResult result, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect, String flash) {
		ProgrammeForms.Saved<ProgrammeForms.SessionPage> saved = this.forms.saveSession(Actor.current(),
				authentication.getName(), slug, id, form, !result.hasErrors(), locale);
		if (saved.done()) {
			redirect.addFlashAttribute("flash", flash);
			return "redirect:/events/" + saved.event().slug() + "/agenda?day=" + form.day() + "#session-" + saved.savedId();
		}
		if (saved.refused() != null) {
			saved.refused().rejectIn(result);
		}
		model.addAttribute("invalid", true);
		return form(saved.page(), model);
	}

	private static String form(ProgrammeForms.SessionPage page, Model model) {
		model.addAttribute("event", page.event());
		model.addAttribute("sessionId", page.sessionId());
		model.addAttribute("dates", page.dates());
		model.addAttribute("zoneName", page.zoneName());
		model.addAttribute("rooms", page.rooms());
		model.addAttribute("tracks", page.tracks());
		model.addAttribute("speakers", page.speakers());
		model.addAttribute("kinds", page.kinds());
		model.addAttribute("cancelled", page.cancelled());
		return "event/form";
	}

	/** An event in the list, with its dates formatted and whether it is over. */
	record Listed(EventCatalogue.Event event, String dates, boolean past) {
	}

	private Listed listed(EventCatalogue.Event event, Locale locale) {
		return new Listed(event, EventWeb.dates(event, locale), event.endsOn().isBefore(LocalDate.now(this.clock.withZone(event.zone()))));
	}

	private static String agendaHref(EventCatalogue.Event event, String zone, boolean grid, List<Long> shared) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/events/{slug}/agenda");
		if (zone != null) {
			uri.queryParam("tz", zone);
		}
		if (grid) {
			uri.queryParam("view", "grid");
		}
		if (!shared.isEmpty()) {
			uri.queryParam("s", PersonalAgendas.join(shared));
		}
		return uri.buildAndExpand(event.slug()).encode().toUriString();
	}
}
