package org.citybridge.portal.home;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citybridge.system.translation.Translated;
import org.citybridge.system.translation.Translations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The homes' read model: what each role's home lists, read in SQL across the features' tables
 * (read-only, as DESIGN.md allows read models to), and the one table the portal owns, the last
 * visit of each account's home.
 */
@Repository
class HomeQueries {

	private static final String AGE = "floor(extract(epoch FROM now() - %s) / 86400)::bigint";

	private final JdbcClient jdbc;

	HomeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A municipality by name. */
	record Place(long id, String name, String countryCode) {
	}

	/** A request waiting for the officer's municipality to answer: who sent it, and for how many days. */
	record Waiting(long id, long fromId, String fromName, String fromCountry, String sender, Instant sentAt, long ageDays) {
	}

	/** A change someone else made to one of the municipality's agreements. */
	record Change(long agreementId, String agreementTitle, List<Long> partyIds, List<String> partyNames, String actor,
			String action, Instant at) {
	}

	/** An open request between a member of the staff's organisation and another municipality. */
	record OpenRequest(long id, long fromId, String fromName, String fromCountry, long toId, String toName,
			String toCountry, Instant sentAt, long ageDays) {
	}

	/** A run of an import, of places or of partnerships. */
	record ImportRun(String kind, long id, String fileName, String status, Instant startedAt) {

		public String href() {
			return ("PLACES".equals(this.kind) ? "/municipalities/imports/" : "/agreements/imports/") + this.id;
		}
	}

	/** An event the delegate registered for or starred a session of. */
	record EventLink(String slug, Translated title, java.time.LocalDate startsOn) {
	}

	/** A registration: for the event itself ({@code sessionId} null) or for one session; a seat or a place in line. */
	record Registration(String eventSlug, Translated eventTitle, Long sessionId, Translated sessionTitle, String status,
			Integer position) {

		public boolean waiting() {
			return "WAITING".equals(this.status);
		}
	}

	/** A starred session of today, its time in its event's zone. */
	record Starred(String eventSlug, Translated eventTitle, long sessionId, Translated title, Instant startsAt, Instant endsAt,
			ZoneId zone) {
	}

	/** What administrators count over accounts. */
	record AccountCounts(long active, long invited) {
	}

	/** A barrier report nobody resolved yet. */
	record Barrier(long id, String page, String description, String language, Instant createdAt) {
	}

	/** A message of the outbox. */
	record Mail(String recipient, String subject, Instant createdAt) {
	}

	Optional<Place> municipality(long id) {
		return this.jdbc.sql("SELECT id, name, country_code FROM municipalities WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** Requests sent to the municipality that wait for its answer, the longest waiting first. */
	List<Waiting> waitingFor(long municipalityId) {
		return this.jdbc.sql("""
				SELECT r.id, r.from_municipality_id, m.name, m.country_code, a.display_name, r.sent_at, %s
				FROM partnership_requests r JOIN municipalities m ON m.id = r.from_municipality_id
				LEFT JOIN accounts a ON a.id = r.sent_by
				WHERE r.to_municipality_id = :m AND r.status = 'PENDING'
				ORDER BY r.sent_at, r.id LIMIT 20
				""".formatted(AGE.formatted("r.sent_at")))
			.param("m", municipalityId)
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					instant(rs.getTimestamp(6)), rs.getLong(7)))
			.list();
	}

