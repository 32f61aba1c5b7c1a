package org.citybridge.event.meetings;

import org.citybridge.event.EventCatalogue;
import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;

import org.springframework.stereotype.Component;

/** What the other side of a meeting hears, inside the transaction of the change, through the portal's notices. */
@Component
class MeetingNotices {

	private final Notices notices;

	MeetingNotices(Notices notices) {
		this.notices = notices;
	}

	void requested(EventCatalogue.Event event, MeetingData.Meeting m) {
		tell(NoticeKind.MEETING_REQUESTED, event, m, m.inviteeId(), m.requesterName(), m.requesterId());
	}

	void accepted(EventCatalogue.Event event, MeetingData.Meeting m, int table) {
		this.notices.announce(Announcement.of(NoticeKind.MEETING_ACCEPTED)
			.to(Audience.account(m.requesterId()))
			.args(m.inviteeName(), event.title(), Announcement.moment(m.startsAt(), event.zone()), table)
			.link(schedule(event))
			.by(m.inviteeId()));
	}

	void declined(EventCatalogue.Event event, MeetingData.Meeting m) {
		tell(NoticeKind.MEETING_DECLINED, event, m, m.requesterId(), m.inviteeName(), m.inviteeId());
	}

	void cancelled(EventCatalogue.Event event, MeetingData.Meeting m, long by) {
		tell(NoticeKind.MEETING_CANCELLED, event, m, m.otherSide(by), m.requesterId() == by ? m.requesterName() : m.inviteeName(), by);
	}

	/**
	 * The person who asked hears that their request expired (its slot began unanswered), with a link
	 * to the other person's page, where another slot is booked. Told by nobody: no one made the change.
	 */
	void expired(EventCatalogue.Event event, MeetingData.Meeting m) {
		this.notices.announce(Announcement.of(NoticeKind.MEETING_EXPIRED)
			.to(Audience.account(m.requesterId()))
			.args(m.inviteeName(), event.title(), Announcement.moment(m.startsAt(), event.zone()))
			.link("/events/" + event.slug() + "/meetings/people/" + m.inviteeId()));
	}

	private void tell(NoticeKind kind, EventCatalogue.Event event, MeetingData.Meeting m, long to, String who, long by) {
		this.notices.announce(Announcement.of(kind)
			.to(Audience.account(to))
			.args(who, event.title(), Announcement.moment(m.startsAt(), event.zone()))
			.link(schedule(event))
			.by(by));
	}

	static String schedule(EventCatalogue.Event event) {
		return "/events/" + event.slug() + "/meetings/mine";
	}
}
