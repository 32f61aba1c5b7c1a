package org.citybridge.matchmaking;

import org.citybridge.system.Refusal;

/**
 * Where a partnership request stands; only a pending one can be answered or withdrawn. It owns
 * every state the database holds ({@code partnership_requests_status_ck}) and which may become
 * which: a pending request is accepted, declined or withdrawn, and a closed one stays closed.
 */
public enum RequestStatus {

	PENDING, ACCEPTED, DECLINED, WITHDRAWN;

	/** Whether a request in this state may move to {@code next}. */
	public boolean mayBecome(RequestStatus next) {
		return this == PENDING && next != PENDING;
	}

	/** {@code next}, if this state may become it; else the refusal that the request is closed. */
	RequestStatus become(RequestStatus next) {
		if (!mayBecome(next)) {
			throw Refusal.ofForm("matchmaking.request.error.closed");
		}
		return next;
	}
}
