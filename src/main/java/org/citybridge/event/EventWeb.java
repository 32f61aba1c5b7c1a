package org.citybridge.event;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.system.Moments;
import org.citybridge.system.ViewerZone;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the event pages share, public, programme and staff alike: the viewer's time zone and the
 * zones suggested for it, calendar files, the portal's address and an event's links, an event's
 * dates as a reader reads them. Kept here rather than on one controller, so that pages and page
 * services use it without depending on a controller.
 */
public final class EventWeb {

	private EventWeb() {
	}

	/** Remembers the viewer's chosen zone across agenda pages; no account needed. */
	public static final String ZONE_COOKIE = ViewerZone.COOKIE;

	public static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	/** The zone the viewer asked for ({@code tz}) or chose before (the cookie); null for the event's own. */
	public static ZoneId viewerZone(String tz, String remembered, HttpServletResponse response, Model model) {
		return ViewerZone.choose(tz, remembered, "event", response, model);
	}

	public static ResponseEntity<String> icsFile(String filename, String body) {
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	/** The portal's own address as the request reached it, for links inside calendar files and JSON. */
	public static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/**
	 * The event's path for links repeated per session: built once here rather than by the template's
	 * link expressions, which ask the static-resource resolvers about every link (a classpath lookup
	 * each, 300 sessions times four links on a large agenda).
	 */
	public static String eventPath(EventCatalogue.Event event) {
		String context = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
		return (context == null ? "" : context) + "/events/" + event.slug();
	}

	public static String sessionUrl(String base, EventCatalogue.Event event, EventCatalogue.Session session) {
		return base + "/events/" + event.slug() + "/sessions/" + session.id();
	}

	/** The event's days, written once ({@code 20–22 January 2027}): {@link Moments#days}. */
	public static String dates(EventCatalogue.Event event, Locale locale) {
		return Moments.days(event.startsOn(), event.endsOn(), locale);
	}
}
