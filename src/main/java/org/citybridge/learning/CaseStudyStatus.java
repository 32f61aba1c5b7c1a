package org.citybridge.learning;

import org.citybridge.system.Refusal;

/**
 * Where a case study stands: waiting for approval, published, or sent back. It owns every state
 * the database holds ({@code case_studies_status_ck}) and which may become which: staff publish or
 * send back a case study in any state; an author's edit sends a pending or rejected one back for
 * approval; a published one is never pending again (its author may no longer edit it, and staff
 * edits keep the state).
 */
public enum CaseStudyStatus {

	PENDING, PUBLISHED, REJECTED;

	/** Whether a case study in this state may move to {@code next} (or stay as it is). */
	public boolean mayBecome(CaseStudyStatus next) {
		return switch (this) {
			case PENDING, REJECTED -> true;
			case PUBLISHED -> next != PENDING;
		};
	}

	/** {@code next}, if this state may become it; else a refusal of the whole form. */
	CaseStudyStatus become(CaseStudyStatus next) {
		if (!mayBecome(next)) {
			throw Refusal.ofForm("learning.form.refused");
		}
		return next;
	}
}
