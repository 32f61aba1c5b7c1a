package org.citybridge.event.meetings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an event's meeting programme, its participants' profiles and meetings, for the services of this package. */
@Component
class MeetingData {

	/** An event's meeting programme: the slot length and whether booking is open. */
	record Settings(long eventId, int slotMinutes, boolean bookingOpen, long version) {
	}

	record Window(long id, Instant startsAt, Instant endsAt, boolean overlapConfirmed) {
	}

	record Table(long id, int number, String room) {
	}

	/** A participant's meeting profile: what the others see of them. */
	record Profile(long id, long accountId, String personName, Long municipalityId, String represents, String countryCode,
			List<String> offers, List<String> seeks, List<String> languages, String about, String interpretation,
			boolean demo, long version) {

		boolean needsInterpretation() {
			return !"NONE".equals(this.interpretation);
		}
	}

	/** A meeting with both sides' names and its table. */
	record Meeting(long id, long requesterId, String requesterName, String requesterRepresents, long inviteeId,
			String inviteeName, String inviteeRepresents, Instant startsAt, Instant endsAt, MeetingStatus status,
			String message, Integer tableNumber, String tableRoom, boolean interpretation, long version) {

		boolean involves(long accountId) {
			return this.requesterId == accountId || this.inviteeId == accountId;
		}

		long otherSide(long accountId) {
			return this.requesterId == accountId ? this.inviteeId : this.requesterId;
		}

		String otherName(long accountId) {
			return this.requesterId == accountId ? this.inviteeName : this.requesterName;
		}

		String otherRepresents(long accountId) {
			return this.requesterId == accountId ? this.inviteeRepresents : this.requesterRepresents;
		}
	}

	/**
	 * A partnership request that continues a held meeting (V86): its municipalities, in the order it
	 * was sent, and when. Read from matchmaking's table, only to name it in a refusal.
	 */
	record HeldOrigin(long requestId, long fromId, String fromName, long toId, String toName, Instant sentAt) {
	}

	/** A time someone is taken: a meeting asked for or accepted, or a session they registered for. */
	record Busy(long accountId, Instant startsAt, Instant endsAt) {

		boolean overlaps(Instant from, Instant to) {
			return this.startsAt.isBefore(to) && from.isBefore(this.endsAt);
		}
	}

	static final String MEETING_COLUMNS = """
			SELECT m.id, m.requester_id, rp.person_name, rp.represents, m.invitee_id, ip.person_name, ip.represents,
			       m.starts_at, m.ends_at, m.status, m.message, t.number, t.room,
			       (rp.interpretation <> 'NONE' OR ip.interpretation <> 'NONE'), m.version
			FROM meetings m
			JOIN meeting_profiles rp ON rp.event_id = m.event_id AND rp.account_id = m.requester_id
			JOIN meeting_profiles ip ON ip.event_id = m.event_id AND ip.account_id = m.invitee_id
			LEFT JOIN meeting_tables t ON t.id = m.table_id
			""";

	private static final String PROFILE_COLUMNS = """
			SELECT id, account_id, person_name, municipality_id, represents, country_code, offers, seeks, languages, about,
			       interpretation, demo, version FROM meeting_profiles
			""";

	private final JdbcClient jdbc;

	MeetingData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Settings> settings(long eventId) {
		return this.jdbc.sql("SELECT event_id, slot_minutes, booking_open, version FROM meeting_programmes WHERE event_id = ?")
			.param(eventId)
			.query((rs, n) -> new Settings(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getLong(4)))
			.optional();
	}

	List<Window> windows(long eventId) {
		return this.jdbc.sql("SELECT id, starts_at, ends_at, overlap_confirmed FROM meeting_windows WHERE event_id = ? ORDER BY starts_at")
			.param(eventId)
			.query((rs, n) -> new Window(rs.getLong(1), instant(rs, 2), instant(rs, 3), rs.getBoolean(4)))
			.list();
	}

	/**
	 * Requests whose slot has begun unanswered expire, by the portal's clock ({@code now}); answers
	 * how many. Expiry is written by whoever reads or writes first (every meeting page, booking,
	 * answering, withdrawing, registering for a session), all through {@code meetings_expire} (V87).
	 */
	int expire(long eventId, Instant now) {
		return this.jdbc.sql("SELECT meetings_expire(?, ?)").params(eventId, java.sql.Timestamp.from(now)).query(Integer.class)
			.single();
	}

	List<Table> tables(long eventId) {
		return this.jdbc.sql("SELECT id, number, room FROM meeting_tables WHERE event_id = ? ORDER BY number")
			.param(eventId)
			.query((rs, n) -> new Table(rs.getLong(1), rs.getInt(2), rs.getString(3)))
			.list();
	}

