package org.citybridge.event;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An IANA time zone id as the portal accepts it: a region id java.time knows
 * ({@code Europe/Brussels}, {@code Asia/Ulaanbaatar}) or UTC. Fixed offsets such as {@code +08:00}
 * are refused because they ignore daylight-saving changes, which is exactly what misleads people.
 */
final class EventZone {

	private EventZone() {
	}

	static Optional<ZoneId> parse(String value) {
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

	static ZoneId require(String value) {
		return parse(value).orElseThrow(() -> new IllegalArgumentException("Not an IANA time zone: " + value));
	}
}
