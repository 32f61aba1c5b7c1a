package org.citybridge.agreement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.citybridge.agreement.register.AgreementNotices;
import org.citybridge.audit.AuditLog;
import org.citybridge.notice.NoticeKind;
import org.citybridge.system.Actor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's API for other code: the partnership import registers the pairs it matched,
 * an accepted partnership request opens a draft, and staff verify entries. The duplicate rule is the database's (one agreement of a type per set of
 * municipalities until it has ended): registering a pair that is already there is answered with
 * the existing agreement, not with a second one.
 */
@Service
public class Agreements {

	/** What registering did: added a new agreement, or found one of that type between the parties already there. */
	public record Registration(long agreementId, boolean added) {

		public boolean alreadyPresent() {
			return !this.added;
		}
	}

	public static final String ENTITY = "agreement";

	private final JdbcClient jdbc;

	private final AgreementRepository repository;

	private final AgreementPolicy policy;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final AgreementNotices notices;

	Agreements(JdbcClient jdbc, AgreementRepository repository, AgreementPolicy policy, AuditLog audit,
			ApplicationEventPublisher events, AgreementNotices notices) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.policy = policy;
		this.audit = audit;
		this.events = events;
		this.notices = notices;
	}

	/**
	 * Registers an agreement taken from a public list or a CSV file as the system (command-line
	 * import, demo data): status active, unverified, with its source. Runs in the caller's
	 * transaction if there is one.
	 * @throws UnknownMunicipality if an id names no municipality
	 * @throws IllegalArgumentException for fewer than two distinct parties or a manual source
	 */
	@Transactional
	public Registration registerFromPublicList(AgreementType type, Set<Long> municipalityIds, AgreementSource source) {
		return register(type, municipalityIds, source, AuditLog.Who.SYSTEM);
	}

	/** The same, for a signed-in staff member or administrator (an upload on the import page). */
	@Transactional
	public Registration registerFromPublicList(AgreementType type, Set<Long> municipalityIds, AgreementSource source,
			Actor actor, String actorLabel) {
		if (!this.policy.mayImport(actor)) {
			throw new AccessDeniedException("May not import agreements");
		}
		return register(type, municipalityIds, source, new AuditLog.Who(actor.accountId(), actorLabel));
	}

	private Registration register(AgreementType type, Set<Long> municipalityIds, AgreementSource source,
			AuditLog.Who who) {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(source, "source");
		if (source.kind() == AgreementSource.Kind.MANUAL) {
			throw new IllegalArgumentException("An imported agreement needs a list as its source");
		}
		if (municipalityIds == null || municipalityIds.size() < 2 || municipalityIds.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("An agreement needs at least two different parties");
		}
		List<Long> key = Agreement.partyKey(municipalityIds);
		immediateForeignKeys();
		String title = partiesTitle(key);
		Long[] keyArray = key.toArray(Long[]::new);
		Long id = this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key, source, source_name, source_attribution,
				                        source_url, source_record, imported_at, created_by_account_id, updated_by_account_id)
				VALUES (:type, :title, :status, :key, :source, :name, :attribution, :url, :record, now(), :who, :who)
				ON CONFLICT (type, party_key) WHERE status <> 'ENDED' DO NOTHING
				RETURNING id
				""")
			.param("type", type.name())
			.param("title", title)
			.param("status", AgreementStatus.ACTIVE.name())
			.param("key", keyArray)
			.param("source", source.kind().name())
			.param("name", source.name())
			.param("attribution", source.attribution())
			.param("url", source.url())
			.param("record", source.record())
			.param("who", who.accountId())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return new Registration(openAgreement(type, keyArray), false);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("type", type);
		after.put("title", title);
		after.put("status", AgreementStatus.ACTIVE);
		after.put("parties", key);
		after.put("source", source.kind());
		after.put("sourceRecord", source.record());
		this.audit.record(who, ENTITY, id, AuditLog.Action.CREATE, null, after);
		this.events.publishEvent(new AgreementRegistered(id, type, key, false));
		this.notices.announce(NoticeKind.AGREEMENT_REGISTERED, id, who.accountId());
		return new Registration(id, true);
	}

	/**
	 * A draft that another feature opens for some municipalities (an accepted partnership request):
	 * its type, its parties, what it is about and the funding the parties mean to use.
	 */
	public record Draft(AgreementType type, Set<Long> municipalityIds, Collection<String> themes, String fundingUsed) {
	}

	/**
	 * Registers a draft agreement between the municipalities as the actor proposes it: status
	 * draft, unverified (staff complete and verify it as any proposal), titled with the parties'
	 * names as imported agreements are, with the draft's themes and funding. When the parties
	 * already have an agreement of that type that has not ended, the duplicate rule keeps that one:
	 * the answer names it and nothing is added. Runs in the caller's transaction if there is one.
	 * @throws AccessDeniedException unless the actor is staff, an administrator or an officer of a party
	 * @throws UnknownMunicipality if an id names no municipality
	 * @throws IllegalArgumentException for fewer than two distinct parties
	 */
	@Transactional
	public Registration registerDraft(Draft draft, Actor actor, String actorLabel) {
		Objects.requireNonNull(draft.type(), "type");
		Set<Long> ids = draft.municipalityIds();
		if (ids == null || ids.size() < 2 || ids.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("An agreement needs at least two different parties");
		}
		if (!this.policy.mayRegister(actor) && !this.policy.mayPropose(actor, ids)) {
			throw new AccessDeniedException("May not propose this agreement");
		}
		List<Long> key = Agreement.partyKey(ids);
		Long[] keyArray = key.toArray(Long[]::new);
		immediateForeignKeys();
		String title = partiesTitle(key);
		String funding = draft.fundingUsed() == null || draft.fundingUsed().isBlank() ? null
				: clip(draft.fundingUsed().strip(), 2000);
		List<String> themes = draft.themes() == null ? List.of()
				: draft.themes().stream().filter(Objects::nonNull).distinct().toList();
		Long id = this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key, funding_used, source, proposed_by_account_id,
				                        created_by_account_id, updated_by_account_id)
				VALUES (:type, :title, :status, :key, :funding, :source, :who, :who, :who)
				ON CONFLICT (type, party_key) WHERE status <> 'ENDED' DO NOTHING
				RETURNING id
				""")
			.param("type", draft.type().name())
			.param("title", title)
			.param("status", AgreementStatus.DRAFT.name())
			.param("key", keyArray)
			.param("funding", funding)
			.param("source", AgreementSource.Kind.MANUAL.name())
			.param("who", actor.accountId())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return new Registration(openAgreement(draft.type(), keyArray), false);
		}
		if (!themes.isEmpty()) {
			this.jdbc.sql("INSERT INTO agreement_themes (agreement_id, theme_code) SELECT ?, unnest(?::varchar[])")
				.params(id, themes.toArray(String[]::new))
				.update();
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("type", draft.type());
		after.put("title", title);
		after.put("status", AgreementStatus.DRAFT);
		after.put("parties", key);
		after.put("themes", themes);
		after.put("fundingUsed", funding);
		after.put("verified", false);
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), ENTITY, id, AuditLog.Action.CREATE, null,
				after);
		this.events.publishEvent(new AgreementRegistered(id, draft.type(), key, false));
		this.notices.announce(NoticeKind.AGREEMENT_REGISTERED, id, actor.accountId());
		return new Registration(id, true);
	}

	/** "Darkhan – Ghent": the parties' names in order, as registered agreements without a title of their own are named. */
	private String partiesTitle(List<Long> key) {
		List<String> names = this.jdbc.sql("SELECT name FROM municipalities WHERE id IN (:ids) ORDER BY name, id")
			.param("ids", key)
			.query(String.class)
			.list();
		if (names.size() != key.size()) {
			throw new UnknownMunicipality(key);
		}
		return clip(String.join(" – ", names), 300);
	}

	/** The agreement of this type between these parties that has not ended (the duplicate rule's one). */
	private long openAgreement(AgreementType type, Long[] key) {
		return this.jdbc.sql("""
				SELECT id FROM agreements WHERE type = :type AND party_key = :key AND status <> 'ENDED'
				""").param("type", type.name()).param("key", key).query(Long.class).single();
	}

	/** One agreement of a list to register: its parties and where the list has it. */
	public record Listed(Set<Long> municipalityIds, AgreementSource source) {
	}

	/**
	 * Registers many agreements from a public list or a CSV file at once, each as
	 * {@link #registerFromPublicList} registers one (status active, unverified, its source, an audit
	 * entry, an {@link AgreementRegistered} event), with a few statements for them all instead of
	 * several per agreement: the parties' names, one insert (the duplicate rule leaves those already
	 * present, and the second of two equal entries), the ids of those present, the audit entries.
	 * {@code actor} null is the system (command line). Returns one registration per entry, in order.
	 * @throws UnknownMunicipality if an id names no municipality
	 * @throws IllegalArgumentException for fewer than two distinct parties or a manual source
	 */
	@Transactional
	public List<Registration> registerAllFromPublicList(AgreementType type, List<Listed> entries, Actor actor,
			String actorLabel) {
		if (actor != null && !this.policy.mayImport(actor)) {
			throw new AccessDeniedException("May not import agreements");
		}
		AuditLog.Who who = actor == null ? AuditLog.Who.SYSTEM : new AuditLog.Who(actor.accountId(), actorLabel);
		Objects.requireNonNull(type, "type");
		if (entries.isEmpty()) {
			return List.of();
		}
		List<List<Long>> keys = new ArrayList<>(entries.size());
		Set<Long> allIds = new java.util.HashSet<>();
		for (Listed entry : entries) {
			Objects.requireNonNull(entry.source(), "source");
			if (entry.source().kind() == AgreementSource.Kind.MANUAL) {
				throw new IllegalArgumentException("An imported agreement needs a list as its source");
			}
			Set<Long> ids = entry.municipalityIds();
			if (ids == null || ids.size() < 2 || ids.stream().anyMatch(Objects::isNull)) {
				throw new IllegalArgumentException("An agreement needs at least two different parties");
			}
			List<Long> key = Agreement.partyKey(ids);
			keys.add(key);
			allIds.addAll(key);
		}
		immediateForeignKeys();
		// Names in the register's title order (name, then id), as the single registration reads them.
		Map<Long, String> names = new java.util.HashMap<>();
		Map<Long, Integer> rank = new java.util.HashMap<>();
		this.jdbc.sql("SELECT id, name FROM municipalities WHERE id = ANY (?::bigint[]) ORDER BY name, id")
			.param(allIds.toArray(Long[]::new))
			.query((java.sql.ResultSet rs) -> {
				rank.put(rs.getLong(1), rank.size());
				names.put(rs.getLong(1), rs.getString(2));
			});
		int n = entries.size();
		String[] titles = new String[n];
		String[] keyTexts = new String[n];
		String[] sources = new String[n];
		String[] sourceNames = new String[n];
		String[] attributions = new String[n];
		String[] urls = new String[n];
		String[] records = new String[n];
		for (int i = 0; i < n; i++) {
			List<Long> key = keys.get(i);
			if (!names.keySet().containsAll(key)) {
				throw new UnknownMunicipality(key);
			}
			titles[i] = clip(String.join(" – ",
					key.stream().sorted(java.util.Comparator.comparing(rank::get)).map(names::get).toList()), 300);
			keyTexts[i] = key.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
			AgreementSource source = entries.get(i).source();
			sources[i] = source.kind().name();
			sourceNames[i] = source.name();
			attributions[i] = source.attribution();
			urls[i] = source.url();
			records[i] = source.record();
		}
		Map<String, Long> inserted = new java.util.HashMap<>();
		this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key, source, source_name, source_attribution,
				                        source_url, source_record, imported_at, created_by_account_id, updated_by_account_id)
				SELECT ?, e.title, ?, e.party_key::bigint[], e.source, e.source_name, e.attribution, e.url,
				       e.record, now(), ?, ?
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
				     AS e (title, party_key, source, source_name, attribution, url, record, n)
				ORDER BY e.n
				ON CONFLICT (type, party_key) WHERE status <> 'ENDED' DO NOTHING
				RETURNING id, party_key::text
				""")
			.params(type.name(), AgreementStatus.ACTIVE.name(), who.accountId(), who.accountId(), titles, keyTexts, sources,
					sourceNames, attributions,
					urls, records)
			.query((java.sql.ResultSet rs) -> {
				inserted.put(rs.getString(2), rs.getLong(1));
			});
		List<Registration> result = new ArrayList<>(n);
		Map<Long, Map<String, Object>> audited = new LinkedHashMap<>();
		Set<String> taken = new java.util.HashSet<>();
		List<String> present = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Long id = inserted.get(keyTexts[i]);
			if (id != null && taken.add(keyTexts[i])) {
				result.add(new Registration(id, true));
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("type", type);
				after.put("title", titles[i]);
				after.put("status", AgreementStatus.ACTIVE);
				after.put("parties", keys.get(i));
				after.put("source", entries.get(i).source().kind());
				after.put("sourceRecord", entries.get(i).source().record());
				audited.put(id, after);
			}
			else {
				result.add(null);
				present.add(keyTexts[i]);
			}
		}
		if (!present.isEmpty()) {
			Map<String, Long> existing = new java.util.HashMap<>();
			this.jdbc.sql("""
					SELECT a.party_key::text, a.id FROM unnest(?::text[]) AS k (party_key)
					JOIN agreements a ON a.type = ? AND a.status <> 'ENDED' AND a.party_key = k.party_key::bigint[]
					""").params(present.toArray(String[]::new), type.name()).query((java.sql.ResultSet rs) -> {
				existing.put(rs.getString(1), rs.getLong(2));
			});
			for (int i = 0; i < n; i++) {
				if (result.get(i) == null) {
					result.set(i, new Registration(existing.get(keyTexts[i]), false));
				}
			}
		}
		this.audit.recordCreations(who, ENTITY, audited);
		for (int i = 0; i < n; i++) {
			if (result.get(i).added()) {
				this.events.publishEvent(new AgreementRegistered(result.get(i).agreementId(), type, keys.get(i), false));
			}
		}
		this.notices.announceAll(NoticeKind.AGREEMENT_REGISTERED, audited.keySet(), who.accountId());
		return result;
	}

	/**
	 * Marks an agreement verified by the given staff member or administrator; verifying a verified
	 * agreement changes nothing.
	 * @return whether it was unverified before
	 * @throws AgreementNotFound for an unknown id
	 * @throws AccessDeniedException if the actor may not verify
	 */
	@Transactional
	public boolean verify(long agreementId, Actor actor, String actorLabel) {
		if (!this.policy.mayVerify(actor) || actor.accountId() == null) {
			throw new AccessDeniedException("May not verify agreements");
		}
		Agreement agreement = this.repository.findById(agreementId).orElseThrow(() -> new AgreementNotFound(agreementId));
		Map<String, Object> before = agreement.auditView();
		if (!agreement.verify(actor.accountId(), Instant.now())) {
			return false;
		}
		this.repository.saveAndFlush(agreement);
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), ENTITY, agreementId, AuditLog.Action.UPDATE,
				before, agreement.auditView());
		this.events.publishEvent(new AgreementVerified(agreementId, agreement.getType(), agreement.getPartyKey()));
		this.notices.announce(NoticeKind.AGREEMENT_VERIFIED, agreementId, actor.accountId());
		return true;
	}

	/**
	 * Verifies several agreements at once (the bulk action of the unverified list), all or none.
	 * @return how many were unverified before
	 */
	@Transactional
	public int verifyAll(Collection<Long> agreementIds, Actor actor, String actorLabel) {
		if (!this.policy.mayVerify(actor) || actor.accountId() == null) {
			throw new AccessDeniedException("May not verify agreements");
		}
		int count = 0;
		for (Long id : new ArrayList<>(new java.util.LinkedHashSet<>(agreementIds))) {
			if (id != null && verify(id, actor, actorLabel)) {
				count++;
			}
		}
		return count;
	}

	/** How many agreements the register holds (all statuses, verified or not). */
	@Transactional(readOnly = true)
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM agreements").query(Long.class).single();
	}

	/**
	 * The parties' foreign key is deferred so that a municipality merge can move references before
	 * commit; our own writes want an unknown id reported at the statement that used it.
	 */
	public void immediateForeignKeys() {
		this.jdbc.sql("SET CONSTRAINTS agreement_parties_municipality_fk IMMEDIATE").update();
	}

	static String clip(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
