package org.citybridge.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.citybridge.system.Actor;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads the audit log. */
@Service
public class AuditLog {

	/** What happened to the record. */
	public enum Action {
		CREATE, UPDATE, DELETE
	}

	/** Who did it: an account, or the system itself (imports, demo data) with no account. */
	public record Who(Long accountId, String label) {

		public static final Who SYSTEM = new Who(null, "system");
	}

	/** One field's value before and after. */
	public record Change(Object before, Object after) {
	}

	/** One entry, as staff read it. */
	public record Entry(long id, Instant occurredAt, String actor, String entityType, String entityId, Action action,
			Map<String, Change> changes) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a change inside the caller's transaction; only fields whose value differs are kept.
	 * Nothing is written for an update that changed nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Who who, String entityType, Object entityId, Action action, Map<String, ?> before,
			Map<String, ?> after) {
		Map<String, Change> changes = diff(before, after);
		if (action == Action.UPDATE && changes.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO audit_entries (actor_account_id, actor_label, entity_type, entity_id, action, changes)
				VALUES (?, ?, ?, ?, ?, ?::jsonb)
				""")
			.params(who.accountId(), who.label(), entityType, String.valueOf(entityId), action.name(),
					JSON.writeValueAsString(changes))
			.update();
	}

	/**
	 * Records the creation of many entities at once (a bulk import), inside the caller's
	 * transaction: the same entries as {@link #record} with action CREATE would write, in one
	 * statement instead of one per entity. {@code afterById} maps each entity's id to its values.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordCreations(Who who, String entityType, Map<?, ? extends Map<String, ?>> afterById) {
		if (afterById.isEmpty()) {
			return;
		}
		String[] ids = new String[afterById.size()];
		String[] changes = new String[afterById.size()];
		int i = 0;
		for (Map.Entry<?, ? extends Map<String, ?>> e : afterById.entrySet()) {
			ids[i] = String.valueOf(e.getKey());
			changes[i] = JSON.writeValueAsString(diff(null, e.getValue()));
			i++;
		}
		this.jdbc.sql("""
				INSERT INTO audit_entries (actor_account_id, actor_label, entity_type, entity_id, action, changes)
				SELECT ?, ?, ?, e.id, 'CREATE', e.changes::jsonb
				FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS e (id, changes, n) ORDER BY e.n
				""").params(who.accountId(), who.label(), entityType, ids, changes).update();
	}

	@Transactional(readOnly = true)
	public List<Entry> forEntity(String entityType, Object entityId) {
		return forEntity(entityType, entityId, Scope.ALL);
	}

	/**
	 * Whose entries a reader sees: all of them (administrators), or those made by the accounts
	 * of one organisation (its staff see their own organisation's work, not what other networks'
	 * staff or other municipalities' officers wrote, such as the content of requests they may not
	 * read, or accounts' e-mails and roles).
	 */
	public record Scope(Long organisationId) {

		public static final Scope ALL = new Scope(null);

		/** Staff without an organisation see nothing. */
		public static final Scope NONE = new Scope(-1L);

		public static Scope organisation(Long organisationId) {
			return organisationId == null ? NONE : new Scope(organisationId);
		}
	}

	// The accounts of an organisation, read from the accounts table by id: the audit module keeps
	// the actor's account id with each entry and knows no feature's classes.
	private static final String IN_SCOPE = """
			(CAST(:organisation AS bigint) IS NULL
			 OR actor_account_id IN (SELECT a.id FROM accounts a WHERE a.organisation_id = :organisation))
			""";

	@Transactional(readOnly = true)
	public List<Entry> forEntity(String entityType, Object entityId, Scope scope) {
		return this.jdbc.sql("""
				SELECT id, occurred_at, actor_label, entity_type, entity_id, action, changes::text
				FROM audit_entries WHERE entity_type = :type AND entity_id = :id AND """ + IN_SCOPE + """
				ORDER BY occurred_at DESC, id DESC
				""").param("type", entityType).param("id", String.valueOf(entityId))
			.param("organisation", scope.organisationId(), java.sql.Types.BIGINT)
			.query(AuditLog::entry)
			.list();
	}

	/**
	 * The audit page as its reader may see it: administrators read every entry, staff the entries
	 * made by their own organisation's accounts. With both a type and an id the entries of that
	 * record; otherwise the 200 latest.
	 */
	public Page page(Actor actor, String type, String id) {
		boolean filtered = type != null && !type.isBlank() && id != null && !id.isBlank();
		Scope scope = (actor.role() == Actor.Role.ADMIN) ? Scope.ALL : Scope.organisation(actor.organisationId());
		return new Page(filtered ? forEntity(type.strip(), id.strip(), scope) : recent(200, scope), scope != Scope.ALL,
				filtered ? type.strip() : "", filtered ? id.strip() : "");
	}

	/** The audit page: its entries, whether they are one organisation's only, and the filter shown. */
	public record Page(List<Entry> entries, boolean organisationOnly, String type, String id) {
	}

	@Transactional(readOnly = true)
	public List<Entry> recent(int limit, Scope scope) {
		return this.jdbc.sql("""
				SELECT id, occurred_at, actor_label, entity_type, entity_id, action, changes::text
				FROM audit_entries WHERE """ + IN_SCOPE + """
				ORDER BY occurred_at DESC, id DESC LIMIT :limit
				""").param("organisation", scope.organisationId(), java.sql.Types.BIGINT)
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query(AuditLog::entry)
			.list();
	}

	@Transactional(readOnly = true)
	public List<Entry> byActor(long accountId) {
		return this.jdbc.sql("""
				SELECT id, occurred_at, actor_label, entity_type, entity_id, action, changes::text
				FROM audit_entries WHERE actor_account_id = ? ORDER BY occurred_at DESC, id DESC
				""").param(accountId).query(AuditLog::entry).list();
	}

	/** Erasure: the entries stay, but no longer name the person who made them. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void pseudonymise(long accountId, String pseudonym) {
		this.jdbc.sql("UPDATE audit_entries SET actor_account_id = NULL, actor_label = ? WHERE actor_account_id = ?")
			.params(pseudonym, accountId)
			.update();
	}

	static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
		Map<String, ?> b = before == null ? Map.of() : before;
		Map<String, ?> a = after == null ? Map.of() : after;
		Map<String, Change> changes = new LinkedHashMap<>();
		TreeSet<String> fields = new TreeSet<>(b.keySet());
		fields.addAll(a.keySet());
		for (String field : fields) {
			Object was = normalise(b.get(field));
			Object is = normalise(a.get(field));
			if (!Objects.equals(was, is)) {
				changes.put(field, new Change(was, is));
			}
		}
		return changes;
	}

	private static Object normalise(Object value) {
		if (value instanceof java.util.Collection<?> collection) {
			return collection.stream().map(String::valueOf).sorted().toList();
		}
		return value == null ? null : (value instanceof Number || value instanceof Boolean) ? value : value.toString();
	}

	private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Map<String, Change> changes = JSON.readValue(rs.getString(7), new TypeReference<LinkedHashMap<String, Change>>() {
		});
		return new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), Action.valueOf(rs.getString(6)), changes);
	}
}
