package org.citybridge.network;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations and networks and their members, read by everyone and kept by administrators and
 * staff as {@link NetworkPolicy} allows: the network's record (kind, region, themes, who may join)
 * and its members, municipalities and associations, each with the date it joined. Who may join is
 * also PostgreSQL's rule (triggers of V27), which this service turns into messages.
 */
@Service
class OrganisationDirectory {

	/** An organisation with how many members it has. */
	record Summary(long id, String name, String shortName, OrganisationKind kind, String website, long members,
			String region, Admission admits, String membershipNote, Long maintainedBy, long version, List<String> themes,
			org.citybridge.system.translation.Translations i18n) {

		/** The full name as the reader sees it (issue 20: their language, else the original marked). */
		public org.citybridge.system.translation.Translated shownName(java.util.Locale reader) {
			return this.i18n.pick("name", reader);
		}

		public String label() {
			return this.shortName != null ? this.shortName + " – " + this.name : this.name;
		}
	}

	/** A member municipality. */
	record Member(long municipalityId, String name, String countryCode, LocalDate since) {
	}

	/** A member association, or a network an organisation belongs to. */
	record Linked(long organisationId, String name, String shortName, LocalDate since) {

		public String label() {
			return this.shortName != null ? this.shortName + " – " + this.name : this.name;
		}
	}


