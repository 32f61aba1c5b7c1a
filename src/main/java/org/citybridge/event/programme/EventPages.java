package org.citybridge.event.programme;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.stereotype.Service;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventNotFound;
import org.citybridge.event.EventWeb;
import org.citybridge.event.Programme;
import org.citybridge.event.attendance.PersonalAgendas;
import org.citybridge.event.attendance.Registrations;
import org.citybridge.event.attendance.SessionCalendar;
import org.citybridge.event.manage.EventEditor;
import org.citybridge.event.manage.EventParts;

/**
 * The public pages of one event, each gathered here in one call: the event's page (its venue,
 * rooms, tracks and speakers, where the visitor stands with registering), a session's page, a
 * speaker's page, and the programme as JSON and as a calendar file. The agenda itself is
 * {@link AgendaPages}.
 */
@Service
record EventPages(EventCatalogue catalogue,
		Registrations registrations,
		PersonalAgendas agendas,
		EventEditor editor,
		EventParts parts,
		Clock clock) {

	/** The event's page: {@code dates} and {@code zoneName} as the reader reads them, {@code jsonLd} its structured data. */
	record Detail(EventCatalogue.Event event, String eventPath, String dates, String zoneName, List<EventCatalogue.Room> rooms,
			List<EventCatalogue.Track> tracks, List<EventCatalogue.Speaker> speakers, boolean mayEdit,
			EventEditor.Coordinates venue, boolean signedIn, Registrations.Standing standing, String jsonLd) {
	}

	/** A session's page: the session with its times, whether the visitor starred it and where they stand with its seats. */
	record SessionPage(EventCatalogue.Event event, EventCatalogue.Session session, AgendaView agenda, boolean mayEdit,
			boolean signedIn, boolean starred, Registrations.Standing standing, Map<Long, String> photos, String jsonLd) {
	}

	/** A speaker's page: the speaker, their photo (null when none) and their sessions. */
	record SpeakerPage(EventCatalogue.Event event, EventCatalogue.Speaker speaker, String photo, AgendaView agenda) {
	}

	/** A calendar file: its name and its text. */
	record IcsFile(String filename, String body) {
	}

	Detail detail(String slug, Actor actor, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventEditor.Coordinates venue = this.editor.coordinates(event.id());
		return new Detail(event, EventWeb.eventPath(event), EventWeb.dates(event, locale),
				AgendaView.zoneName(event.zone(), locale), this.catalogue.rooms(event.id()), this.catalogue.tracks(event.id()),
				this.catalogue.speakers(event.id()), Programme.mayEdit(actor, event), venue, actor.isSignedIn(),
				this.registrations.standing(actor, event, null), EventJson.eventLd(event, venue, EventWeb.base()));
	}

	SessionPage session(String slug, String id, ZoneId viewer, Actor actor, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), Text.requireId(id, EventNotFound::new));
		AgendaView agenda = AgendaView.of(List.of(session), event.zone(), viewer, locale, this.clock.instant(),
				this.catalogue.sessions(event.id(), null, null));
		return new SessionPage(event, session, agenda, Programme.mayEdit(actor, event), actor.isSignedIn(),
				this.agendas.starred(actor, event.id()).contains(session.id()),
				this.registrations.standing(actor, event, session), this.parts.photoTags(event.id()),
				EventJson.sessionLd(event, session, EventWeb.base()));
	}

	SpeakerPage speaker(String slug, String id, ZoneId viewer, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Speaker speaker = this.catalogue.speaker(event.id(), Text.requireId(id, EventNotFound::new));
		List<EventCatalogue.Session> sessions = this.catalogue.sessions(event.id(), null, null).stream()
			.filter(s -> s.speakers().stream().anyMatch(sp -> sp.id() == speaker.id()))
			.toList();
		return new SpeakerPage(event, speaker, this.parts.photoTags(event.id()).get(speaker.id()),
				AgendaView.of(sessions, event.zone(), viewer, locale));
	}

	/** The whole programme as JSON, rooms and tracks included. */
	String agendaJson(String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		return EventJson.agenda(event, this.catalogue.rooms(event.id()), this.catalogue.tracks(event.id()),
				this.catalogue.sessions(event.id(), null, null), EventWeb.base());
	}

	/** The whole programme as a calendar file. */
	IcsFile eventCalendar(String slug) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		String base = EventWeb.base();
		List<SessionCalendar.Entry> entries = this.catalogue.sessions(event.id(), null, null).stream()
			.map(s -> new SessionCalendar.Entry(event, s, EventWeb.sessionUrl(base, event, s)))
			.toList();
		return new IcsFile(event.slug() + ".ics", SessionCalendar.calendar(event.title(), event,
				base + "/events/" + event.slug(), entries, this.clock.instant()));
	}

	/** One session as a calendar file. */
	IcsFile sessionCalendar(String slug, String id) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		EventCatalogue.Session session = this.catalogue.session(event.id(), Text.requireId(id, EventNotFound::new));
		return new IcsFile(event.slug() + "-session-" + session.id() + ".ics", SessionCalendar.of(event, session,
				EventWeb.sessionUrl(EventWeb.base(), event, session), this.clock.instant()));
	}
}
