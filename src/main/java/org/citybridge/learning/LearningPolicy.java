package org.citybridge.learning;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;

/**
 * Who may do what in learning. Staff and administrators publish training; a programme is managed
 * (edited, completion marked) by the staff of the organisation that published it, or by an
 * administrator. Officers enrol. Officers and staff write case studies; staff and administrators
 * approve them; an author edits their own until it is published.
 */
@Component
class LearningPolicy {

	boolean mayPublishTraining(Actor actor) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.STAFF && actor.organisationId() != null);
	}

	boolean mayManage(Actor actor, Training.Programme programme) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.STAFF && actor.organisationId() != null
				&& actor.organisationId().equals(programme.organisationId()));
	}

	boolean mayEnrol(Actor actor) {
		return actor.role() == Actor.Role.OFFICER && actor.accountId() != null;
	}

	boolean mayWriteCaseStudy(Actor actor) {
		return actor.accountId() != null && actor.role() != Actor.Role.ANONYMOUS;
	}

	boolean mayModerate(Actor actor) {
		return actor.role() == Actor.Role.ADMIN || actor.role() == Actor.Role.STAFF;
	}

	/** Staff edit any case study; its author edits it while it is not published. */
	boolean mayEdit(Actor actor, CaseStudies.CaseStudy study) {
		return mayModerate(actor) || (actor.accountId() != null && actor.accountId().equals(study.authorAccountId())
				&& !study.published());
	}

	/** Unpublished case studies are for their author and staff only. */
	boolean mayRead(Actor actor, CaseStudies.CaseStudy study) {
		return study.published() || mayModerate(actor)
				|| (actor.accountId() != null && actor.accountId().equals(study.authorAccountId()));
	}
}
