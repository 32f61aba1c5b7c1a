package org.citybridge.network;

import java.util.List;
import java.util.Map;

import org.citybridge.municipality.ProfileSection;
import org.citybridge.system.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The networks a municipality belongs to, shown on its profile; to its officers also the
 * invitations to join that wait for their answer, and a way to leave.
 */
@Component
record NetworksOnProfile(JdbcClient jdbc, MembershipInvitations invitations) implements ProfileSection {

	/** One membership, as the profile lists it. */
	record Membership(long organisationId, String name, String shortName, OrganisationKind kind, java.time.LocalDate since) {
	}

	@Override
	public String fragment() {
		return "network/profile-section";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Map<String, Object> model(long municipalityId) {
		List<Membership> memberships = this.jdbc.sql("""
				SELECT o.id, o.name, o.short_name, o.kind, m.member_since FROM organisation_members m
				JOIN organisations o ON o.id = m.organisation_id WHERE m.municipality_id = ?
				ORDER BY lower(coalesce(o.short_name, o.name))
				""").param(municipalityId).query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2),
				rs.getString(3), OrganisationKind.valueOf(rs.getString(4)),
				rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate())).list();
		boolean mayAnswer = MembershipInvitations.mayAnswerFor(Actor.current(), municipalityId);
		return Map.of("memberships", memberships, "mayAnswer", mayAnswer, "invitations",
				mayAnswer ? this.invitations.receivedBy(municipalityId) : List.of());
	}
}
