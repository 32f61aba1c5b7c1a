package org.citybridge.system;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.http.ResponseCookie;

/**
 * The time zone a viewer chose for reading times (agendas, call deadlines), and the IANA zone ids
 * the portal accepts: a region id java.time knows ({@code Europe/Brussels}, {@code Asia/Ulaanbaatar})
 * or UTC. Fixed offsets such as {@code +08:00} are refused because they ignore daylight-saving
 * changes, which is exactly what misleads people. The choice is remembered in one cookie for the
 * whole site, without an account.
 */
public final class ViewerZone {

	/** Remembers the viewer's chosen zone across pages; no account needed. */
	public static final String COOKIE = "citybridge_tz";

	private ViewerZone() {
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
