package org.citybridge.event.manage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.ViewerZone;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.citybridge.system.Ids;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventKind;
import org.citybridge.event.EventNotFound;
import org.citybridge.event.EventWeb;
import org.citybridge.event.Programme;

/**
 * Staff create events and keep their rooms, tracks and speakers; speaker photos are served from
 * here. Each handler makes one service call; the services check who may.
 */
@Controller
public class EventStaffController {

	private final EventEditor editor;

	private final EventParts parts;

	private final Programme programme;

	private final MessageSource messages;

	private final Clock clock;

	EventStaffController(EventEditor editor, EventParts parts, Programme programme, MessageSource messages, Clock clock) {
		this.editor = editor;
		this.parts = parts;
		this.programme = programme;
		this.messages = messages;
		this.clock = clock;
	}

	// New event

	@GetMapping("/events/new")
	String newEvent(Model model) {
		Actor actor = Actor.current();
		var hosts = this.editor.hosts(actor);
		model.addAttribute("eventForm", EventForm.empty(LocalDate.now(this.clock),
				actor.role() == Actor.Role.STAFF ? actor.organisationId() : null));
		return newEventForm(hosts, model);
	}

	@PostMapping("/events/new")
	String createEvent(@Valid @ModelAttribute("eventForm") EventForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		Actor actor = Actor.current();
		var hosts = this.editor.hosts(actor);
		check(form, result);
		if (!result.hasErrors()) {
			try {
				String slug = this.editor.create(actor, authentication.getName(), form);
				redirect.addFlashAttribute("flash", "event3.event.flash.created");
				return "redirect:/events/" + slug;
			}
			catch (Programme.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return newEventForm(hosts, model);
	}

	/** The checks the new event and the edit form share, beyond the annotations. */
	public static void check(EventForm form, BindingResult result) {
		if (!result.hasFieldErrors("timeZone") && ViewerZone.parse(form.timeZone()).isEmpty()) {
			result.rejectValue("timeZone", "event2.form.zone.invalid");
		}
		if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())
				&& !result.hasFieldErrors("endsOn")) {
			result.rejectValue("endsOn", "event2.form.error.endBeforeStart");
		}
		if (!result.hasFieldErrors("latitude") && !result.hasFieldErrors("longitude")
				&& (form.latitude() == null) != (form.longitude() == null)) {
			result.rejectValue(form.latitude() == null ? "latitude" : "longitude", "event3.form.coordinates.both");
		}
	}

	private String newEventForm(java.util.List<org.citybridge.network.Organisation> hosts, Model model) {
		model.addAttribute("hosts", hosts);
		model.addAttribute("kinds", EventKind.values());
		model.addAttribute("suggestedZones", EventWeb.SUGGESTED_ZONES);
		return "event/event-new";
	}

	// Rooms

	@GetMapping("/events/{slug}/manage/rooms")
	String rooms(@PathVariable("slug") String slug, Model model) {
		model.addAttribute("roomForm", RoomForm.empty());
		return roomsPage(slug, model);
	}

	@PostMapping("/events/{slug}/manage/rooms")
	String addRoom(@PathVariable("slug") String slug, @Valid @ModelAttribute("roomForm") RoomForm form, BindingResult result,
			Model model, Authentication authentication, RedirectAttributes redirect) {
		return saved(result, model, redirect,
				() -> this.parts.addRoom(Actor.current(), authentication.getName(), slug, form),
				"event3.room.flash.added", "redirect:/events/" + slug + "/manage/rooms", () -> roomsPage(slug, model));
	}

