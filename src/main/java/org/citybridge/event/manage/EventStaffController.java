package org.citybridge.event.manage;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Valid;

import org.citybridge.event.EventKind;
import org.citybridge.event.EventNotFound;
import org.citybridge.event.EventWeb;
import org.citybridge.network.Organisation;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Submitted;
import org.citybridge.system.Text;
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

/**
 * Staff create events and keep their rooms, tracks and speakers; speaker photos are served from
 * here. Each handler makes one service call ({@link EventStaffPages}); the services check who may.
 * Rooms, tracks and speakers share their handlers and pages, told apart by their {@link PartKind};
 * only the forms' bindings have a handler each.
 */
@Controller
public record EventStaffController(EventStaffPages pages, EventParts parts, MessageSource messages) {

	/** The address of a kind's list, e.g. {@code /events/summit-2027/manage/rooms}. */
	private static final String PARTS = "/events/{slug}/manage/{kind:" + PartKind.PATHS + "}";

	// New event

	@GetMapping("/events/new")
	String newEvent(Model model) {
		EventStaffPages.NewEvent page = this.pages.newEvent(Actor.current());
		model.addAttribute("eventForm", page.form());
		return newEventForm(page.hosts(), model);
	}

	@PostMapping("/events/new")
	String createEvent(@Valid @ModelAttribute("eventForm") EventForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		check(form, result);
		Submitted<String, List<Organisation>> submitted = this.pages.create(Actor.current(), authentication.getName(), form,
				!result.hasErrors());
		if (submitted.isSaved()) {
			redirect.addFlashAttribute("flash", "event.event.flash.created");
			return "redirect:/events/" + submitted.saved();
		}
		return newEventForm(again(submitted, result, model), model);
	}

