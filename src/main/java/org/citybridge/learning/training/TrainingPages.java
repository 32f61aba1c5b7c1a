package org.citybridge.learning.training;

import java.util.List;
import java.util.Locale;

import org.citybridge.learning.CaseStudies;
import org.citybridge.system.Actor;
import org.citybridge.system.Moments;
import org.citybridge.system.Refusal;
import org.citybridge.theme.Themes;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;

/**
 * The learning pages' one call each: the overview (training to come and past, the latest case
 * studies, those waiting for approval), a programme with the visitor's enrolment, one's own
 * learning, and the programme form's reads and saves. Who may see or do what is asked of the
 * policies here, never in the controller.
 */
@Service
record TrainingPages(Training training, TrainingPolicy policy, CaseStudies caseStudies, Themes themes) {

	/** A programme in a list, with its dates in its own zone. */
	record ListedProgramme(Training.Course programme, String when) {
	}

	/** The overview of learning: {@code /learn}. */
	record Overview(List<ListedProgramme> programmes, List<ListedProgramme> pastProgrammes,
			List<CaseStudies.Listed> caseStudies, List<CaseStudies.Listed> pending, boolean mayPublish, boolean mayWrite,
			boolean signedIn, List<String> themeCodes) {
	}

	/** A programme's page, with the visitor's enrolment and, for its staff, everyone enrolled. */
	record ProgrammePage(Training.Course programme, String when, Training.Enrolment mine, boolean mayEnrol,
			boolean mayManage, List<Training.Enrolment> enrolments, boolean signedIn) {
	}

	/** One's own learning: training history and case studies written. */
	record Mine(List<Training.HistoryEntry> history, List<CaseStudies.Listed> written) {
	}

	Overview overview(Actor actor, Locale locale) {
		return new Overview(listed(this.training.upcoming(), locale), listed(this.training.past(), locale),
				this.caseStudies.latest(10), this.caseStudies.pending(actor), this.policy.mayPublish(actor),
				this.caseStudies.mayWrite(actor), actor.isSignedIn(), this.themes.codes());
	}

	ProgrammePage programme(Actor actor, long id, Locale locale) {
		Training.Course programme = this.training.programme(id);
		boolean mayManage = this.policy.mayManage(actor, programme);
		return new ProgrammePage(programme, when(programme, locale),
				this.training.myEnrolment(actor, programme.id()).orElse(null), this.policy.mayEnrol(actor), mayManage,
				mayManage ? this.training.enrolments(actor, programme.id()) : List.of(), actor.isSignedIn());
	}

	Mine mine(Actor actor) {
		if (actor.accountId() == null) {
			throw new AccessDeniedException("Not signed in");
		}
		return new Mine(this.training.history(actor.accountId()), this.caseStudies.writtenBy(actor.accountId()));
	}

	/** Checks that the actor may publish training, before the empty form is shown. */
	void mayPublish(Actor actor) {
		if (!this.policy.mayPublish(actor)) {
			throw new AccessDeniedException("May not publish training");
		}
	}

	/**
	 * Publishes the programme when the form is valid; the new programme's id, or {@code null} when
	 * the form goes back with its errors (a refusal is added to {@code result}).
	 */
	Long create(Actor actor, String actorLabel, ProgrammeForm form, BindingResult result) {
		mayPublish(actor);
		if (!result.hasErrors()) {
			try {
				return this.training.create(actor, actorLabel, form);
			}
			catch (Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return null;
	}

	/** The programme to edit, if the actor manages it: 404 if there is none, else 403. */
	Training.Course managed(Actor actor, long id) {
		Training.Course programme = this.training.programme(id);
		if (!this.policy.mayManage(actor, programme)) {
			throw new AccessDeniedException("May not edit programme " + programme.id());
		}
		return programme;
	}

	/**
	 * Saves the edit when the form is valid (a refusal is added to {@code result}); the programme as
	 * it was, for the form shown again or the address to go to.
	 */
	Training.Course update(Actor actor, String actorLabel, long id, ProgrammeForm form, BindingResult result) {
		Training.Course programme = managed(actor, id);
		if (!result.hasErrors()) {
			try {
				this.training.update(actor, actorLabel, programme.id(), form);
			}
			catch (Refusal refusal) {
				refusal.rejectIn(result);
			}
		}
		return programme;
	}

	private static List<ListedProgramme> listed(List<Training.Course> programmes, Locale locale) {
		return programmes.stream().map(p -> new ListedProgramme(p, when(p, locale))).toList();
	}

	/**
	 * The programme's start and end in its own zone, the day written once when both fall on it, with
	 * the zone named: {@code 20 January 2027, 09:30–12:30 CET (Europe/Brussels)}.
	 */
	static String when(Training.Course p, Locale locale) {
		return Moments.range(p.startsAt(), p.endsAt(), p.zone(), locale) + " (" + p.zone().getId() + ")";
	}
}