	/** Every slot of the programme, in time order: each window cut into slots of the programme's length. */
	static List<Instant> slots(Settings settings, List<Window> windows) {
		Duration length = Duration.ofMinutes(settings.slotMinutes());
		List<Instant> slots = new ArrayList<>();
		for (Window w : windows) {
			for (Instant at = w.startsAt(); !at.plus(length).isAfter(w.endsAt()); at = at.plus(length)) {
				slots.add(at);
			}
		}
		return slots;
	}

	Optional<Profile> profile(long eventId, long accountId) {
		return this.jdbc.sql(PROFILE_COLUMNS + " WHERE event_id = ? AND account_id = ?").params(eventId, accountId)
			.query(MeetingData::profile).optional();
	}

	List<Profile> profiles(long eventId) {
		return this.jdbc.sql(PROFILE_COLUMNS + " WHERE event_id = ? ORDER BY id").param(eventId).query(MeetingData::profile).list();
	}

	List<Meeting> meetingsOf(long eventId, long accountId) {
		return this.jdbc.sql(MEETING_COLUMNS + " WHERE m.event_id = ? AND (m.requester_id = ? OR m.invitee_id = ?) ORDER BY m.starts_at, m.id")
			.params(eventId, accountId, accountId).query(MeetingData::meeting).list();
	}

	List<Meeting> meetings(long eventId) {
		return this.jdbc.sql(MEETING_COLUMNS + " WHERE m.event_id = ? ORDER BY m.starts_at, t.number NULLS LAST, m.id")
			.param(eventId).query(MeetingData::meeting).list();
	}

	Optional<Meeting> meeting(long eventId, long meetingId) {
		return this.jdbc.sql(MEETING_COLUMNS + " WHERE m.event_id = ? AND m.id = ?").params(eventId, meetingId)
			.query(MeetingData::meeting).optional();
	}

	/**
	 * The times the given people are taken at the event: meetings that hold their slot and sessions
	 * they registered for (a seat or the waiting list), as the database's constraints see them.
	 */
	List<Busy> busy(long eventId, List<Long> accounts) {
		Long[] ids = accounts.toArray(Long[]::new);
		return this.jdbc.sql("""
				SELECT s.account_id, lower(s.during), upper(s.during) FROM meeting_sides s JOIN meetings m ON m.id = s.meeting_id
				WHERE m.event_id = ? AND s.busy AND s.account_id = ANY (CAST(? AS bigint[]))
				UNION ALL
				SELECT r.account_id, x.starts_at, x.ends_at FROM registrations r JOIN sessions x ON x.id = r.session_id
				WHERE x.cancelled_at IS NULL AND r.account_id = ANY (CAST(? AS bigint[]))
				""").params(eventId, ids, ids)
			.query((rs, n) -> new Busy(rs.getLong(1), instant(rs, 2), instant(rs, 3)))
			.list();
	}

	/** The event's meetings that a partnership request names as where the partnership began. */
	java.util.Set<Long> requestOrigins(long eventId) {
		return java.util.Set.copyOf(this.jdbc.sql("""
				SELECT DISTINCT r.meeting_id FROM partnership_requests r JOIN meetings m ON m.id = r.meeting_id
				WHERE m.event_id = ?
				""").param(eventId).query(Long.class).list());
	}

	Optional<HeldOrigin> heldOrigin(long requestId) {
		return this.jdbc.sql("""
				SELECT r.id, f.id, f.name, t.id, t.name, r.sent_at FROM partnership_requests r
				JOIN municipalities f ON f.id = r.from_municipality_id JOIN municipalities t ON t.id = r.to_municipality_id
				WHERE r.id = ?
				""").param(requestId)
			.query((rs, n) -> new HeldOrigin(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					instant(rs, 6)))
			.optional();
	}

	/** Whether the account holds a seat at the event itself. */
	boolean registered(long eventId, long accountId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM registrations WHERE event_id = ? AND target = 0 AND account_id = ? AND status = 'CONFIRMED')")
			.params(eventId, accountId).query(Boolean.class).single();
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static Profile profile(ResultSet rs, int n) throws SQLException {
		return new Profile(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4), rs.getString(5),
				rs.getString(6).strip(), strings(rs.getArray(7)), strings(rs.getArray(8)), strings(rs.getArray(9)),
				rs.getString(10), rs.getString(11), rs.getBoolean(12), rs.getLong(13));
	}

	private static Meeting meeting(ResultSet rs, int n) throws SQLException {
		return new Meeting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
				rs.getString(7), instant(rs, 8), instant(rs, 9), MeetingStatus.valueOf(rs.getString(10)), rs.getString(11),
				(Integer) rs.getObject(12), rs.getString(13), rs.getBoolean(14), rs.getLong(15));
	}
}