	private static final String SUMMARY = """
			SELECT o.id, o.name, o.short_name, o.kind, o.website,
			       (SELECT count(*) FROM organisation_members m WHERE m.organisation_id = o.id)
			       + (SELECT count(*) FROM organisation_member_associations a WHERE a.organisation_id = o.id) AS members,
			       o.region, o.admits, o.membership_note, o.maintained_by_organisation_id, o.version,
			       ARRAY(SELECT t.theme_code FROM organisation_themes t JOIN themes th ON th.code = t.theme_code
			             WHERE t.organisation_id = o.id ORDER BY th.position) AS themes,
			       o.content_lang, o.translations::text
			FROM organisations o
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final NetworkPolicy policy;

	private final NetworkRegions regions;

	OrganisationDirectory(JdbcClient jdbc, AuditLog audit, NetworkPolicy policy, NetworkRegions regions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.policy = policy;
		this.regions = regions;
	}

	private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), OrganisationKind.valueOf(rs.getString(4)),
				rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8) == null ? null : Admission.valueOf(rs.getString(8)), rs.getString(9),
				(Long) rs.getObject(10), rs.getLong(11), List.of((String[]) rs.getArray(12).getArray()),
				org.citybridge.system.translation.Translations.builder().from(rs.getString(13), rs.getString(14))
					.put("name", rs.getString(2))
					.build());
	}

	@Transactional(readOnly = true)
	List<Summary> all() {
		return this.jdbc.sql(SUMMARY + " ORDER BY lower(coalesce(o.short_name, o.name))")
			.query(OrganisationDirectory::summary)
			.list();
	}

	@Transactional(readOnly = true)
	Summary byId(long id) {
		return this.jdbc.sql(SUMMARY + " WHERE o.id = ?")
			.param(id)
			.query(OrganisationDirectory::summary)
			.optional()
			.orElseThrow(() -> new OrganisationNotFound(id));
	}

	@Transactional(readOnly = true)
	List<Member> members(long organisationId) {
		return this.jdbc.sql("""
				SELECT mu.id, mu.name, mu.country_code, m.member_since FROM organisation_members m
				JOIN municipalities mu ON mu.id = m.municipality_id WHERE m.organisation_id = ? ORDER BY mu.name, mu.id
				""").param(organisationId).query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
				localDate(rs.getDate(4)))).list();
	}

	/** The associations that are members of this network. */
	@Transactional(readOnly = true)
	List<Linked> associations(long organisationId) {
		return this.jdbc.sql("""
				SELECT o.id, o.name, o.short_name, a.member_since FROM organisation_member_associations a
				JOIN organisations o ON o.id = a.member_id WHERE a.organisation_id = ? ORDER BY lower(o.name), o.id
				""").param(organisationId).query(OrganisationDirectory::linked).list();
	}

	/** The networks this organisation is itself a member of. */
	@Transactional(readOnly = true)
	List<Linked> memberOf(long organisationId) {
		return this.jdbc.sql("""
				SELECT o.id, o.name, o.short_name, a.member_since FROM organisation_member_associations a
				JOIN organisations o ON o.id = a.organisation_id WHERE a.member_id = ? ORDER BY lower(o.name), o.id
				""").param(organisationId).query(OrganisationDirectory::linked).list();
	}

	/** Associations that could join (national associations other than the network itself). */
	@Transactional(readOnly = true)
	List<Linked> candidateAssociations(long organisationId) {
		return this.jdbc.sql("""
				SELECT o.id, o.name, o.short_name, NULL FROM organisations o
				WHERE o.kind = 'NATIONAL_ASSOCIATION' AND o.id <> ?
				  AND NOT EXISTS (SELECT 1 FROM organisation_member_associations a WHERE a.organisation_id = ? AND a.member_id = o.id)
				ORDER BY lower(o.name), o.id
				""").params(organisationId, organisationId).query(OrganisationDirectory::linked).list();
	}

	private static Linked linked(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Linked(rs.getLong(1), rs.getString(2), rs.getString(3), localDate(rs.getDate(4)));
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	boolean mayKeepMembers(Actor actor, long organisationId) {
		// -1: no such organisation; 0: a shared record that no organisation's staff own.
		long maintainedBy = this.jdbc.sql("SELECT coalesce(maintained_by_organisation_id, 0) FROM organisations WHERE id = ?")
			.param(organisationId)
			.query(Long.class)
			.optional()
			.orElse(-1L);
		return maintainedBy != -1L && this.policy.mayMaintain(actor, maintainedBy == 0 ? null : maintainedBy);
	}

	/**
	 * The organisation, for staff who keep its members: not found for no such organisation,
	 * refused for anyone else.
	 */
	Summary keptBy(Actor actor, long organisationId) {
		Summary organisation = byId(organisationId);
		if (!this.policy.mayMaintain(actor, organisation.maintainedBy())) {
			throw new AccessDeniedException("May not keep the members of organisation " + organisationId);
		}
		return organisation;
	}

	boolean mayCreate(Actor actor) {
		return this.policy.mayCreate(actor);
	}

	/** An administrator creates an organisation for its own staff: it keeps its own record. */
	@Transactional
	long create(Actor actor, OrganisationForm form, String actorLabel) {
		if (actor.role() != Actor.Role.ADMIN) {
			throw new AccessDeniedException("Only administrators create organisations");
		}
		try {
			long id = this.jdbc.sql("INSERT INTO organisations (name, short_name, kind, website) VALUES (?, ?, ?, ?) RETURNING id")
				.params(form.name().strip(), Text.blankToNull(form.shortName()), form.kind().name(), Text.blankToNull(form.website()))
				.query(Long.class)
				.single();
			this.jdbc.sql("UPDATE organisations SET maintained_by_organisation_id = id WHERE id = ?").param(id).update();
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", id, AuditLog.Action.CREATE,
					null, Map.of("name", form.name().strip(), "kind", form.kind().name()));
			return id;
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			throw new Refusal(message.contains("short_name") ? "shortName" : "name", "network.form.taken");
		}
	}

	/** Staff enter a network; their organisation keeps its record. */
	@Transactional
	long createNetwork(Actor actor, NetworkForm form, String actorLabel) {
		if (!this.policy.mayCreate(actor)) {
			throw new AccessDeniedException("May not create networks");
		}
		check(form);
		try {
			long id = this.jdbc.sql("""
					INSERT INTO organisations (name, short_name, kind, website, region, admits, membership_note,
					                           maintained_by_organisation_id, translations)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id
					""").params(form.name().strip(), Text.blankToNull(form.shortName()), form.kind().name(),
					Text.blankToNull(form.website()), Text.blankToNull(form.region()), form.admits() == null ? null : form.admits().name(),
					Text.blankToNull(form.membershipNote()), actor.role() == Actor.Role.STAFF ? actor.organisationId() : null,
					form.translations())
				.query(Long.class)
				.single();
			writeThemes(id, form.themeCodes());
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", id, AuditLog.Action.CREATE,
					null, auditView(form));
			return id;
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	@Transactional
	void updateNetwork(Actor actor, long id, NetworkForm form, String actorLabel) {
		Summary before = byId(id);
		if (!this.policy.mayMaintain(actor, before.maintainedBy())) {
			throw new AccessDeniedException("May not edit network " + id);
		}
		check(form);
		try {
			int updated = this.jdbc.sql("""
					UPDATE organisations SET name = ?, short_name = ?, kind = ?, website = ?, region = ?, admits = ?,
					       membership_note = ?, translations = CAST(? AS jsonb), version = version + 1, updated_at = now()
					WHERE id = ? AND version = ?
					""").params(form.name().strip(), Text.blankToNull(form.shortName()), form.kind().name(),
					Text.blankToNull(form.website()), Text.blankToNull(form.region()), form.admits() == null ? null : form.admits().name(),
					Text.blankToNull(form.membershipNote()), form.translations(), id, form.version())
				.update();
			if (updated == 0) {
				throw new Refusal(null, "network.networkForm.stale");
			}
			this.jdbc.sql("DELETE FROM organisation_themes WHERE organisation_id = ?").param(id).update();
			writeThemes(id, form.themeCodes());
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", id, AuditLog.Action.UPDATE,
					auditView(NetworkForm.of(before)), auditView(form));
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex);
		}
	}

	private void check(NetworkForm form) {
		String region = Text.blankToNull(form.region());
		if (region != null && !this.regions.isKnown(region)) {
			throw new Refusal("region", "network.networkForm.region.invalid");
		}
	}

	private void writeThemes(long id, List<String> themes) {
		for (String theme : themes) {
			this.jdbc.sql("INSERT INTO organisation_themes (organisation_id, theme_code) VALUES (?, ?)").params(id, theme).update();
		}
	}

	private static Refusal refusal(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("organisations_short_name_uk")) {
			return new Refusal("shortName", "network.form.taken");
		}
		if (message.contains("organisations_name_uk")) {
			return new Refusal("name", "network.form.taken");
		}
		if (message.contains("organisation_themes_theme_code_fkey")) {
			return new Refusal("themes", "network.networkForm.themes.invalid");
		}
		if (message.contains("has municipal members") || message.contains("has association members")) {
			return new Refusal("admits", "network.networkForm.admits.members");
		}
		if (message.contains("organisations_website_ck")) {
			return new Refusal("website", "network.networkForm.website.invalid");
		}
		return new Refusal(null, "network.networkForm.refused");
	}

	private static Map<String, Object> auditView(NetworkForm form) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", form.name() == null ? null : form.name().strip());
		view.put("shortName", Text.blankToNull(form.shortName()));
		view.put("kind", form.kind() == null ? null : form.kind().name());
		view.put("region", Text.blankToNull(form.region()));
		view.put("themes", new ArrayList<>(form.themeCodes()));
		view.put("website", Text.blankToNull(form.website()));
		view.put("admits", form.admits() == null ? null : form.admits().name());
		view.put("membershipNote", Text.blankToNull(form.membershipNote()));
		return view;
	}

	/**
	 * An administrator records a membership the municipality agreed to; staff invite instead
	 * ({@link MembershipInvitations}), as membership gives them rights over the municipality.
	 */
	@Transactional
	void addMember(Actor actor, long organisationId, long municipalityId, LocalDate since, String actorLabel) {
		if (actor.role() != Actor.Role.ADMIN) {
			throw new AccessDeniedException("Only administrators record a membership without the municipality's answer");
		}
		join(actor, organisationId, "organisation_members", "municipality_id", municipalityId, since, "municipalityId",
				"memberAdded", actorLabel);
	}

	@Transactional
	void addAssociation(Actor actor, long organisationId, long memberId, LocalDate since, String actorLabel) {
		join(actor, organisationId, "organisation_member_associations", "member_id", memberId, since, "memberId",
				"associationAdded", actorLabel);
	}

	/**
	 * One membership row (a municipality's or an association's), for those who keep the members;
	 * the database's membership rules become a message on {@code field}; audited as {@code auditKey}.
	 */
	private void join(Actor actor, long organisationId, String table, String memberColumn, long memberId,
			LocalDate since, String field, String auditKey, String actorLabel) {
		keptBy(actor, organisationId);
		int added;
		try {
			added = this.jdbc.sql("INSERT INTO " + table + " (organisation_id, " + memberColumn + ", member_since)"
					+ " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(organisationId, memberId, Date.valueOf(since == null ? LocalDate.now() : since))
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw memberRefusal(ex, field);
		}
		if (added == 0) {
			throw new Refusal(field, "network.members.already");
		}
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
				AuditLog.Action.UPDATE, Map.of(), Map.of(auditKey, memberId));
	}

	private static Refusal memberRefusal(DataIntegrityViolationException ex, String field) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("does not admit municipalities")) {
			return new Refusal(field, "network.members.municipalitiesNotAdmitted");
		}
		if (message.contains("does not admit associations")) {
			return new Refusal(field, "network.members.associationsNotAdmitted");
		}
		if (message.contains("is not an association") || message.contains("self_ck")) {
			return new Refusal(field, "network.members.notAnAssociation");
		}
		if (message.contains("since_ck")) {
			return new Refusal(field, "network.members.since.invalid");
		}
		return new Refusal(field, field.equals("memberId") ? "network.members.unknownAssociation" : "network.members.unknown");
	}

	@Transactional
	void removeMember(Actor actor, long organisationId, long municipalityId, String actorLabel) {
		removeLink(actor, organisationId, "organisation_members", "municipality_id", municipalityId, "memberRemoved",
				actorLabel);
	}

	@Transactional
	void removeAssociation(Actor actor, long organisationId, long memberId, String actorLabel) {
		removeLink(actor, organisationId, "organisation_member_associations", "member_id", memberId,
				"associationRemoved", actorLabel);
	}

	/**
	 * Removes one of the organisation's links (a member municipality or an associated organisation,
	 * named by its table and column, both fixed here), audited when there was one to remove.
	 */
	private void removeLink(Actor actor, long organisationId, String table, String column, long id, String change,
			String actorLabel) {
		keptBy(actor, organisationId);
		int removed = this.jdbc.sql("DELETE FROM " + table + " WHERE organisation_id = ? AND " + column + " = ?")
			.params(organisationId, id)
			.update();
		if (removed > 0) {
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
					AuditLog.Action.UPDATE, Map.of(change, id), Map.of());
		}
	}
}
