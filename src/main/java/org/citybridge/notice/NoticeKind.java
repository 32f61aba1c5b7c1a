package org.citybridge.notice;

/**
 * The catalogue of what is announced. Each kind has its message keys
 * {@code notice.kind.<KIND>.subject} and {@code notice.kind.<KIND>.text} (with the announcement's
 * arguments {0}, {1}, …) in every bundle, and a default delivery the recipient may change.
 */
public enum NoticeKind {

	/** A partnership request arrived for your municipality. To the receiving officers. */
	REQUEST_SENT,
	/** Your request was accepted or declined. To the sending officers. */
	REQUEST_ANSWERED,
	/** A request to your municipality was withdrawn. To the receiving officers. */
	REQUEST_WITHDRAWN,
	/** An agreement of your municipality was registered. To the officers of its parties; followers. */
	AGREEMENT_REGISTERED,
	/** An agreement of your municipality was verified by staff. */
	AGREEMENT_VERIFIED,
	/** An agreement of your municipality ended. */
	AGREEMENT_ENDED,
	/** A case study waits for review. To staff who may review it. */
	CASE_STUDY_SUBMITTED,
	/** Your case study was approved. To its author. */
	CASE_STUDY_APPROVED,
	/** Your case study was sent back. To its author. */
	CASE_STUDY_REJECTED,
	/** You are enrolled in a training (or on its waiting list). */
	ENROLMENT,
	/** A seat was freed and you moved up from a training's waiting list. */
	ENROLMENT_PROMOTED,
	/** You completed a training. */
	TRAINING_COMPLETED,
	/** You are registered for an event (or on its waiting list). */
	EVENT_REGISTRATION,
	/** A seat was freed and you moved up from an event's or session's waiting list. */
	EVENT_PROMOTED,
	/** A session you registered for or starred moved, changed room or changed otherwise. */
	SESSION_CHANGED,
	/** A session you registered for or starred was cancelled. */
	SESSION_CANCELLED,
	/** An instrument your municipality may use opened a new call. */
	CALL_OPENED,
	/** Something you follow changed (a municipality's profile, an event's programme). */
	FOLLOWED_CHANGED;

	public String subjectKey() {
		return "notice.kind." + name() + ".subject";
	}

	public String textKey() {
		return "notice.kind." + name() + ".text";
	}
}
