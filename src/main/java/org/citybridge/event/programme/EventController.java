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
import org.citybridge.system.Refusal;
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
import org.citybridge.event.EventKind;
import org.citybridge.event.manage.EventParts;
import org.citybridge.event.manage.EventStaffController;
import org.citybridge.event.EventWeb;
import org.citybridge.event.attendance.PersonalAgendas;
import org.citybridge.event.Programme;
import org.citybridge.event.attendance.Registrations;
import org.citybridge.event.attendance.SessionCalendar;
import org.citybridge.event.SessionForm;
import org.citybridge.event.SessionKind;

@Controller
class EventController {

	private final EventCatalogue catalogue;

	private final Programme programme;

	private final Registrations registrations;

	private final PersonalAgendas agendas;

	private final EventEditor editor;

	private final Clock clock;

	private final AgendaPages pages;

	private final EventParts parts;

	EventController(EventCatalogue catalogue, Programme programme, Registrations registrations, PersonalAgendas agendas,
			EventEditor editor, Clock clock, EventParts parts, AgendaPages pages) {
		this.parts = parts;
		this.pages = pages;
		this.editor = editor;
		this.catalogue = catalogue;
		this.programme = programme;
		this.registrations = registrations;
		this.agendas = agendas;
		this.clock = clock;
	}

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
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		Actor actor = Actor.current();
		model.addAttribute("event", event);
		model.addAttribute("eventPath", EventWeb.eventPath(event));
		model.addAttribute("dates", EventWeb.dates(event, locale));
		model.addAttribute("zoneName", AgendaView.zoneName(event.zone(), locale));
		model.addAttribute("rooms", this.catalogue.rooms(event.id()));
		model.addAttribute("tracks", this.catalogue.tracks(event.id()));
		model.addAttribute("speakers", this.catalogue.speakers(event.id()));
		model.addAttribute("mayEdit", Programme.mayEdit(actor, event));
		EventEditor.Coordinates venue = this.editor.coordinates(event.id());
		model.addAttribute("venue", venue);
		model.addAttribute("signedIn", actor.isSignedIn());
		model.addAttribute("seats", this.registrations.counts(event.id(), null, event.capacity()));
		model.addAttribute("registration", this.registrations.of(actor, event.id(), null).orElse(null));
		model.addAttribute("ended", this.registrations.ended(event));
		model.addAttribute("jsonLd", EventJson.eventLd(event, venue, EventWeb.base()));
		return "event/detail";
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
		AgendaPages.Query query = new AgendaPages.Query(PersonalAgendas.positive(track), PersonalAgendas.positive(room),
				lang, PersonalAgendas.positive(speaker), day, grid, chosen);
		// Star forms are written with the page's entries (AgendaMarkup), so they take the CSRF field from here.
		AgendaPages.Page page = this.pages.page(slug, query, viewer, actor, locale,
				actor.isSignedIn() && csrf != null ? Map.entry(csrf.getParameterName(), csrf.getToken()) : null);
		EventCatalogue.Event event = page.event();
		model.addAttribute("page", page);
		model.addAttribute("event", event);
		model.addAttribute("agenda", page.agenda());
		model.addAttribute("dates", EventWeb.dates(event, locale));
		model.addAttribute("grid", grid);
		model.addAttribute("zoneValue", viewer == null ? "" : viewer.getId());
		model.addAttribute("suggestedZones", EventWeb.SUGGESTED_ZONES);
		model.addAttribute("eventZoneHref", agendaHref(event, "event", grid, chosen));
		model.addAttribute("ulaanbaatarHref", agendaHref(event, "Asia/Ulaanbaatar", grid, chosen));
		model.addAttribute("listHref", agendaHref(event, null, false, chosen));
		model.addAttribute("gridHref", agendaHref(event, null, true, chosen));
		return "event/agenda";
	}

	@GetMapping("/events/{slug}/agenda.ics")
	ResponseEntity<String> eventCalendar(@PathVariable("slug") String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		String base = EventWeb.base();
		List<SessionCalendar.Entry> entries = this.catalogue.sessions(event.id(), null, null).stream()
			.map(s -> new SessionCalendar.Entry(event, s, EventWeb.sessionUrl(base, event, s)))
			.toList();
		return EventWeb.icsFile(event.slug() + ".ics", SessionCalendar.calendar(event.title(), event,
				base + "/events/" + event.slug(), entries, this.clock.instant()));
	}

	@GetMapping("/events/{slug}/agenda.json")
	ResponseEntity<String> agendaJson(@PathVariable("slug") String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(EventJson.agenda(event, this.catalogue.rooms(event.id()), this.catalogue.tracks(event.id()),
					this.catalogue.sessions(event.id(), null, null), EventWeb.base()));
	}

	@GetMapping("/events/{slug}/sessions/{id}")
	String session(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, Model model, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), PersonalAgendas.parse(id));
		ZoneId viewer = ViewerZone.parse(remembered).orElse(null);
		Actor actor = Actor.current();
		model.addAttribute("event", event);
		model.addAttribute("s", session);
		model.addAttribute("agenda", AgendaView.of(List.of(session), event.zone(), viewer, locale, this.clock.instant(),
				this.catalogue.sessions(event.id(), null, null)));
		model.addAttribute("mayEdit", Programme.mayEdit(actor, event));
		model.addAttribute("signedIn", actor.isSignedIn());
		model.addAttribute("starred", this.agendas.starred(actor, event.id()).contains(session.id()));
		model.addAttribute("seats", session.capacity() == null ? null
				: this.registrations.counts(event.id(), session.id(), session.capacity()));
		model.addAttribute("registration", this.registrations.of(actor, event.id(), session.id()).orElse(null));
		model.addAttribute("ended", this.registrations.ended(event));
		model.addAttribute("photos", this.parts.photoTags(event.id()));
		model.addAttribute("jsonLd", EventJson.sessionLd(event, session, EventWeb.base()));
		return "event/session";
	}

	@GetMapping("/events/{slug}/sessions/{id}.ics")
	ResponseEntity<String> calendar(@PathVariable("slug") String slug, @PathVariable("id") String id) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), PersonalAgendas.parse(id));
		String body = SessionCalendar.of(event, session, EventWeb.sessionUrl(EventWeb.base(), event, session), this.clock.instant());
		return EventWeb.icsFile(event.slug() + "-session-" + session.id() + ".ics", body);
	}

	@GetMapping("/events/{slug}/speakers/{id}")
	String speaker(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@CookieValue(name = EventWeb.ZONE_COOKIE, required = false) String remembered, Model model, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Speaker speaker = this.catalogue.speaker(event.id(), PersonalAgendas.parse(id));
		ZoneId viewer = ViewerZone.parse(remembered).orElse(null);
		List<EventCatalogue.Session> sessions = this.catalogue.sessions(event.id(), null, null).stream()
			.filter(s -> s.speakers().stream().anyMatch(sp -> sp.id() == speaker.id()))
			.toList();
		model.addAttribute("event", event);
		model.addAttribute("speaker", speaker);
		model.addAttribute("photo", this.parts.photoTags(event.id()).get(speaker.id()));
		model.addAttribute("agenda", AgendaView.of(sessions, event.zone(), viewer, locale));
		return "event/speaker";
	}

	@GetMapping("/events/{slug}/edit")
	String editEvent(@PathVariable("slug") String slug, Model model) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		model.addAttribute("eventForm", EventForm.of(event, this.editor.version(event.id()), this.editor.coordinates(event.id())));
		return eventForm(event, model);
	}

	@PostMapping("/events/{slug}/edit")
	String updateEvent(@PathVariable("slug") String slug, @Valid @ModelAttribute("eventForm") EventForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventStaffController.check(form, result);
		if (!result.hasErrors()) {
			try {
				this.editor.update(Actor.current(), authentication.getName(), slug, form);
				redirect.addFlashAttribute("flash", "event2.form.flash.updated");
				return "redirect:/events/" + event.slug();
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		model.addAttribute("invalid", true);
		return eventForm(event, model);
	}

	private String eventForm(EventCatalogue.Event event, Model model) {
		model.addAttribute("event", event);
		model.addAttribute("kinds", EventKind.values());
		model.addAttribute("suggestedZones", EventWeb.SUGGESTED_ZONES);
		return "event/event-form";
	}

	@GetMapping("/events/{slug}/sessions/new")
	String newSession(@PathVariable("slug") String slug, Model model, Locale locale) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		model.addAttribute("sessionForm", SessionForm.empty(event.startsOn()));
		return form(event, null, model, locale);
	}

	@PostMapping("/events/{slug}/sessions/new")
	String createSession(@PathVariable("slug") String slug, @Valid @ModelAttribute("sessionForm") SessionForm form,
			BindingResult result, Model model, Locale locale, Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		if (!result.hasErrors()) {
			try {
				long id = this.programme.create(Actor.current(), authentication.getName(), slug, form);
				redirect.addFlashAttribute("flash", "event.session.flash.created");
				return "redirect:/events/" + event.slug() + "/agenda?day=" + form.day() + "#session-" + id;
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		model.addAttribute("invalid", true);
		return form(event, null, model, locale);
	}

	@GetMapping("/events/{slug}/sessions/{id}/edit")
	String editSession(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model, Locale locale) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), PersonalAgendas.parse(id));
		model.addAttribute("sessionForm", SessionForm.of(session, event.zone()));
		return form(event, session.id(), model, locale);
	}

	@PostMapping("/events/{slug}/sessions/{id}/edit")
	String updateSession(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult result, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		long sessionId = this.catalogue.session(event.id(), PersonalAgendas.parse(id)).id();
		if (!result.hasErrors()) {
			try {
				this.programme.update(Actor.current(), authentication.getName(), slug, sessionId, form);
				redirect.addFlashAttribute("flash", "event.session.flash.updated");
				return "redirect:/events/" + event.slug() + "/agenda?day=" + form.day() + "#session-" + sessionId;
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		model.addAttribute("invalid", true);
		return form(event, sessionId, model, locale);
	}

	private String form(EventCatalogue.Event event, Long sessionId, Model model, Locale locale) {
		model.addAttribute("event", event);
		model.addAttribute("sessionId", sessionId);
		model.addAttribute("dates", EventWeb.dates(event, locale));
		model.addAttribute("zoneName", AgendaView.zoneName(event.zone(), locale));
		model.addAttribute("rooms", this.catalogue.rooms(event.id()));
		model.addAttribute("tracks", this.catalogue.tracks(event.id()));
		model.addAttribute("speakers", this.catalogue.allSpeakers());
		model.addAttribute("kinds", SessionKind.values());
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
