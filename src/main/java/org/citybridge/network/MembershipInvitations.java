package org.citybridge.network;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.OfficerMail;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A municipality joins a network only with its consent, because membership gives the network's
 * staff rights over it (editing its profile, reading its requests, inviting its officers). Staff
 * who keep a network's members invite a municipality; an officer of that municipality accepts or
 * declines on its profile, and may later leave; staff may withdraw an invitation not yet answered.
 * An administrator records a membership the municipality agreed to outside the portal directly.
 */
@Service
class MembershipInvitations {

	/** What became of a proposed member. */
	enum Outcome {
		/** Recorded by an administrator: a member now. */
		ADDED,
		/** Invited: a member once an officer of it accepts. */
		INVITED
	}

	/** An invitation waiting for the municipality's answer. */
	record Pending(long organisationId, String organisationName, String organisationShortName, long municipalityId,
			String municipalityName, String countryCode, LocalDate since, LocalDate invitedOn) {

		public String organisationLabel() {
			return this.organisationShortName != null ? this.organisationShortName + " – " + this.organisationName
					: this.organisationName;
		}
	}

	private static final String PENDING = """
			SELECT o.id, o.name, o.short_name, mu.id, mu.name, mu.country_code, i.member_since,
			       (i.invited_at AT TIME ZONE 'UTC')::date
			FROM membership_invitations i
			JOIN organisations o ON o.id = i.organisation_id
			JOIN municipalities mu ON mu.id = i.municipality_id
			""";

	private final JdbcClient jdbc;

	private final OrganisationDirectory directory;

	private final AuditLog audit;

	private final OfficerMail mail;

	private final MessageSource messages;

