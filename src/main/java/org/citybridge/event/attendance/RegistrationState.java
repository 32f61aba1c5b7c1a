package org.citybridge.event.attendance;

import java.util.Set;

/**
 * Where a delegate's registration stands: a seat, or a place on the waiting list. The one owner of
 * the states the {@code registrations} table holds (its {@code registrations_status_ck} allows
 * exactly these names): SQL binds a state's name as a parameter rather than writing it. A
 * registration arrives {@link #WAITING} and PostgreSQL gives it a seat at once when one is free
 * ({@code registrations_place}, V30); a seat freed by a cancellation or a larger capacity confirms
 * the first person waiting (V30, V47). A confirmed registration never goes back to waiting: it
 * ends by being cancelled.
 */
enum RegistrationState {

	/** On the waiting list, at a position from 1. */
	WAITING,

	/** Holds a seat. */
	CONFIRMED;

	/** The state a new registration is written in; the database confirms it when a seat is free. */
	static RegistrationState onArrival() {
		return WAITING;
	}

	/** Whether a registration in this state may change to {@code next}. */
	boolean mayBecome(RegistrationState next) {
		return next(this).contains(next);
	}

	private static Set<RegistrationState> next(RegistrationState state) {
		return switch (state) {
			case WAITING -> Set.of(CONFIRMED);
			case CONFIRMED -> Set.of();
		};
	}
}
