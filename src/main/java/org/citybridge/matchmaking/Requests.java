package org.citybridge.matchmaking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.citybridge.system.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads partnership requests as each caller may see them: officers see their own municipality's
 * requests, staff those of their network's members, administrators all. {@link #unreadFor} is
 * the public API for the header badge.
 */
@Service
@Transactional(readOnly = true)
public class Requests {

	/**
	 * One request with both sides' names, and the agreement it led to once accepted ({@code null}
	 * before, and for a request accepted before drafts were opened on acceptance).
	 */
	public record Request(long id, long fromId, String fromName, String fromCountry, long toId, String toName,
			String toCountry, String message, String proposedInstrument, Long proposedInstrumentId, RequestStatus status,
			Instant sentAt, Instant closedAt, List<String> themes, Long agreementId) {

		public boolean pending() {
			return this.status == RequestStatus.PENDING;
		}
	}

	/** One step of a request's life, as both sides read it. */
	public record Step(long id, String kind, String side, String author, String body, Instant at) {
	}

	/** A request in a list, with whether the caller's side has read its latest step. */
	public record Listed(long id, long fromId, String fromName, String fromCountry, long toId, String toName,
			String toCountry, RequestStatus status, Instant sentAt, Instant lastStepAt, boolean unread) {
	}

	/** What staff count over their network's requests (before the status filter). */
	public record Counts(long sent, long pending, long accepted, long declined, long withdrawn, Duration medianResponse) {

		/** The median response time in whole hours, or {@code null} when nothing was answered yet. */
		public Long medianResponseHours() {
			return this.medianResponse == null ? null : Math.round(this.medianResponse.toMinutes() / 60.0);
		}
	}

	private static final String REQUEST_COLUMNS = """
			r.id, r.from_municipality_id, fm.name, fm.country_code, r.to_municipality_id, tm.name, tm.country_code,
			r.message, r.proposed_instrument, r.proposed_instrument_id, r.status, r.sent_at, r.closed_at,
			ARRAY(SELECT t.theme_code FROM partnership_request_themes t JOIN themes th ON th.code = t.theme_code
			      WHERE t.request_id = r.id ORDER BY th.position) AS themes,
			r.agreement_id
			""";

	private static final String LISTED_COLUMNS = """
			r.id, r.from_municipality_id, fm.name, fm.country_code, r.to_municipality_id, tm.name, tm.country_code,
			r.status, r.sent_at, r.last_step_at,
			CASE WHEN :municipality = r.to_municipality_id THEN r.last_step_side = 'FROM' AND (r.to_read_at IS NULL OR r.to_read_at < r.last_step_at)
			     WHEN :municipality = r.from_municipality_id THEN r.last_step_side = 'TO' AND (r.from_read_at IS NULL OR r.from_read_at < r.last_step_at)
			     ELSE false END AS unread
			""";

	/**
	 * Request {@code r} holds a step by the other side that municipality {@code :m} has not read:
	 * a request to it not opened since the sender's last step, or an answer to its own request.
	 */
	private static final String UNREAD_BY_M = """
			((r.to_municipality_id = :m AND r.last_step_side = 'FROM' AND (r.to_read_at IS NULL OR r.to_read_at < r.last_step_at))
			 OR (r.from_municipality_id = :m AND r.last_step_side = 'TO' AND (r.from_read_at IS NULL OR r.from_read_at < r.last_step_at)))""";

	private final JdbcClient jdbc;

