package org.citybridge.event.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Service;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventWeb;
import org.citybridge.event.programme.AgendaView;

/**
 * A personal agenda as its page and its calendar file show it, gathered in one call: the sessions
 * a signed-in person starred, or those a shared address lists, with the clashes between them, the
 * address to share them by, and when the person's private calendar address was made.
 */
@Service
record MyAgendaPages(EventCatalogue catalogue, PersonalAgendas agendas, Clock clock) {

	/**
	 * The page: {@code ids} the sessions found, in time order ({@code idsValue} as an address lists
	 * them), {@code clashes} what each clashes with, {@code without} the list without each one.
	 */
	record Page(EventCatalogue.Event event, String dates, boolean fromAddress, boolean signedIn, List<Long> ids,
			String idsValue, Map<Long, List<EventCatalogue.Session>> clashes, Map<Long, String> without, String eventPath, long clashCount,
			AgendaView agenda, String shareUrl, Instant feedCreated) {
	}

	/** The page of the sessions a shared address lists ({@code shared} not null), else those the actor starred. */
	Page page(String slug, String shared, ZoneId viewer, Actor actor, Locale locale) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		boolean fromAddress = shared != null;
		List<Long> ids = fromAddress ? PersonalAgendas.shared(shared) : this.agendas.starred(actor, event.id());
		List<PersonalAgendas.Chosen> chosen = this.agendas.chosen(event.id(), ids);
		List<Long> found = chosen.stream().map(c -> c.session().id()).toList();
		Map<Long, List<EventCatalogue.Session>> clashes = new HashMap<>();
		chosen.forEach(c -> clashes.put(c.session().id(), c.clashes()));
		Map<Long, String> without = new HashMap<>();
		found.forEach(id -> without.put(id, PersonalAgendas.join(found.stream().filter(other -> !other.equals(id)).toList())));
		AgendaView agenda = AgendaView.of(chosen.stream().map(PersonalAgendas.Chosen::session).toList(), event.zone(), viewer,
				locale, this.clock.instant(), this.catalogue.sessions(event.id(), null, null));
		return new Page(event, EventWeb.dates(event, locale), fromAddress, actor.isSignedIn(), found,
				PersonalAgendas.join(found), clashes, without, EventWeb.eventPath(event),
				chosen.stream().filter(c -> !c.clashes().isEmpty()).count(), agenda,
				EventWeb.base() + "/events/" + event.slug() + "/my?s=" + PersonalAgendas.join(found),
				this.agendas.feedCreated(actor).orElse(null));
	}

	/** The sessions a shared address lists, as a calendar file: its name and its text. */
	Map.Entry<String, String> calendar(String slug, String shared) {
		EventCatalogue.Event event = this.catalogue.bySlug(slug);
		String base = EventWeb.base();
		List<SessionCalendar.Entry> entries = this.agendas.chosen(event.id(), PersonalAgendas.shared(shared)).stream()
			.map(c -> new SessionCalendar.Entry(event, c.session(), EventWeb.sessionUrl(base, event, c.session())))
			.toList();
		return Map.entry(event.slug() + "-my-agenda.ics",
				SessionCalendar.calendar(event.title(), null, null, entries, this.clock.instant()));
	}
}
