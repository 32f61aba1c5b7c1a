package org.citybridge.system;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.ui.Model;

/**
 * The time zone a viewer chose for reading times (agendas, call deadlines), and the IANA zone ids
 * the portal accepts: a region id java.time knows ({@code Europe/Brussels}, {@code Asia/Ulaanbaatar})
 * or UTC. Fixed offsets such as {@code +08:00} are refused because they ignore daylight-saving
 * changes, which is exactly what misleads people. The choice is remembered in one cookie for the
 * whole site, without an account. The agenda and the funding pages read the choice the same way
 * ({@link #choose}) and offer the same suggestions ({@link #SUGGESTED}).
 */
public final class ViewerZone {

	/** Remembers the viewer's chosen zone across pages; no account needed. */
	public static final String COOKIE = "citybridge_tz";

	/**
	 * The zones offered as suggestions beside the free field: those of the portal's users, Mongolia's
	 * two first, then Western Europe's and the Balkans', and UTC.
	 */
	public static final List<String> SUGGESTED = List.of("Asia/Ulaanbaatar", "Asia/Hovd", "Europe/Brussels", "Europe/Paris",
			"Europe/Belgrade", "Europe/London", "UTC");

	/** How much of a refused zone is shown back to the viewer. */
	private static final int ECHOED = 100;

	private ViewerZone() {
	}

	/**
	 * The zone the viewer asked for ({@code tz}) or chose before ({@code remembered}, the cookie); null
	 * for the page's own zone (the event's, each call's). {@code ?tz=} with a zone sets the choice and
	 * remembers it; empty, or the word {@code own} ("event", "call"), forgets it; a zone that does not
	 * exist leaves the choice as it was and puts the refused text in the model ({@code zoneRefused}).
	 * The field's value goes in the model as {@code zoneValue}.
	 */
	public static ZoneId choose(String tz, String remembered, String own, HttpServletResponse response, Model model) {
		ZoneId viewer = parse(remembered).orElse(null);
		if (tz != null) {
			String asked = tz.strip();
			Optional<ZoneId> chosen = parse(asked);
			if (asked.isEmpty() || asked.equals(own)) {
				viewer = null;
				response.addHeader(HttpHeaders.SET_COOKIE, cookie(null).toString());
			}
			else if (chosen.isPresent()) {
				viewer = chosen.get();
				response.addHeader(HttpHeaders.SET_COOKIE, cookie(viewer.getId()).toString());
			}
			else {
				model.addAttribute("zoneRefused", asked.length() > ECHOED ? asked.substring(0, ECHOED) : asked);
			}
		}
		model.addAttribute("zoneValue", viewer == null ? "" : viewer.getId());
		return viewer;
	}

	/** The zone, if the text is an accepted IANA zone id. */
	public static Optional<ZoneId> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String id = value.strip();
		if (id.isEmpty() || id.length() > 64) {
			return Optional.empty();
		}
		if (id.equals("UTC")) {
			return Optional.of(ZoneId.of("UTC"));
		}
		if (!ZoneId.getAvailableZoneIds().contains(id) || !id.contains("/")) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The cookie that remembers a zone, or forgets it when {@code zone} is null. */
	public static ResponseCookie cookie(String zone) {
		return ResponseCookie.from(COOKIE, zone == null ? "" : zone)
			.path("/")
			.maxAge(zone == null ? Duration.ZERO : Duration.ofDays(365))
			.httpOnly(true)
			.sameSite("Lax")
			.build();
	}
}
