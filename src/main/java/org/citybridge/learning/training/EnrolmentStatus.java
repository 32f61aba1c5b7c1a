package org.citybridge.learning.training;

import org.citybridge.system.Refusal;

/**
 * Where an enrolment stands: a seat, a place in the queue, cancelled, or completed. It owns every
 * state the database holds ({@code training_enrolments_status_ck}) and which may become which: a
 * place in the queue becomes a seat or is given up, a seat is given up or completed, and a
 * cancelled or completed enrolment stays as it is.
 */
public enum EnrolmentStatus {

	CONFIRMED, WAITING, CANCELLED, COMPLETED;

	/** Whether an enrolment in this state may move to {@code next}. */
	public boolean mayBecome(EnrolmentStatus next) {
		return switch (this) {
			case WAITING -> next == CONFIRMED || next == CANCELLED;
			case CONFIRMED -> next == CANCELLED || next == COMPLETED;
			case CANCELLED, COMPLETED -> false;
		};
	}

	/** {@code next}, if this state may become it; else the refusal with the message given. */
	EnrolmentStatus become(EnrolmentStatus next, String refusalKey) {
		if (!mayBecome(next)) {
			throw Refusal.ofForm(refusalKey);
		}
		return next;
	}
}
