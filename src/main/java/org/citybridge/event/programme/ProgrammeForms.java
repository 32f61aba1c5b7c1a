package org.citybridge.event.programme;

import java.util.List;
import java.util.Locale;

import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;
import org.citybridge.system.ViewerZone;

import org.springframework.stereotype.Service;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventKind;
import org.citybridge.event.EventNotFound;
import org.citybridge.event.EventWeb;
import org.citybridge.event.Programme;
import org.citybridge.event.SessionForm;
import org.citybridge.event.SessionKind;
import org.citybridge.event.manage.EventEditor;
import org.citybridge.event.manage.EventForm;

/**
 * The forms reached from an event's pages for those who build its programme: a session, new or
 * edited, and the event's own details. Each opens with everything the form shows (its choices of
 * rooms, tracks, speakers and kinds) in one record, and each save either saves or answers with the
 * form again, the refusal to show on it, so that a page makes one call whatever happens. Who may is
 * {@link Programme#editable}'s to say; the writes are {@link Programme}'s and {@link EventEditor}'s.
 */
@Service
record ProgrammeForms(EventCatalogue catalogue, Programme programme, EventEditor editor) {

	/** The session form: the form's values and its choices ({@code sessionId} null for a new session). */
	record SessionPage(EventCatalogue.Event event, Long sessionId, SessionForm form, String dates, String zoneName,
			List<EventCatalogue.Room> rooms, List<EventCatalogue.Track> tracks, List<EventCatalogue.Speaker> speakers,
			List<SessionKind> kinds, boolean cancelled) {
	}

	/** The event's form: its values and its choices. */
	record EventPage(EventCatalogue.Event event, EventForm form, List<EventKind> kinds, List<String> suggestedZones) {
	}

	/**
	 * A save: {@code savedId} the record saved (null when it was not), else the form again
	 * ({@code page}) with the reason the save was refused ({@code refused}, null when the form itself
	 * was not valid).
	 */
	record Saved<P>(EventCatalogue.Event event, Long savedId, Refusal refused, P page) {

		boolean done() {
			return this.savedId != null;
		}
	}

	/** A new session's form, on the event's first day. */
	SessionPage newSession(Actor actor, String slug, Locale locale) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		return sessionPage(event, null, SessionForm.empty(event.startsOn()), locale, false);
	}

	/** A session's form with its values; {@code id} as the address gives it. */
	SessionPage editSession(Actor actor, String slug, String id, Locale locale) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), Text.requireId(id, EventNotFound::new));
		return sessionPage(event, session.id(), SessionForm.of(session, event.zone()), locale, session.cancelled());
	}

	/**
	 * Saves a session, new ({@code id} null) or edited, when the form is {@code valid}; else, or when
	 * the programme refuses it, the form again.
	 */
	Saved<SessionPage> saveSession(Actor actor, String actorLabel, String slug, String id, SessionForm form, boolean valid,
			Locale locale) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		EventCatalogue.Session stored = id == null ? null
				: this.catalogue.session(event.id(), Text.requireId(id, EventNotFound::new));
		Long sessionId = stored == null ? null : stored.id();
		Refusal refused = null;
		if (valid) {
			try {
				if (sessionId == null) {
					return new Saved<>(event, this.programme.create(actor, actorLabel, slug, form), null, null);
				}
				this.programme.update(actor, actorLabel, slug, sessionId, form);
				return new Saved<>(event, sessionId, null, null);
			}
			catch (Refusal refusal) {
				refused = refusal;
			}
		}
		return new Saved<>(event, null, refused,
				sessionPage(event, sessionId, form, locale, stored != null && stored.cancelled()));
	}

	/**
	 * Cancels a session as of the {@code version} its form showed; {@code id} and {@code version} as
	 * the request gives them. Returns the flash message; a refusal (stale, already cancelled) is thrown.
	 */
	String cancelSession(Actor actor, String actorLabel, String slug, String id, String version) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		long sessionId = this.catalogue.session(event.id(), Text.requireId(id, EventNotFound::new)).id();
		// Anything but a version number matches no row: refused as stale.
		long seen = version != null && version.strip().matches("\\d{1,18}") ? Long.parseLong(version.strip()) : -1;
		this.programme.cancel(actor, actorLabel, slug, sessionId, seen);
		return "event.session.flash.cancelled";
	}

	/** The event's form with its values. */
	EventPage editEvent(Actor actor, String slug) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		return eventPage(event,
				EventForm.of(event, this.editor.version(event.id()), this.editor.coordinates(event.id())));
	}

	/** Saves the event's details when the form is {@code valid}; else, or when refused, the form again. */
	Saved<EventPage> saveEvent(Actor actor, String actorLabel, String slug, EventForm form, boolean valid) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		Refusal refused = null;
		if (valid) {
			try {
				this.editor.update(actor, actorLabel, slug, form);
				return new Saved<>(event, event.id(), null, null);
			}
			catch (Refusal refusal) {
				refused = refusal;
			}
		}
		return new Saved<>(event, null, refused, eventPage(event, form));
	}

	private SessionPage sessionPage(EventCatalogue.Event event, Long sessionId, SessionForm form, Locale locale,
			boolean cancelled) {
		return new SessionPage(event, sessionId, form, EventWeb.dates(event, locale), AgendaView.zoneName(event.zone(), locale),
				this.catalogue.rooms(event.id()), this.catalogue.tracks(event.id()), this.catalogue.allSpeakers(),
				List.of(SessionKind.values()), cancelled);
	}

	private static EventPage eventPage(EventCatalogue.Event event, EventForm form) {
		return new EventPage(event, form, List.of(EventKind.values()), ViewerZone.SUGGESTED);
	}
}