	MembershipInvitations(JdbcClient jdbc, OrganisationDirectory directory, AuditLog audit, OfficerMail mail,
			MessageSource messages) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.mail = mail;
		this.messages = messages;
	}

	/**
	 * Staff who keep the network's members invite the municipality (its officers are told by mail);
	 * an administrator records the membership at once.
	 */
	@Transactional
	Outcome propose(Actor actor, long organisationId, long municipalityId, LocalDate since, String actorLabel,
			String baseUrl, Locale locale) {
		if (actor.role() == Actor.Role.ADMIN) {
			this.directory.addMember(actor, organisationId, municipalityId, since, actorLabel);
			return Outcome.ADDED;
		}
		OrganisationDirectory.Summary network = this.directory.keptBy(actor, organisationId);
		int added;
		try {
			added = this.jdbc.sql("""
					INSERT INTO membership_invitations (organisation_id, municipality_id, member_since, invited_by)
					VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
					""").params(organisationId, municipalityId, since == null ? null : Date.valueOf(since), actor.accountId())
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("already a member")) {
				throw new Refusal("municipalityId", "network.members.already");
			}
			if (message.contains("does not admit municipalities")) {
				throw new Refusal("municipalityId", "network.members.municipalitiesNotAdmitted");
			}
			throw new Refusal("municipalityId", "network.members.unknown");
		}
		if (added == 0) {
			throw new Refusal("municipalityId", "network.invitations.already");
		}
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
				AuditLog.Action.UPDATE, Map.of(), Map.of("memberInvited", municipalityId));
		// each officer in their own language
		this.mail.toOfficersOf(municipalityId, language -> new OfficerMail.Letter(
				this.messages.getMessage("network.invitations.mail.subject", new Object[] { network.label() }, language),
				this.messages.getMessage("network.invitations.mail.body",
						new Object[] { network.label(), baseUrl + "/municipalities/" + municipalityId + "#network-invitations",
								baseUrl + "/organisations/" + organisationId },
						language)));
		return Outcome.INVITED;
	}

	/** The invitations a network has sent that wait for an answer. */
	@Transactional(readOnly = true)
	List<Pending> sentBy(long organisationId) {
		return this.jdbc.sql(PENDING + " WHERE i.organisation_id = ? ORDER BY mu.name, mu.id")
			.param(organisationId)
			.query(MembershipInvitations::pending)
			.list();
	}

	/** The invitations a municipality has received that wait for its answer. */
	@Transactional(readOnly = true)
	List<Pending> receivedBy(long municipalityId) {
		return this.jdbc.sql(PENDING + " WHERE i.municipality_id = ? ORDER BY lower(coalesce(o.short_name, o.name))")
			.param(municipalityId)
			.query(MembershipInvitations::pending)
			.list();
	}

	/** Who answers for a municipality: its own officers, and administrators. */
	static boolean mayAnswerFor(Actor actor, long municipalityId) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.OFFICER
				&& actor.municipalityId() != null && actor.municipalityId() == municipalityId);
	}

	/** A municipality's answer about one network, given by one of its officers. */
	enum Answer {

		ACCEPT("network.invitations.accepted"), DECLINE("network.invitations.declined"), LEAVE("network.invitations.left");

		/** The message that confirms the answer was recorded. */
		final String doneKey;

		Answer(String doneKey) {
			this.doneKey = doneKey;
		}
	}

	/** Records the answer ({@link #accept}, {@link #decline} or {@link #leave}); returns it. */
	@Transactional
	Answer answer(Actor actor, long organisationId, long municipalityId, Answer answer, String actorLabel) {
		switch (answer) {
			case ACCEPT -> accept(actor, organisationId, municipalityId, actorLabel);
			case DECLINE -> decline(actor, organisationId, municipalityId, actorLabel);
			case LEAVE -> leave(actor, organisationId, municipalityId, actorLabel);
		}
		return answer;
	}

	/** The municipality consents: the invitation becomes a membership, dated as proposed or today. */
	@Transactional
	void accept(Actor actor, long organisationId, long municipalityId, String actorLabel) {
		answerable(actor, municipalityId);
		int added;
		try {
			added = this.jdbc.sql("""
					WITH taken AS (DELETE FROM membership_invitations WHERE organisation_id = ? AND municipality_id = ?
					               RETURNING organisation_id, municipality_id, member_since)
					INSERT INTO organisation_members (organisation_id, municipality_id, member_since)
					SELECT organisation_id, municipality_id, coalesce(member_since, current_date) FROM taken
					ON CONFLICT DO NOTHING
					""").params(organisationId, municipalityId).update();
		}
		catch (DataIntegrityViolationException ex) {
			// The network closed its door to municipalities after inviting: nothing is changed.
			throw new Refusal(null, "network.members.municipalitiesNotAdmitted");
		}
		if (added == 0) {
			throw new Refusal(null, "network.invitations.gone");
		}
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
				AuditLog.Action.UPDATE, Map.of(), Map.of("invitationAccepted", municipalityId));
	}

	/** The municipality declines: the invitation goes, and nothing else changes. */
	@Transactional
	void decline(Actor actor, long organisationId, long municipalityId, String actorLabel) {
		answerable(actor, municipalityId);
		remove(organisationId, municipalityId);
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
				AuditLog.Action.UPDATE, Map.of("memberInvited", municipalityId), Map.of("invitationDeclined", municipalityId));
	}

	/** Staff who keep the network's members take back an invitation not yet answered. */
	@Transactional
	void withdraw(Actor actor, long organisationId, long municipalityId, String actorLabel) {
		this.directory.keptBy(actor, organisationId);
		remove(organisationId, municipalityId);
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
				AuditLog.Action.UPDATE, Map.of("memberInvited", municipalityId), Map.of("invitationWithdrawn", municipalityId));
	}

	/** The municipality leaves a network: its staff lose every right over it that the membership gave. */
	@Transactional
	void leave(Actor actor, long organisationId, long municipalityId, String actorLabel) {
		answerable(actor, municipalityId);
		int removed = this.jdbc.sql("DELETE FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?")
			.params(organisationId, municipalityId)
			.update();
		if (removed == 0) {
			throw new Refusal(null, "network.invitations.notMember");
		}
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "organisation", organisationId,
				AuditLog.Action.UPDATE, Map.of("memberLeft", municipalityId), Map.of());
	}

	private void remove(long organisationId, long municipalityId) {
		int removed = this.jdbc.sql("DELETE FROM membership_invitations WHERE organisation_id = ? AND municipality_id = ?")
			.params(organisationId, municipalityId)
			.update();
		if (removed == 0) {
			throw new Refusal(null, "network.invitations.gone");
		}
	}

	private static void answerable(Actor actor, long municipalityId) {
		if (!mayAnswerFor(actor, municipalityId)) {
			throw new AccessDeniedException("Only the municipality's officers answer for municipality " + municipalityId);
		}
	}

	private static Pending pending(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Date since = rs.getDate(7);
		return new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getString(6), since == null ? null : since.toLocalDate(), rs.getDate(8).toLocalDate());
	}
}
