package org.citybridge.network;

import org.citybridge.system.Text;
import java.util.List;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations and their members, read by everyone and kept by administrators (who create
 * organisations) and by each organisation's own staff (who keep its member list).
 */
@Service
class OrganisationDirectory {

	/** An organisation with how many members it has. */
	record Summary(long id, String name, String shortName, OrganisationKind kind, String website, long members) {
	}

	/** A member municipality. */
	record Member(long municipalityId, String name, String countryCode) {
	}

	/** The change could not be made; the message key says why. */
	static class Refused extends RuntimeException {

		final String field;

		final String messageKey;

		Refused(String field, String messageKey) {
			super(messageKey);
			this.field = field;
			this.messageKey = messageKey;
		}
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	OrganisationDirectory(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<Summary> all() {
		return this.jdbc.sql("""
				SELECT o.id, o.name, o.short_name, o.kind, o.website, count(m.municipality_id) AS members
				FROM organisations o LEFT JOIN organisation_members m ON m.organisation_id = o.id
				GROUP BY o.id ORDER BY lower(coalesce(o.short_name, o.name))
				""").query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3),
				OrganisationKind.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6))).list();
	}

	@Transactional(readOnly = true)
	Summary byId(long id) {
		return all().stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> new OrganisationNotFound(id));
	}

	@Transactional(readOnly = true)
	List<Member> members(long organisationId) {
		return this.jdbc.sql("""
				SELECT mu.id, mu.name, mu.country_code FROM organisation_members m
				JOIN municipalities mu ON mu.id = m.municipality_id WHERE m.organisation_id = ? ORDER BY mu.name, mu.id
				""").param(organisationId).query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	boolean mayKeepMembers(Actor actor, long organisationId) {
		return actor.role() == Actor.Role.ADMIN
				|| (actor.role() == Actor.Role.STAFF && actor.organisationId() != null && actor.organisationId() == organisationId);
	}

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
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", id, AuditLog.Action.CREATE,
					null, Map.of("name", form.name().strip(), "kind", form.kind().name()));
			return id;
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			throw new Refused(message.contains("short_name") ? "shortName" : "name", "network.form.taken");
		}
	}

	@Transactional
	void addMember(Actor actor, long organisationId, long municipalityId, String actorLabel) {
		byId(organisationId);
		if (!mayKeepMembers(actor, organisationId)) {
			throw new AccessDeniedException("May not keep the members of organisation " + organisationId);
		}
		int added;
		try {
			added = this.jdbc.sql("""
					INSERT INTO organisation_members (organisation_id, municipality_id, member_since)
					VALUES (?, ?, current_date) ON CONFLICT DO NOTHING
					""").params(organisationId, municipalityId).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new Refused("municipalityId", "network.members.unknown");
		}
		if (added == 0) {
			throw new Refused("municipalityId", "network.members.already");
		}
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
				AuditLog.Action.UPDATE, Map.of(), Map.of("memberAdded", municipalityId));
	}

	@Transactional
	void removeMember(Actor actor, long organisationId, long municipalityId, String actorLabel) {
		byId(organisationId);
		if (!mayKeepMembers(actor, organisationId)) {
			throw new AccessDeniedException("May not keep the members of organisation " + organisationId);
		}
		int removed = this.jdbc.sql("DELETE FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?")
			.params(organisationId, municipalityId)
			.update();
		if (removed > 0) {
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
					AuditLog.Action.UPDATE, Map.of("memberRemoved", municipalityId), Map.of());
		}
	}

}
