package org.citybridge.agreement.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.citybridge.agreement.AgreementLookup;
import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The activity form's pages, each from one call: the empty form (opened from the agreement's page
 * or from a check-in's "yes"), an activity's form, and saving either or saying how to show the form
 * again. Who may is {@link Activities}' to say.
 */
@Service
record ActivityPages(Activities activities, ActivityReads reads, AgreementLookup lookup, JdbcClient jdbc,
		Clock clock) {

	/** The form as shown: its values, the agreement and activity, and the choices of its lists. */
	record FormPage(ActivityForm form, long agreementId, Long activityId, AgreementLookup.Summary agreement,
			List<ActivityReads.Option> instruments, List<ActivityReads.Option> parties,
			List<ActivityReads.CaseStudyLink> caseStudies, List<String> themeCodes) {
	}

	/** What sending the form came to: saved, or the form to show again with why not. */
	record Outcome(boolean saved, FormPage page, Refusal refused) {
	}

	FormPage newForm(Actor actor, long agreementId, String kind, String checkIn) {
		this.activities.writable(actor, agreementId);
		ActivityKind chosen = null;
		if (kind != null) {
			for (ActivityKind k : ActivityKind.values()) {
				if (k.name().equalsIgnoreCase(kind)) {
					chosen = k;
				}
			}
		}
		Long checkInId = checkIn != null && checkIn.matches("\\d{1,18}") ? Long.valueOf(checkIn) : null;
		return page(ActivityForm.empty(chosen, LocalDate.now(this.clock), checkInId), agreementId, null);
	}

	FormPage editForm(Actor actor, long agreementId, long activityId) {
		this.activities.writable(actor, agreementId);
		ActivityForm form = this.reads.form(agreementId, activityId)
			.orElseThrow(() -> new AgreementNotFound(agreementId + "/" + activityId));
		return page(form, agreementId, activityId);
	}

	Outcome create(Actor actor, String actorLabel, long agreementId, ActivityForm form, boolean valid, String language) {
		this.activities.writable(actor, agreementId);
		return submit(form, agreementId, null, valid,
				() -> this.activities.record(actor, actorLabel, agreementId, form, language));
	}

	Outcome update(Actor actor, String actorLabel, long agreementId, long activityId, ActivityForm form, boolean valid) {
		this.activities.writable(actor, agreementId);
		return submit(form, agreementId, activityId, valid,
				() -> this.activities.edit(actor, actorLabel, agreementId, activityId, form));
	}

	private Outcome submit(ActivityForm form, long agreementId, Long activityId, boolean valid, Runnable save) {
		Refusal refused = null;
		if (valid) {
			try {
				save.run();
				return new Outcome(true, null, null);
			}
			catch (Refusal ex) {
				refused = ex;
			}
		}
		return new Outcome(false, page(form, agreementId, activityId), refused);
	}

	private FormPage page(ActivityForm form, long agreementId, Long activityId) {
		AgreementLookup.Summary agreement = this.lookup.byIds(List.of(agreementId))
			.stream()
			.findFirst()
			.orElseThrow(() -> new AgreementNotFound(agreementId));
		List<String> themes = this.jdbc.sql("SELECT code FROM themes ORDER BY position").query(String.class).list();
		return new FormPage(form, agreementId, activityId, agreement, this.reads.instruments(),
				this.reads.parties(agreementId), this.reads.caseStudyChoices(agreementId), themes);
	}
}