	private String roomsPage(String slug, Model model) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		model.addAttribute("event", event);
		model.addAttribute("rooms", this.parts.rooms(event.id()));
		return "event/rooms";
	}

	@GetMapping("/events/{slug}/manage/rooms/{id}")
	String room(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.RoomRow room = this.parts.room(event.id(), Ids.require(id, EventNotFound::new));
		model.addAttribute("roomForm", RoomForm.of(room));
		return room(event, room, model);
	}

	@PostMapping("/events/{slug}/manage/rooms/{id}")
	String updateRoom(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("roomForm") RoomForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.RoomRow room = this.parts.room(event.id(), Ids.require(id, EventNotFound::new));
		return saved(result, model, redirect,
				() -> this.parts.updateRoom(Actor.current(), authentication.getName(), slug, room.id(), form),
				"event3.room.flash.saved", "redirect:/events/" + slug + "/manage/rooms", () -> room(event, room, model));
	}

	@PostMapping("/events/{slug}/manage/rooms/{id}/delete")
	String deleteRoom(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "version", defaultValue = "-1") long version, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.RoomRow room = this.parts.room(event.id(), Ids.require(id, EventNotFound::new));
		return deleted(model, locale, redirect,
				() -> this.parts.deleteRoom(Actor.current(), authentication.getName(), slug, room.id(), version),
				"event3.room.flash.deleted", "redirect:/events/" + slug + "/manage/rooms", () -> {
					model.addAttribute("roomForm", RoomForm.of(room));
					return room(event, room, model);
				});
	}

	private String room(EventCatalogue.Event event, EventParts.RoomRow room, Model model) {
		model.addAttribute("event", event);
		model.addAttribute("room", room);
		return "event/room-edit";
	}

	// Tracks

	@GetMapping("/events/{slug}/manage/tracks")
	String tracks(@PathVariable("slug") String slug, Model model) {
		model.addAttribute("trackForm", TrackForm.empty());
		return tracksPage(slug, model);
	}

	@PostMapping("/events/{slug}/manage/tracks")
	String addTrack(@PathVariable("slug") String slug, @Valid @ModelAttribute("trackForm") TrackForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		return saved(result, model, redirect,
				() -> this.parts.addTrack(Actor.current(), authentication.getName(), slug, form),
				"event3.track.flash.added", "redirect:/events/" + slug + "/manage/tracks", () -> tracksPage(slug, model));
	}

	private String tracksPage(String slug, Model model) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		model.addAttribute("event", event);
		model.addAttribute("tracks", this.parts.tracks(event.id()));
		return "event/tracks";
	}

	@GetMapping("/events/{slug}/manage/tracks/{id}")
	String track(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.TrackRow track = this.parts.track(event.id(), Ids.require(id, EventNotFound::new));
		model.addAttribute("trackForm", TrackForm.of(track));
		return track(event, track, model);
	}

	@PostMapping("/events/{slug}/manage/tracks/{id}")
	String updateTrack(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("trackForm") TrackForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.TrackRow track = this.parts.track(event.id(), Ids.require(id, EventNotFound::new));
		return saved(result, model, redirect,
				() -> this.parts.updateTrack(Actor.current(), authentication.getName(), slug, track.id(), form),
				"event3.track.flash.saved", "redirect:/events/" + slug + "/manage/tracks", () -> track(event, track, model));
	}

	@PostMapping("/events/{slug}/manage/tracks/{id}/delete")
	String deleteTrack(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "version", defaultValue = "-1") long version, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.TrackRow track = this.parts.track(event.id(), Ids.require(id, EventNotFound::new));
		return deleted(model, locale, redirect,
				() -> this.parts.deleteTrack(Actor.current(), authentication.getName(), slug, track.id(), version),
				"event3.track.flash.deleted", "redirect:/events/" + slug + "/manage/tracks", () -> {
					model.addAttribute("trackForm", TrackForm.of(track));
					return track(event, track, model);
				});
	}

	private String track(EventCatalogue.Event event, EventParts.TrackRow track, Model model) {
		model.addAttribute("event", event);
		model.addAttribute("track", track);
		return "event/track-edit";
	}

	// Speakers

	@GetMapping("/events/{slug}/manage/speakers")
	String speakers(@PathVariable("slug") String slug, Model model) {
		model.addAttribute("speakerForm", SpeakerForm.empty());
		return speakersPage(slug, model);
	}

	@PostMapping("/events/{slug}/manage/speakers")
	String addSpeaker(@PathVariable("slug") String slug, @Valid @ModelAttribute("speakerForm") SpeakerForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		return saved(result, model, redirect,
				() -> this.parts.addSpeaker(Actor.current(), authentication.getName(), slug, form),
				"event3.speaker.flash.added", "redirect:/events/" + slug + "/manage/speakers", () -> speakersPage(slug, model));
	}

	private String speakersPage(String slug, Model model) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		model.addAttribute("event", event);
		model.addAttribute("eventPath", EventWeb.eventPath(event));
		model.addAttribute("speakers", this.parts.speakers(event.id()));
		model.addAttribute("maxPhotoMb", SpeakerPhoto.MAX_BYTES / (1024 * 1024));
		return "event/speakers";
	}

	@GetMapping("/events/{slug}/manage/speakers/{id}")
	String speaker(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.SpeakerRow speaker = this.parts.speaker(event.id(), Ids.require(id, EventNotFound::new));
		model.addAttribute("speakerForm", SpeakerForm.of(speaker));
		return speaker(event, speaker, model);
	}

	@PostMapping("/events/{slug}/manage/speakers/{id}")
	String updateSpeaker(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("speakerForm") SpeakerForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.SpeakerRow speaker = this.parts.speaker(event.id(), Ids.require(id, EventNotFound::new));
		return saved(result, model, redirect,
				() -> this.parts.updateSpeaker(Actor.current(), authentication.getName(), slug, speaker.id(), form),
				"event3.speaker.flash.saved", "redirect:/events/" + slug + "/manage/speakers", () -> speaker(event, speaker, model));
	}

	@PostMapping("/events/{slug}/manage/speakers/{id}/delete")
	String deleteSpeaker(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "version", defaultValue = "-1") long version, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect) {
		EventCatalogue.Event event = this.programme.editable(Actor.current(), slug);
		EventParts.SpeakerRow speaker = this.parts.speaker(event.id(), Ids.require(id, EventNotFound::new));
		return deleted(model, locale, redirect,
				() -> this.parts.deleteSpeaker(Actor.current(), authentication.getName(), slug, speaker.id(), version),
				"event3.speaker.flash.deleted", "redirect:/events/" + slug + "/manage/speakers", () -> {
					model.addAttribute("speakerForm", SpeakerForm.of(speaker));
					return speaker(event, speaker, model);
				});
	}

	private String speaker(EventCatalogue.Event event, EventParts.SpeakerRow speaker, Model model) {
		model.addAttribute("event", event);
		model.addAttribute("speaker", speaker);
		model.addAttribute("maxPhotoMb", SpeakerPhoto.MAX_BYTES / (1024 * 1024));
		return "event/speaker-edit";
	}

	/** A speaker's photo, cached by browsers and revalidated by its ETag (the SHA-256 of its bytes). */
	@GetMapping("/events/{slug}/speakers/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable("slug") String slug, @PathVariable("id") String id, WebRequest request) {
		EventParts.StoredPhoto photo = this.parts.photo(slug, Ids.require(id, EventNotFound::new))
			.orElseThrow(() -> new EventNotFound(id));
		String etag = "\"" + photo.sha256() + "\"";
		CacheControl cache = CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic();
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.mediaType()))
			.eTag(etag)
			.cacheControl(cache)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(photo.content());
	}

	/**
	 * A valid form is written ({@code write}), then the browser goes to {@code done} with {@code flash}; an
	 * invalid or refused one comes back ({@code page}) with the user's values and the reasons by the fields.
	 */
	private static String saved(BindingResult result, Model model, RedirectAttributes redirect, Runnable write, String flash,
			String done, Supplier<String> page) {
		if (!result.hasErrors()) {
			try {
				write.run();
				redirect.addFlashAttribute("flash", flash);
				return done;
			}
			catch (Programme.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return page.get();
	}

	/**
	 * Deletes, then the browser goes to {@code done} with {@code flash}; refused (a session still uses it, or
	 * someone changed it meanwhile), the edit page ({@code page}) says why.
	 */
	private String deleted(Model model, Locale locale, RedirectAttributes redirect, Runnable delete, String flash, String done,
			Supplier<String> page) {
		try {
			delete.run();
			redirect.addFlashAttribute("flash", flash);
			return done;
		}
		catch (Programme.Refused refused) {
			model.addAttribute("deleteRefused", message(refused, locale));
			return page.get();
		}
	}

	private String message(Programme.Refused refused, Locale locale) {
		Object[] args = refused.argument == null ? null : new Object[] { refused.argument };
		return this.messages.getMessage(refused.messageKey, args, locale);
	}

	static void reject(BindingResult result, Programme.Refused refused) {
		Object[] args = refused.argument == null ? null : new Object[] { refused.argument };
		if (refused.field == null) {
			result.reject(refused.messageKey, args, null);
		}
		else {
			result.rejectValue(refused.field, refused.messageKey, args, null);
		}
	}
}
