package org.citybridge.event.attendance;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.Followable;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the people of an event hear, inside the transaction of the change (the caller's): a
 * registration (a seat or a place in the queue), a move from the queue into a seat, however the
 * seat was freed (a cancellation, a larger capacity: PostgreSQL moves the queue, so the move is
 * found by comparing the queue before and after), and a change of a session, to those registered
 * for it or who starred it (by account: an agenda kept only in an address reaches nobody) and the
 * event's followers.
 */
@Component
public class AttendanceNotices {

	private final JdbcClient jdbc;

	private final Notices notices;

	AttendanceNotices(JdbcClient jdbc, Notices notices) {
		this.jdbc = jdbc;
		this.notices = notices;
	}

	/**
	 * The registrations waiting for a seat of the event ({@code sessionId} null) or of one of its
	 * sessions, read under the lock that registrations and cancellations of it take (the row of the
	 * event or session), so that no other change moves the queue before the caller's: held until the
	 * caller's transaction ends.
	 */
	public List<Long> waiting(long eventId, Long sessionId) {
		if (sessionId == null) {
			this.jdbc.sql("SELECT id FROM events WHERE id = ? FOR NO KEY UPDATE").param(eventId).query(Long.class).list();
		}
		else {
			this.jdbc.sql("SELECT id FROM sessions WHERE id = ? AND event_id = ? FOR NO KEY UPDATE").params(sessionId, eventId)
				.query(Long.class).list();
		}
		return this.jdbc.sql("""
				SELECT id FROM registrations
				WHERE event_id = ? AND target = coalesce(CAST(? AS bigint), 0) AND status = 'WAITING' ORDER BY id
				""").params(eventId, sessionId).query(Long.class).list();
	}

	/** Tells each of {@code waitingBefore} that now holds a seat that they moved up into it. */
	public void announcePromoted(List<Long> waitingBefore) {
		if (waitingBefore.isEmpty()) {
			return;
		}
		record Moved(long account, String title, String link) {
		}
		List<Moved> moved = this.jdbc.sql("""
				SELECT r.account_id, coalesce(s.title, e.title),
				       '/events/' || e.slug || coalesce('/sessions/' || s.id, '')
				FROM registrations r JOIN events e ON e.id = r.event_id LEFT JOIN sessions s ON s.id = r.session_id
				WHERE r.id = ANY (?::bigint[]) AND r.status = 'CONFIRMED' ORDER BY r.id
				""").param(waitingBefore.toArray(Long[]::new))
			.query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		for (Moved m : moved) {
			this.notices.announce(Announcement.of(NoticeKind.EVENT_PROMOTED)
				.to(Audience.account(m.account()))
				.args(m.title())
				.link(m.link()));
		}
	}

	/** Tells the person who registered for the event or session (its title, its page) where they stand. */
	void announceRegistered(long accountId, String title, String link, Registrations.Registration registration) {
		Announcement told = registration.confirmed() ? Announcement.of(NoticeKind.EVENT_REGISTRATION).args(title)
				: Announcement.of(NoticeKind.EVENT_WAITING).args(title, registration.position());
		this.notices.announce(told.to(Audience.account(accountId)).link(link));
	}

	/**
	 * Tells those concerned by a session that it changed (its time, room or details), as it stands
	 * now: its title, its event's title, its start written out in the event's time zone, its room.
	 */
	public void announceSessionChanged(long sessionId, Long actorId) {
		record Now(String title, String event, java.time.Instant starts, String zone, String room, String link,
				long eventId) {
		}
		Now now = this.jdbc.sql("""
				SELECT s.title, e.title, s.starts_at, e.time_zone, coalesce(r.name, ''),
				       '/events/' || e.slug || '/sessions/' || s.id, e.id
				FROM sessions s JOIN events e ON e.id = s.event_id LEFT JOIN rooms r ON r.id = s.room_id
				WHERE s.id = ?
				""").param(sessionId)
			.query((rs, n) -> new Now(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getLong(7)))
			.single();
		ZoneId zone = ZoneId.of(now.zone());
		String starts = Announcement.moment(now.starts(), zone);
		this.notices.announce(Announcement.of(NoticeKind.SESSION_CHANGED)
			.to(concerned(sessionId, now.eventId()))
			.args(now.title(), now.event(), starts, now.room())
			.link(now.link())
			.by(actorId));
	}

	/**
	 * Tells those concerned by a session that it is cancelled; call it before the session's rows
	 * go, while its registrations and stars can still be read.
	 */
	public void announceSessionCancelled(long sessionId, Long actorId) {
		record Gone(String title, String event, String link, long eventId) {
		}
		Gone gone = this.jdbc.sql("""
				SELECT s.title, e.title, '/events/' || e.slug || '/agenda', e.id
				FROM sessions s JOIN events e ON e.id = s.event_id WHERE s.id = ?
				""").param(sessionId)
			.query((rs, n) -> new Gone(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.single();
		this.notices.announce(Announcement.of(NoticeKind.SESSION_CANCELLED)
			.to(concerned(sessionId, gone.eventId()))
			.args(gone.title(), gone.event())
			.link(gone.link())
			.by(actorId));
	}

	private Audience[] concerned(long sessionId, long eventId) {
		List<Long> accounts = new ArrayList<>(this.jdbc.sql("""
				SELECT account_id FROM registrations WHERE session_id = ?
				UNION SELECT account_id FROM agenda_stars WHERE session_id = ?
				""").params(sessionId, sessionId).query(Long.class).list());
		return new Audience[] { Audience.accounts(accounts), Audience.followers(Followable.EVENT, eventId) };
	}
}
