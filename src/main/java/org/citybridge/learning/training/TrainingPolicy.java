package org.citybridge.learning.training;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;

/**
 * Who may do what with training. Staff and administrators publish training; a programme is
 * managed (edited, completion marked) by the staff of the organisation that published it, or by an
 * administrator. Officers enrol.
 */
@Component
class TrainingPolicy {

	boolean mayPublish(Actor actor) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.STAFF && actor.organisationId() != null);
	}

	boolean mayManage(Actor actor, Training.Course programme) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.STAFF && actor.organisationId() != null
				&& actor.organisationId().equals(programme.organisationId()));
	}

	boolean mayEnrol(Actor actor) {
		return actor.role() == Actor.Role.OFFICER && actor.accountId() != null;
	}
}