	/** The latest changes by accounts other than {@code accountId} to these agreements, in the last 90 days. */
	List<Change> changesByOthers(Set<Long> agreementIds, long accountId) {
		if (agreementIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT g.id, g.title, e.actor_label, e.action, e.occurred_at,
				       ARRAY(SELECT m.id FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				             WHERE p.agreement_id = g.id ORDER BY m.name, m.id) AS party_ids,
				       ARRAY(SELECT m.name FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				             WHERE p.agreement_id = g.id ORDER BY m.name, m.id) AS party_names
				FROM audit_entries e JOIN agreements g ON e.entity_id = CAST(g.id AS varchar)
				WHERE e.entity_type = 'agreement' AND g.id IN (:ids)
				  AND e.actor_account_id IS DISTINCT FROM :account AND e.occurred_at > now() - interval '90 days'
				ORDER BY e.occurred_at DESC, e.id DESC LIMIT 10
				""")
			.param("ids", agreementIds)
			.param("account", accountId)
			.query((rs, n) -> new Change(rs.getLong(1), rs.getString(2),
					List.of((Long[]) rs.getArray("party_ids").getArray()),
					List.of((String[]) rs.getArray("party_names").getArray()), rs.getString(3), rs.getString(4),
					instant(rs.getTimestamp(5))))
			.list();
	}

	/** Pending requests with a member of the organisation on either side, the longest waiting first. */
	List<OpenRequest> openRequestsOfMembers(long organisationId) {
		return this.jdbc.sql("""
				SELECT r.id, fm.name, fm.country_code, tm.name, tm.country_code, r.sent_at, %s, fm.id, tm.id
				FROM partnership_requests r
				JOIN municipalities fm ON fm.id = r.from_municipality_id
				JOIN municipalities tm ON tm.id = r.to_municipality_id
				WHERE r.status = 'PENDING' AND EXISTS (SELECT 1 FROM organisation_members om WHERE om.organisation_id = :o
				      AND om.municipality_id IN (r.from_municipality_id, r.to_municipality_id))
				ORDER BY r.sent_at, r.id LIMIT 20
				""".formatted(AGE.formatted("r.sent_at")))
			.param("o", organisationId)
			.query((rs, n) -> new OpenRequest(rs.getLong(1), rs.getLong(8), rs.getString(2), rs.getString(3),
					rs.getLong(9), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), rs.getLong(7)))
			.list();
	}

	/** The latest import runs of places and of partnerships, newest first. */
	List<ImportRun> recentImports() {
		return this.jdbc.sql("""
				SELECT 'PLACES', id, file_name, status, started_at FROM import_runs
				UNION ALL SELECT 'PARTNERSHIPS', id, file_name, status, started_at FROM partnership_import_runs
				ORDER BY 5 DESC, 2 DESC LIMIT 5
				""")
			.query((rs, n) -> new ImportRun(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					instant(rs.getTimestamp(5))))
			.list();
	}

	/** Events the account registered for, or starred a session of, the latest first. */
	List<EventLink> eventsOf(long accountId, Locale reader) {
		return this.jdbc.sql("""
				SELECT e.slug, e.title, e.starts_on, e.content_lang, e.translations::text FROM events e
				WHERE e.id IN (SELECT event_id FROM registrations WHERE account_id = :a
				               UNION SELECT s.event_id FROM agenda_stars st JOIN sessions s ON s.id = st.session_id
				               WHERE st.account_id = :a)
				ORDER BY e.starts_on DESC, e.id DESC LIMIT 20
				""")
			.param("a", accountId)
			.query((rs, n) -> new EventLink(rs.getString(1), title(rs.getString(2), rs.getString(4), rs.getString(5), reader),
					rs.getDate(3).toLocalDate()))
			.list();
	}

	List<Registration> registrationsOf(long accountId, Locale reader) {
		return this.jdbc.sql("""
				SELECT e.slug, e.title, s.id, s.title, r.status, r.position, e.content_lang, e.translations::text,
				       s.content_lang, s.translations::text
				FROM registrations r JOIN events e ON e.id = r.event_id LEFT JOIN sessions s ON s.id = r.session_id
				WHERE r.account_id = :a
				ORDER BY e.starts_on DESC, e.id, s.starts_at NULLS FIRST, r.id LIMIT 50
				""")
			.param("a", accountId)
			.query((rs, n) -> new Registration(rs.getString(1), title(rs.getString(2), rs.getString(7), rs.getString(8), reader),
					(Long) rs.getObject(3), rs.getString(4) == null ? null : title(rs.getString(4), rs.getString(9), rs.getString(10), reader),
					rs.getString(5), (Integer) rs.getObject(6)))
			.list();
	}

	/** The account's starred sessions that take place today in their event's own zone. */
	List<Starred> starredToday(long accountId, Locale reader) {
		return this.jdbc.sql("""
				SELECT e.slug, e.title, s.id, s.title, s.starts_at, s.ends_at, e.time_zone, e.content_lang,
				       e.translations::text, s.content_lang, s.translations::text
				FROM agenda_stars st JOIN sessions s ON s.id = st.session_id JOIN events e ON e.id = s.event_id
				WHERE st.account_id = :a
				  AND CAST(s.starts_at AT TIME ZONE e.time_zone AS date) = CAST(now() AT TIME ZONE e.time_zone AS date)
				ORDER BY s.starts_at, s.id
				""")
			.param("a", accountId)
			.query((rs, n) -> new Starred(rs.getString(1), title(rs.getString(2), rs.getString(8), rs.getString(9), reader),
					rs.getLong(3), title(rs.getString(4), rs.getString(10), rs.getString(11), reader),
					instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), ZoneId.of(rs.getString(7))))
			.list();
	}

	/** An event's or session's title as the reader sees it: their language, else the original marked (issue 20). */
	private static Translated title(String original, String contentLang, String translations, Locale reader) {
		return Translations.builder().from(contentLang, translations).put("title", original).build().pick("title", reader);
	}

	AccountCounts accountCounts() {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE a.enabled),
				       count(*) FILTER (WHERE NOT a.enabled AND a.deleted_at IS NULL AND EXISTS (
				           SELECT 1 FROM account_tokens t WHERE t.account_id = a.id AND t.purpose = 'INVITATION'
				           AND t.used_at IS NULL AND t.expires_at > now()))
				FROM accounts a
				""")
			.query((rs, n) -> new AccountCounts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** How many days each case study waiting for approval has waited, by its number. */
	Map<Long, Long> caseStudyAges() {
		Map<Long, Long> ages = new java.util.HashMap<>();
		this.jdbc.sql("SELECT id, %s FROM case_studies WHERE status = 'PENDING'".formatted(AGE.formatted("created_at")))
			.query((rs, n) -> ages.put(rs.getLong(1), rs.getLong(2))).list();
		return ages;
	}

	long barriersWaitingCount() {
		return this.jdbc.sql("SELECT count(*) FROM barrier_reports WHERE resolved_at IS NULL").query(Long.class).single();
	}

	/** The reports waiting longest, first. */
	List<Barrier> barriersWaiting() {
		return this.jdbc.sql("""
				SELECT id, page, description, language, created_at FROM barrier_reports WHERE resolved_at IS NULL
				ORDER BY created_at, id LIMIT 5
				""")
			.query((rs, n) -> new Barrier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5))))
			.list();
	}

	List<Mail> recentMail() {
		return this.jdbc.sql("SELECT recipient, subject, created_at FROM outbox_messages ORDER BY created_at DESC, id DESC LIMIT 5")
			.query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3))))
			.list();
	}

	/** The account's last visit and the suggestions shown then, if it visited before. */
	Optional<Visit> lastVisit(long accountId) {
		return this.jdbc.sql("SELECT visited_at, suggestion_ids FROM home_visits WHERE account_id = ?")
			.param(accountId)
			.query((rs, n) -> new Visit(instant(rs.getTimestamp(1)), Set.of((Long[]) rs.getArray(2).getArray())))
			.optional();
	}

	/** A visit: when, and which suggestions it showed. */
	record Visit(Instant at, Set<Long> suggestionIds) {
	}

	void recordVisit(long accountId, List<Long> suggestionIds) {
		this.jdbc.sql("""
				INSERT INTO home_visits (account_id, visited_at, suggestion_ids) VALUES (:a, now(), CAST(:ids AS bigint[]))
				ON CONFLICT (account_id) DO UPDATE SET visited_at = now(), suggestion_ids = EXCLUDED.suggestion_ids
				""")
			.param("a", accountId)
			.param("ids", suggestionIds.toArray(new Long[0]))
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
