package org.citybridge.notice;

/**
 * The catalogue of what is announced. Each kind has its message keys
 * {@code notice.kind.<KIND>.subject} and {@code notice.kind.<KIND>.text} in every bundle, written
 * with the announcement's arguments in the order given here ({0}, {1}, …): names and titles as
 * stored; a moment as {@link Announcement#moment} (an instant and a zone), written in each reader's
 * language when the notice is shown or mailed.
 */
public enum NoticeKind {

	/** To the receiving officers: {0} sending municipality, {1} receiving municipality. */
	REQUEST_SENT,
	/** To the sending officers: {0} sending municipality, {1} receiving municipality. */
	REQUEST_ACCEPTED,
	/** To the sending officers: {0} sending municipality, {1} receiving municipality. */
	REQUEST_DECLINED,
	/** To the receiving officers: {0} sending municipality, {1} receiving municipality. */
	REQUEST_WITHDRAWN,
	/** To the officers of its parties and followers: {0} agreement title. */
	AGREEMENT_REGISTERED,
	/** To the officers of its parties and followers: {0} agreement title. */
	AGREEMENT_VERIFIED,
	/** To the officers of its parties and followers: {0} agreement title. */
	AGREEMENT_ENDED,
	/** To staff who review it: {0} case study title, {1} its municipality. */
	CASE_STUDY_SUBMITTED,
	/** To its author: {0} case study title. */
	CASE_STUDY_APPROVED,
	/** To its author: {0} case study title. */
	CASE_STUDY_REJECTED,
	/** To the person enrolled: {0} training title. */
	ENROLMENT,
	/** To the person on the waiting list: {0} training title, {1} position on the list. */
	ENROLMENT_WAITING,
	/** To the person who moved up from the waiting list into a seat: {0} training title. */
	ENROLMENT_PROMOTED,
	/** To the person: {0} training title. */
	TRAINING_COMPLETED,
	/** To the person registered: {0} event or session title. */
	EVENT_REGISTRATION,
	/** To the person on the waiting list: {0} event or session title, {1} position on the list. */
	EVENT_WAITING,
	/** To the person who moved up from the waiting list into a seat: {0} event or session title. */
	EVENT_PROMOTED,
	/**
	 * To those registered for it or who starred it, and the event's followers: {0} session title,
	 * {1} event title, {2} start (Announcement.moment), {3} room (may be empty).
	 */
	SESSION_CHANGED,
	/** To those registered for it or who starred it, and the event's followers: {0} session title, {1} event title. */
	SESSION_CANCELLED,
	/** To officers whose municipality may use it, and the instrument's followers: {0} instrument, {1} call, {2} deadline (Announcement.moment). */
	CALL_OPENED,
	/** To the followers of a municipality whose profile changed: {0} municipality name. */
	FOLLOWED_CHANGED,
	/** To the officers of a party, once a year: is the partnership alive? {0} agreement title. */
	CHECK_IN,
	/**
	 * To staff who may decide (administrators, and the staff of the networks its parties belong to)
	 * when the officers of a party answer a check-in "no longer active": {0} agreement title, {1}
	 * the municipality whose officers answered.
	 */
	DORMANCY_PROPOSED,
	/** To the partner search's author side: {0} municipality that expressed interest, {1} search title. */
	SEARCH_INTEREST,
	/** To the officers of the municipality whose interest was accepted: {0} search title, {1} the search's author. */
	SEARCH_ACCEPTED,
	/** To the officers of the municipality whose interest was declined: {0} search title, {1} the search's author. */
	SEARCH_DECLINED,
	/** To the officers of the consortium's municipalities: {0} search title, {1} the search's author. */
	SEARCH_COMPLETED,
	/** To the officers of the municipalities that expressed interest (waiting or accepted): {0} search title, {1} the search's author. */
	SEARCH_EDITED,
	/** To the partner search's author side: {0} municipality that withdrew its waiting interest, {1} search title. */
	SEARCH_WITHDRAWN,
	/** To the author side and the group's other members: {0} municipality that left the group, {1} search title. */
	SEARCH_LEFT,
	/** To the partner search's author side, once, when it passes its expiry date: {0} search title. */
	SEARCH_EXPIRED,
	/** To the person asked for a forum meeting: {0} who asks, {1} event title, {2} start (Announcement.moment). */
	MEETING_REQUESTED,
	/** To the person who asked: {0} who accepted, {1} event title, {2} start (Announcement.moment), {3} table number. */
	MEETING_ACCEPTED,
	/** To the person who asked: {0} who declined, {1} event title, {2} start (Announcement.moment). */
	MEETING_DECLINED,
	/** To the other side when a participant withdraws: {0} who withdrew, {1} event title, {2} start (Announcement.moment). */
	MEETING_CANCELLED,
	/**
	 * To the person who asked, once, when the slot of their request began without an answer: {0} the
	 * person asked, {1} event title, {2} the slot's start (Announcement.moment, in the event's zone).
	 */
	MEETING_EXPIRED;

	public String subjectKey() {
		return "notice.kind." + name() + ".subject";
	}

	public String textKey() {
		return "notice.kind." + name() + ".text";
	}
}
