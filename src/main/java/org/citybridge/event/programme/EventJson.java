package org.citybridge.event.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.manage.EventEditor;
import org.citybridge.event.EventWeb;

/**
 * The agenda as open data (JSON), and schema.org {@code Event} descriptions (JSON-LD) for the head
 * of the event and session pages, so search engines and calendar tools read the same facts as
 * people do.
 */
final class EventJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EventJson() {
	}

	static String agenda(EventCatalogue.Event event, List<EventCatalogue.Room> rooms, List<EventCatalogue.Track> tracks,
			List<EventCatalogue.Session> sessions, String base) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("slug", event.slug());
		json.put("title", event.title());
		json.put("kind", event.kind().name());
		json.put("host", event.hostName());
		json.put("startsOn", event.startsOn().toString());
		json.put("endsOn", event.endsOn().toString());
		json.put("timeZone", event.zone().getId());
		json.put("venue", event.venueName());
		json.put("venueAddress", event.venueAddress());
		json.put("url", base + "/events/" + event.slug());
		json.put("rooms", rooms.stream().map(r -> map("id", r.id(), "name", r.name(), "capacity", r.capacity())).toList());
		json.put("tracks", tracks.stream().map(t -> map("id", t.id(), "name", t.name())).toList());
		List<Map<String, Object>> items = new ArrayList<>();
		for (EventCatalogue.Session s : sessions) {
			Map<String, Object> item = map("id", s.id(), "title", s.title(), "abstract", s.abstractText(), "kind", s.kind().name());
			item.put("startsAt", s.startsAt().atZone(event.zone()).toOffsetDateTime().toString());
			item.put("endsAt", s.endsAt().atZone(event.zone()).toOffsetDateTime().toString());
			item.put("roomId", s.roomId());
			item.put("trackId", s.trackId());
			item.put("languages", s.languageList());
			item.put("capacity", s.capacity());
			item.put("speakers", s.speakers().stream()
				.map(sp -> map("id", sp.id(), "name", sp.name(), "role", sp.role(), "organisation", sp.organisation()))
				.toList());
			item.put("url", EventWeb.sessionUrl(base, event, s));
			item.put("demo", s.demo());
			items.add(item);
		}
		json.put("sessions", items);
		return JSON.writeValueAsString(json);
	}

	/** The event as schema.org JSON-LD, its venue with geo coordinates where they are known. */
	static String eventLd(EventCatalogue.Event event, EventEditor.Coordinates venue, String base) {
		Map<String, Object> ld = map("@context", "https://schema.org", "@type", "Event", "name", event.title());
		ld.put("startDate", event.startsOn().toString());
		ld.put("endDate", event.endsOn().toString());
		ld.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
		ld.put("eventStatus", "https://schema.org/EventScheduled");
		Map<String, Object> location = place(event, null);
		if (venue != null && venue.known()) {
			location.put("geo", map("@type", "GeoCoordinates", "latitude", venue.latitude(), "longitude", venue.longitude()));
		}
		ld.put("location", location);
		ld.put("organizer", map("@type", "Organization", "name", event.hostName(), "url",
				base + "/organisations/" + event.hostOrganisationId()));
		if (event.description() != null) {
			ld.put("description", event.description());
		}
		ld.put("url", base + "/events/" + event.slug());
		return script(ld);
	}

	static String sessionLd(EventCatalogue.Event event, EventCatalogue.Session session, String base) {
		Map<String, Object> ld = map("@context", "https://schema.org", "@type", "Event", "name", session.title());
		ld.put("startDate", session.startsAt().atZone(event.zone()).toOffsetDateTime().toString());
		ld.put("endDate", session.endsAt().atZone(event.zone()).toOffsetDateTime().toString());
		ld.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
		ld.put("eventStatus", "https://schema.org/EventScheduled");
		ld.put("location", place(event, session.roomName()));
		if (session.abstractText() != null) {
			ld.put("description", session.abstractText());
		}
		if (!session.speakers().isEmpty()) {
			ld.put("performer", session.speakers().stream().map(sp -> map("@type", "Person", "name", sp.name())).toList());
		}
		ld.put("superEvent", map("@type", "Event", "name", event.title(), "url", base + "/events/" + event.slug()));
		ld.put("url", EventWeb.sessionUrl(base, event, session));
		return script(ld);
	}

	private static Map<String, Object> place(EventCatalogue.Event event, String room) {
		Map<String, Object> place = map("@type", "Place", "name", room == null ? event.venueName() : room + ", " + event.venueName());
		if (event.venueAddress() != null) {
			place.put("address", event.venueAddress());
		}
		return place;
	}

	/** JSON that can sit inside a script element: no closing script tag can end it early. */
	private static String script(Map<String, Object> ld) {
		return JSON.writeValueAsString(ld).replace("<", "\\u003c");
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}
}
