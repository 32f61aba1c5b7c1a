package org.citybridge.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.citybridge.municipality.ProfileSection;
import org.citybridge.system.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What networks add to other features' pages. */
@Configuration(proxyBeanMethods = false)
class NetworkSections {

	/** One membership, as the profile lists it. */
	record Membership(long organisationId, String name, String shortName, OrganisationKind kind, LocalDate since) {
	}

	/**
	 * The networks a municipality belongs to, shown on its profile; to its officers also the
	 * invitations to join that wait for their answer, and a way to leave.
	 */
	@Bean
	ProfileSection networksOnProfile(JdbcClient jdbc, MembershipInvitations invitations) {
		return new ProfileSection("network/profile-section", 10, municipalityId -> {
			List<Membership> memberships = jdbc.sql("""
					SELECT o.id, o.name, o.short_name, o.kind, m.member_since FROM organisation_members m
					JOIN organisations o ON o.id = m.organisation_id WHERE m.municipality_id = ?
					ORDER BY lower(coalesce(o.short_name, o.name))
					""").param(municipalityId).query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2),
					rs.getString(3), OrganisationKind.valueOf(rs.getString(4)),
					rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate())).list();
			boolean mayAnswer = MembershipInvitations.mayAnswerFor(Actor.current(), municipalityId);
			return Map.of("memberships", memberships, "mayAnswer", mayAnswer, "invitations",
					mayAnswer ? invitations.receivedBy(municipalityId) : List.of());
		});
	}

	/** Networks the municipality might join, with the reasons, on its profile. */
	@Bean
	ProfileSection networkSuggestionsOnProfile(NetworkSuggestions suggestions) {
		return new ProfileSection("network/suggestions-section", 20,
				municipalityId -> Map.of("suggestions", suggestions.forMunicipality(municipalityId)));
	}
}
