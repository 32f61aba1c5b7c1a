package org.citybridge.funding;

import java.time.Instant;
import java.time.ZoneId;

import org.citybridge.system.translation.Translated;
import org.citybridge.system.translation.Translations;

/**
 * A call or request window of an instrument. Opening and closing are exact instants; the zone is the
 * one staff entered them in, so the call's own wall-clock times can always be shown.
 */
public record Call(long id, long instrumentId, String title, Instant opensAt, Instant closesAt, ZoneId zone,
		String budget, String url, long version, Translations i18n) {

	/** The title as the reader sees it (issue 20). */
	public Translated shownTitle(java.util.Locale reader) {
		return this.i18n.pick("title", reader);
	}

	public CallStatus status(Instant now) {
		return CallStatus.at(now, this.opensAt, this.closesAt);
	}
}