	/** The checks the new event and the edit form share, beyond the annotations. */
	public static void check(EventForm form, BindingResult result) {
		if (!result.hasFieldErrors("timeZone") && ViewerZone.parse(form.timeZone()).isEmpty()) {
			result.rejectValue("timeZone", "event.form.zone.invalid");
		}
		if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())
				&& !result.hasFieldErrors("endsOn")) {
			result.rejectValue("endsOn", "event.form.error.endBeforeStart");
		}
		if (!result.hasFieldErrors("latitude") && !result.hasFieldErrors("longitude")
				&& (form.latitude() == null) != (form.longitude() == null)) {
			result.rejectValue(form.latitude() == null ? "latitude" : "longitude", "event.form.coordinates.both");
		}
	}

	private static String newEventForm(List<Organisation> hosts, Model model) {
		model.addAttribute("hosts", hosts);
		model.addAttribute("kinds", EventKind.values());
		model.addAttribute("suggestedZones", ViewerZone.SUGGESTED);
		return "event/event-form";
	}

	// Rooms, tracks and speakers: the list with the form to add one, and each one's edit page

	@GetMapping(PARTS)
	String parts(@PathVariable("slug") String slug, @PathVariable("kind") String kind, Model model) {
		EventStaffPages.Listing page = this.pages.list(Actor.current(), slug, PartKind.ofPath(kind));
		model.addAttribute("partForm", PartForm.empty(page.kind()));
		return listing(page, model);
	}

	@PostMapping("/events/{slug}/manage/rooms")
	String addRoom(@PathVariable("slug") String slug, @Valid @ModelAttribute("partForm") RoomForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		return added(slug, form, result, model, authentication, redirect);
	}

	@PostMapping("/events/{slug}/manage/tracks")
	String addTrack(@PathVariable("slug") String slug, @Valid @ModelAttribute("partForm") TrackForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		return added(slug, form, result, model, authentication, redirect);
	}

	@PostMapping("/events/{slug}/manage/speakers")
	String addSpeaker(@PathVariable("slug") String slug, @Valid @ModelAttribute("partForm") SpeakerForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		return added(slug, form, result, model, authentication, redirect);
	}

	@GetMapping(PARTS + "/{id}")
	String part(@PathVariable("slug") String slug, @PathVariable("kind") String kind, @PathVariable("id") String id,
			Model model) {
		EventStaffPages.Editing page = this.pages.edit(Actor.current(), slug, PartKind.ofPath(kind), id);
		model.addAttribute("partForm", PartForm.of(page.part()));
		return editing(page, model);
	}

	@PostMapping("/events/{slug}/manage/rooms/{id}")
	String updateRoom(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("partForm") RoomForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		return updated(slug, id, form, result, model, authentication, redirect);
	}

	@PostMapping("/events/{slug}/manage/tracks/{id}")
	String updateTrack(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("partForm") TrackForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		return updated(slug, id, form, result, model, authentication, redirect);
	}

	@PostMapping("/events/{slug}/manage/speakers/{id}")
	String updateSpeaker(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("partForm") SpeakerForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		return updated(slug, id, form, result, model, authentication, redirect);
	}

	/**
	 * Deletes, then the browser goes to the list; refused (a session still uses it, or someone changed it
	 * meanwhile), the edit page says why.
	 */
	@PostMapping(PARTS + "/{id}/delete")
	String deletePart(@PathVariable("slug") String slug, @PathVariable("kind") String kind, @PathVariable("id") String id,
			@RequestParam(name = "version", defaultValue = "-1") long version, Model model, Locale locale,
			Authentication authentication, RedirectAttributes redirect) {
		PartKind partKind = PartKind.ofPath(kind);
		Submitted<String, EventStaffPages.Editing> deleted = this.pages.delete(Actor.current(), authentication.getName(), slug,
				partKind, id, version);
		if (deleted.isSaved()) {
			return done(slug, partKind, "flash.deleted", redirect);
		}
		Refusal refused = deleted.refusal();
		model.addAttribute("deleteRefused", this.messages.getMessage(refused.messageKey(), refused.arguments(), locale));
		model.addAttribute("partForm", PartForm.of(deleted.page().part()));
		return editing(deleted.page(), model);
	}

	/** A speaker's photo, cached by browsers and revalidated by its ETag (the SHA-256 of its bytes). */
	@GetMapping("/events/{slug}/speakers/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable("slug") String slug, @PathVariable("id") String id, WebRequest request) {
		EventParts.StoredPhoto photo = this.parts.photo(slug, Text.requireId(id, EventNotFound::new))
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

	/** A valid form is written and the browser goes to the list; an invalid or refused one comes back under the list. */
	private String added(String slug, PartForm form, BindingResult result, Model model, Authentication authentication,
			RedirectAttributes redirect) {
		Submitted<String, EventStaffPages.Listing> added = this.pages.add(Actor.current(), authentication.getName(), slug, form,
				!result.hasErrors());
		return added.isSaved() ? done(slug, form.kind(), "flash.added", redirect)
				: listing(again(added, result, model), model);
	}

	/** A valid form is written and the browser goes to the list; an invalid or refused one comes back on its page. */
	private String updated(String slug, String id, PartForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		Submitted<String, EventStaffPages.Editing> updated = this.pages.update(Actor.current(), authentication.getName(), slug, id,
				form, !result.hasErrors());
		return updated.isSaved() ? done(slug, form.kind(), "flash.saved", redirect)
				: editing(again(updated, result, model), model);
	}

	private static String done(String slug, PartKind kind, String flash, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", kind.key(flash));
		return "redirect:/events/" + slug + "/manage/" + kind.path();
	}

	/** The form comes back with the user's values and the reasons by the fields; the page to show it on. */
	private static <P> P again(Submitted<String, P> submitted, BindingResult result, Model model) {
		if (submitted.refusal() != null) {
			submitted.refusal().rejectIn(result);
		}
		model.addAttribute("invalid", true);
		return submitted.page();
	}

	private static String listing(EventStaffPages.Listing page, Model model) {
		model.addAttribute("event", page.event());
		model.addAttribute("kind", page.kind());
		model.addAttribute("parts", page.parts());
		model.addAttribute("eventPath", EventWeb.eventPath(page.event()));
		model.addAttribute("maxPhotoMb", SpeakerPhoto.MAX_BYTES / (1024 * 1024));
		return "event/parts";
	}

	private static String editing(EventStaffPages.Editing page, Model model) {
		model.addAttribute("event", page.event());
		model.addAttribute("kind", page.kind());
		model.addAttribute("part", page.part());
		model.addAttribute("maxPhotoMb", SpeakerPhoto.MAX_BYTES / (1024 * 1024));
		return "event/part-edit";
	}
}
