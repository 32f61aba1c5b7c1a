package org.citybridge.learning;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;

/**
 * Who may do what with case studies: officers and staff write them; staff and administrators
 * approve them; an author edits their own until it is published. (Training has its own,
 * {@code training.TrainingPolicy}.)
 */
@Component
class LearningPolicy {

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