	Requests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the actor's side has not yet read the other side's latest step of this request. */
	@Transactional(readOnly = true)
	public boolean unread(Actor actor, long requestId) {
		if (actor.role() != Actor.Role.OFFICER || actor.municipalityId() == null) {
			return false;
		}
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM partnership_requests r WHERE r.id = :id AND " + UNREAD_BY_M + ")")
			.param("id", requestId)
			.param("m", actor.municipalityId())
			.query(Boolean.class)
			.single();
	}

	/**
	 * How many requests addressed to the actor's municipality, or answers to its own requests,
	 * the actor's municipality has not yet opened; 0 for anyone but an officer.
	 */
	public long unreadFor(Actor actor) {
		if (actor.role() != Actor.Role.OFFICER || actor.municipalityId() == null) {
			return 0;
		}
		return this.jdbc.sql("SELECT count(*) FROM partnership_requests r WHERE " + UNREAD_BY_M)
			.param("m", actor.municipalityId())
			.query(Long.class)
			.single();
	}

	/** The request if the actor may read it; else empty, so the caller answers 404. */
	Optional<Request> visible(Actor actor, long id) {
		return this.jdbc.sql("SELECT " + REQUEST_COLUMNS + """
				FROM partnership_requests r
				JOIN municipalities fm ON fm.id = r.from_municipality_id
				JOIN municipalities tm ON tm.id = r.to_municipality_id
				WHERE r.id = :id
				""").param("id", id).query(Requests::request).optional().filter(r -> RequestPolicy.mayRead(actor, r, this));
	}

	/** The requests that led to the agreement and that the actor may read, first accepted first. */
	List<Request> leadingTo(Actor actor, long agreementId) {
		if (!actor.isSignedIn()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + REQUEST_COLUMNS + """
				FROM partnership_requests r
				JOIN municipalities fm ON fm.id = r.from_municipality_id
				JOIN municipalities tm ON tm.id = r.to_municipality_id
				WHERE r.agreement_id = :agreement
				ORDER BY r.closed_at, r.id
				""").param("agreement", agreementId)
			.query(Requests::request)
			.list()
			.stream()
			.filter(r -> RequestPolicy.mayRead(actor, r, this))
			.toList();
	}

	/**
	 * A forum where an agreement began: the event, and when the meeting there started while the
	 * meeting is kept ({@code null} once a participant's withdrawal took it).
	 */
	record Forum(long eventId, Instant meetingAt) {
	}

	/**
	 * The forums where the agreement began: an accepted request that continued a meeting held there
	 * opened it (registered after the request was sent; the register's forum filter reads the same).
	 * The forum is the request's own record (V95), so it stays when the meeting, personal to the two
	 * who met, goes. Public: it names the forum, not the people who met.
	 */
	List<Forum> forumsOf(long agreementId) {
		return this.jdbc.sql("""
				SELECT r.meeting_event_id, min(m.starts_at) FROM partnership_requests r
				JOIN agreements a ON a.id = r.agreement_id
				JOIN events e ON e.id = r.meeting_event_id
				LEFT JOIN meetings m ON m.id = r.meeting_id
				WHERE r.agreement_id = ? AND r.status = 'ACCEPTED' AND a.created_at >= r.sent_at
				GROUP BY r.meeting_event_id, e.starts_on ORDER BY e.starts_on, r.meeting_event_id
				""").param(agreementId).query((rs, n) -> {
					java.sql.Timestamp at = rs.getTimestamp(2);
					return new Forum(rs.getLong(1), at == null ? null : at.toInstant());
				}).list();
	}

	List<Step> steps(long requestId) {
		return this.jdbc.sql("""
				SELECT s.id, s.kind, s.side, a.display_name, s.body, s.created_at FROM partnership_request_steps s
				LEFT JOIN accounts a ON a.id = s.account_id
				WHERE s.request_id = ? ORDER BY s.created_at, s.id
				""").param(requestId)
			.query((rs, n) -> new Step(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The requests of the officer's municipality, sent and received, latest step first. */
	List<Listed> ofMunicipality(long municipalityId) {
		return this.jdbc.sql("SELECT " + LISTED_COLUMNS + """
				FROM partnership_requests r
				JOIN municipalities fm ON fm.id = r.from_municipality_id
				JOIN municipalities tm ON tm.id = r.to_municipality_id
				WHERE r.from_municipality_id = :municipality OR r.to_municipality_id = :municipality
				ORDER BY r.last_step_at DESC, r.id DESC LIMIT 500
				""").param("municipality", municipalityId).query(Requests::listed).list();
	}

	/**
	 * The requests that staff may see (one side a member of their organisation; every request for
	 * administrators), optionally of one status, latest first.
	 */
	List<Listed> forStaff(Actor actor, RequestStatus status) {
		return this.jdbc.sql("SELECT " + LISTED_COLUMNS + """
				FROM partnership_requests r
				JOIN municipalities fm ON fm.id = r.from_municipality_id
				JOIN municipalities tm ON tm.id = r.to_municipality_id
				WHERE """ + staffScope() + """
				  AND (CAST(:status AS varchar) IS NULL OR r.status = :status)
				ORDER BY r.last_step_at DESC, r.id DESC LIMIT 500
				""").param("municipality", -1L).param("admin", actor.role() == Actor.Role.ADMIN)
			.param("organisation", actor.organisationId() == null ? -1L : actor.organisationId())
			.param("status", status == null ? null : status.name())
			.query(Requests::listed).list();
	}

	Counts countsForStaff(Actor actor) {
		return this.jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE r.status = :pending), count(*) FILTER (WHERE r.status = :accepted),
				       count(*) FILTER (WHERE r.status = :declined), count(*) FILTER (WHERE r.status = :withdrawn),
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.sent_at))
				           FILTER (WHERE r.status IN (:accepted, :declined))
				FROM partnership_requests r WHERE """ + staffScope())
			.param("pending", RequestStatus.PENDING.name())
			.param("accepted", RequestStatus.ACCEPTED.name())
			.param("declined", RequestStatus.DECLINED.name())
			.param("withdrawn", RequestStatus.WITHDRAWN.name())
			.param("admin", actor.role() == Actor.Role.ADMIN)
			.param("organisation", actor.organisationId() == null ? -1L : actor.organisationId())
			.query((rs, n) -> {
				double median = rs.getDouble(6);
				Duration response = rs.wasNull() ? null : Duration.ofSeconds(Math.round(median));
				return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), response);
			})
			.single();
	}

	/** Pending requests between the municipality and others, for "in progress" beside suggestions. */
	List<Listed> pendingOf(long municipalityId) {
		return this.jdbc.sql("SELECT " + LISTED_COLUMNS + """
				FROM partnership_requests r
				JOIN municipalities fm ON fm.id = r.from_municipality_id
				JOIN municipalities tm ON tm.id = r.to_municipality_id
				WHERE r.status = :pending AND (r.from_municipality_id = :municipality OR r.to_municipality_id = :municipality)
				ORDER BY r.sent_at DESC, r.id DESC
				""").param("pending", RequestStatus.PENDING.name()).param("municipality", municipalityId).query(Requests::listed).list();
	}

	boolean organisationHasMember(long organisationId, long municipalityId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?)")
			.params(organisationId, municipalityId)
			.query(Boolean.class)
			.single();
	}

	/** The display name of a municipality, or empty for an unknown id. */
	Optional<Named> municipality(long id) {
		return this.jdbc.sql("SELECT id, name, country_code FROM municipalities WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** A municipality as request pages name it. */
	public record Named(long id, String name, String countryCode) {
	}

	private static String staffScope() {
		return """
				(:admin OR EXISTS (SELECT 1 FROM organisation_members om WHERE om.organisation_id = :organisation
				                   AND om.municipality_id IN (r.from_municipality_id, r.to_municipality_id)))
				""";
	}

	private static Request request(ResultSet rs, int n) throws SQLException {
		return new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
				rs.getString(7), rs.getString(8), rs.getString(9), (Long) rs.getObject(10), RequestStatus.valueOf(rs.getString(11)),
				rs.getTimestamp(12).toInstant(), rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
				Arrays.asList((String[]) rs.getArray(14).getArray()), (Long) rs.getObject(15));
	}

	private static Listed listed(ResultSet rs, int n) throws SQLException {
		return new Listed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
				rs.getString(7), RequestStatus.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(),
				rs.getTimestamp(10).toInstant(), rs.getBoolean(11));
	}
}
