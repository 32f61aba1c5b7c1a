package org.citybridge.event.meetings;

import java.util.Set;

/**
 * Where a meeting stands; the one owner of the names that {@code meetings_status_ck} (V76) allows.
 * A request is answered (accepted or declined) by the person asked, or expires when its slot
 * begins unanswered; after the event the host's staff mark an accepted meeting held or missed.
 */
public enum MeetingStatus {

	REQUESTED, ACCEPTED, DECLINED, EXPIRED, HELD, MISSED;

	boolean mayBecome(MeetingStatus next) {
		return next(this).contains(next);
	}

	/** Whether the two sides are taken in the slot (a request reserves it until answered). */
	boolean busy() {
		return this == REQUESTED || this == ACCEPTED || this == HELD || this == MISSED;
	}

	private static Set<MeetingStatus> next(MeetingStatus status) {
		return switch (status) {
			case REQUESTED -> Set.of(ACCEPTED, DECLINED, EXPIRED);
			case ACCEPTED -> Set.of(HELD, MISSED);
			case HELD -> Set.of(MISSED);
			case MISSED -> Set.of(HELD);
			case DECLINED, EXPIRED -> Set.of();
		};
	}
}
