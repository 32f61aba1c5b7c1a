package org.citybridge.event;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.ViewerZone;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

import jakarta.servlet.http.HttpServletResponse;

@Controller
class EventController {

	/** Remembers the viewer's chosen zone across agenda pages; no account needed. */
	static final String ZONE_COOKIE = ViewerZone.COOKIE;

	/** Zones offered as suggestions beside the free field. */
	static final List<String> SUGGESTED_ZONES = List.of("Europe/Brussels", "Asia/Ulaanbaatar", "Asia/Hovd",
			"Europe/Belgrade", "Europe/Paris", "Europe/London", "UTC");

	private final EventCatalogue catalogue;

	private final Programme programme;

	private final Clock clock;

	EventController(EventCatalogue catalogue, Programme programme) {
		this.catalogue = catalogue;
		this.programme = programme;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/events")
	String list(Model model, Locale locale) {
		List<Listed> events = this.catalogue.all().stream().map(e -> listed(e, locale)).toList();
		List<Listed> upcoming = new java.util.ArrayList<>(events.stream().filter(e -> !e.past()).toList());
		java.util.Collections.reverse(upcoming);
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("past", events.stream().filter(Listed::past).toList());
		return "event/list";
	}

	@GetMapping("/events/{slug}")
	String show(@PathVariable("slug") String slug, Model model, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		model.addAttribute("event", event);
		model.addAttribute("dates", dates(event, locale));
		model.addAttribute("zoneName", AgendaView.zoneName(event.zone(), locale));
		model.addAttribute("rooms", this.catalogue.rooms(event.id()));
		model.addAttribute("tracks", this.catalogue.tracks(event.id()));
		model.addAttribute("speakers", this.catalogue.speakers(event.id()));
		model.addAttribute("mayEdit", Programme.mayEdit(Actor.current(), event));
		return "event/detail";
	}

	@GetMapping("/events/{slug}/agenda")
	String agenda(@PathVariable("slug") String slug, @RequestParam(name = "tz", required = false) String tz,
			@RequestParam(name = "track", required = false) String track,
			@RequestParam(name = "room", required = false) String room,
			@CookieValue(name = ZONE_COOKIE, required = false) String remembered, HttpServletResponse response,
			Model model, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		ZoneId viewer = ViewerZone.parse(remembered).orElse(null);
		if (tz != null) {
			if (tz.isBlank() || tz.strip().equals("event")) {
				viewer = null;
				remember(response, null);
			}
			else {
				Optional<ZoneId> chosen = ViewerZone.parse(tz);
				if (chosen.isPresent()) {
					viewer = chosen.get();
					remember(response, viewer.getId());
				}
				else {
					model.addAttribute("zoneRefused", tz.strip());
				}
			}
		}
		Long trackId = positive(track);
		Long roomId = positive(room);
		model.addAttribute("event", event);
		model.addAttribute("dates", dates(event, locale));
		model.addAttribute("tracks", this.catalogue.tracks(event.id()));
		model.addAttribute("rooms", this.catalogue.rooms(event.id()));
		model.addAttribute("trackId", trackId);
		model.addAttribute("roomId", roomId);
		model.addAttribute("filtered", trackId != null || roomId != null);
		model.addAttribute("zoneValue", viewer == null ? "" : viewer.getId());
		model.addAttribute("zoneQuery", viewer == null ? null : viewer.getId());
		model.addAttribute("suggestedZones", SUGGESTED_ZONES);
		model.addAttribute("eventZoneHref", agendaHref(event, "event", trackId, roomId));
		model.addAttribute("ulaanbaatarHref", agendaHref(event, "Asia/Ulaanbaatar", trackId, roomId));
		model.addAttribute("agenda",
				AgendaView.of(this.catalogue.sessions(event.id(), trackId, roomId), event.zone(), viewer, locale));
		model.addAttribute("mayEdit", Programme.mayEdit(Actor.current(), event));
		return "event/agenda";
	}

	@GetMapping("/events/{slug}/sessions/{id}.ics")
	ResponseEntity<String> calendar(@PathVariable("slug") String slug, @PathVariable("id") String id,
			HttpServletRequest request) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), sessionId(id));
		String url = request.getScheme() + "://" + request.getServerName()
				+ (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort())
				+ "/events/" + event.slug() + "/agenda#session-" + session.id();
		String body = SessionCalendar.of(event, session, url, "citybridge", this.clock.instant());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(event.slug() + "-session-" + session.id() + ".ics").build().toString())
			.body(body);
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
				return "redirect:/events/" + event.slug() + "/agenda#session-" + id;
			}
			catch (Programme.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return form(event, null, model, locale);
	}

	@GetMapping("/events/{slug}/sessions/{id}/edit")
	String editSession(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model, Locale locale) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), sessionId(id));
		model.addAttribute("sessionForm", SessionForm.of(session, event.zone()));
		return form(event, session.id(), model, locale);
	}

	@PostMapping("/events/{slug}/sessions/{id}/edit")
	String updateSession(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult result, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		long sessionId = this.catalogue.session(event.id(), sessionId(id)).id();
		if (!result.hasErrors()) {
			try {
				this.programme.update(Actor.current(), authentication.getName(), slug, sessionId, form);
				redirect.addFlashAttribute("flash", "event.session.flash.updated");
				return "redirect:/events/" + event.slug() + "/agenda#session-" + sessionId;
			}
			catch (Programme.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return form(event, sessionId, model, locale);
	}

	private String form(EventCatalogue.Event event, Long sessionId, Model model, Locale locale) {
		model.addAttribute("event", event);
		model.addAttribute("sessionId", sessionId);
		model.addAttribute("dates", dates(event, locale));
		model.addAttribute("zoneName", AgendaView.zoneName(event.zone(), locale));
		model.addAttribute("rooms", this.catalogue.rooms(event.id()));
		model.addAttribute("tracks", this.catalogue.tracks(event.id()));
		model.addAttribute("speakers", this.catalogue.allSpeakers());
		model.addAttribute("kinds", SessionKind.values());
		return "event/form";
	}

	private static void reject(BindingResult result, Programme.Refused refused) {
		Object[] args = refused.argument == null ? null : new Object[] { refused.argument };
		if (refused.field == null) {
			result.reject(refused.messageKey, args, null);
		}
		else {
			result.rejectValue(refused.field, refused.messageKey, args, null);
		}
	}

	private static void remember(HttpServletResponse response, String zone) {
		response.addHeader(HttpHeaders.SET_COOKIE, ViewerZone.cookie(zone).toString());
	}

	/** An event in the list, with its dates formatted and whether it is over. */
	record Listed(EventCatalogue.Event event, String dates, boolean past) {
	}

	private Listed listed(EventCatalogue.Event event, Locale locale) {
		return new Listed(event, dates(event, locale), event.endsOn().isBefore(LocalDate.now(this.clock.withZone(event.zone()))));
	}

	static String dates(EventCatalogue.Event event, Locale locale) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		return event.startsOn().equals(event.endsOn()) ? format.format(event.startsOn())
				: format.format(event.startsOn()) + " – " + format.format(event.endsOn());
	}

	private static String agendaHref(EventCatalogue.Event event, String zone, Long trackId, Long roomId) {
		var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/events/{slug}/agenda").queryParam("tz", zone);
		if (trackId != null) {
			uri.queryParam("track", trackId);
		}
		if (roomId != null) {
			uri.queryParam("room", roomId);
		}
		return uri.buildAndExpand(event.slug()).encode().toUriString();
	}

	private static Long positive(String value) {
		try {
			long id = Long.parseLong(value == null ? "" : value.strip());
			return id > 0 ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static long sessionId(String id) {
		Long value = positive(id);
		if (value == null) {
			throw new EventNotFound(id);
		}
		return value;
	}
}
