package org.citybridge.network;

import java.util.Map;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.citybridge.DemoPlaces.STRASBOURG;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Issue 17, finding 2: a network's staff gain rights over a municipality only once it has agreed to
 * join. Staff of NALAS tried to take over Ghent (a CEMR member): add it to NALAS, edit its profile,
 * read its request, invite an officer of it; and to merge Strasbourg into a junk record.
 */
class MembershipConsentIT extends DemoDataIntegrationTest {

	long nalas;

	long ghent;

	long darkhan;

	long request;

	String started;

	@BeforeEach
	void setUp() {
		this.nalas = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'NALAS'").query(Long.class).single();
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.started = this.jdbc.sql("SELECT clock_timestamp()::text").query(String.class).single();
		// One pending request per pair: a journey test that stopped half-way may have left one.
		this.jdbc.sql("""
				DELETE FROM partnership_requests WHERE status = 'PENDING'
				  AND least(from_municipality_id, to_municipality_id) = least(?, ?)
				  AND greatest(from_municipality_id, to_municipality_id) = greatest(?, ?)
				""").params(this.darkhan, this.ghent, this.darkhan, this.ghent).update();
		this.request = this.jdbc.sql("""
				INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message)
				VALUES (?, ?, 'Water utilities: a private word for Ghent') RETURNING id
				""").params(this.darkhan, this.ghent).query(Long.class).single();
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM partnership_requests WHERE id = ?").param(this.request).update();
		this.jdbc.sql("DELETE FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?")
			.params(this.nalas, this.ghent).update();
		this.jdbc.sql("DELETE FROM membership_invitations WHERE municipality_id = ?").param(this.ghent).update();
	}

	@Test
	void staffInviteAndGainNoRightUntilAnOfficerOfTheMunicipalityAccepts() {
		MvcTestResult invited = this.mvc.post().uri("/organisations/" + this.nalas + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS)).param("municipalityId", String.valueOf(this.ghent))
			.exchange();
		assertThat(flash(invited)).containsEntry("flash", "network.invitations.sent");
		assertThat(isMember()).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ? AND subject LIKE 'NALAS%'")
			.param(AccountTestSupport.OFFICER_GHENT).query(Long.class).single()).as("Ghent's officer is told").isEqualTo(1);
		assertNoRightsOverGhent();

		// Asking again changes nothing; the network's page lists the invitation waiting.
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.nalas + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS)).param("municipalityId", String.valueOf(this.ghent))
			.exchange())).containsEntry("flashError", "network.invitations.already");
		assertThat(this.mvc.get().uri("/organisations/" + this.nalas).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatusOk().bodyText().contains("Invitations waiting for an answer").contains("Withdraw the invitation to Ghent");

		// Nobody but Ghent answers for Ghent.
		String accept = "/municipalities/" + this.ghent + "/networks/" + this.nalas + "/accept";
		assertThat(this.mvc.post().uri(accept).with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri(accept).with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri(accept).with(csrf())).hasStatus3xxRedirection();
		assertThat(isMember()).isFalse();

		// Ghent's officer sees what accepting means, and accepts.
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent).with(as(AccountTestSupport.OFFICER_GHENT)))
			.hasStatusOk().bodyText().contains("Invitations to join a network").contains("Accept the invitation from NALAS");
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent)).hasStatusOk().bodyText()
			.doesNotContain("Invitations to join a network");
		assertThat(flash(this.mvc.post().uri(accept).with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT))
			.exchange())).containsEntry("flash", "network.invitations.accepted");
		assertThat(isMember()).isTrue();
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent + "/edit").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/requests/" + this.request).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatusOk();

		// Ghent leaves: the rights go with the membership.
		assertThat(flash(this.mvc.post().uri("/municipalities/" + this.ghent + "/networks/" + this.nalas + "/leave").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).exchange())).containsEntry("flash", "network.invitations.left");
		assertThat(isMember()).isFalse();
		assertNoRightsOverGhent();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entries WHERE entity_type = 'organisation' AND entity_id = ? AND occurred_at >= ?::timestamptz
				AND (changes::text LIKE '%memberInvited%' OR changes::text LIKE '%invitationAccepted%'
				     OR changes::text LIKE '%memberLeft%')
				""").params(String.valueOf(this.nalas), this.started).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void anInvitationDeclinedOrWithdrawnLeavesNoMembership() {
		invite();
		assertThat(flash(this.mvc.post().uri("/municipalities/" + this.ghent + "/networks/" + this.nalas + "/decline").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).exchange())).containsEntry("flash", "network.invitations.declined");
		assertThat(isMember()).isFalse();
		assertThat(flash(this.mvc.post().uri("/municipalities/" + this.ghent + "/networks/" + this.nalas + "/accept").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).exchange())).containsEntry("flashError", "network.invitations.gone");
		assertThat(isMember()).isFalse();

		invite();
		assertThat(this.mvc.post().uri("/organisations/" + this.nalas + "/invitations/" + this.ghent + "/withdraw").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR))).hasStatus(403);
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.nalas + "/invitations/" + this.ghent + "/withdraw").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS)).exchange())).containsEntry("flash", "network.invitations.withdrawn");
		assertThat(flash(this.mvc.post().uri("/municipalities/" + this.ghent + "/networks/" + this.nalas + "/accept").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).exchange())).containsEntry("flashError", "network.invitations.gone");
		assertThat(isMember()).isFalse();
		assertThat(this.mvc.post().uri("/municipalities/abc/networks/" + this.nalas + "/accept").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT))).hasStatus(404);
	}

	@Test
	void anAdministratorRecordsAMembershipTheMunicipalityAgreedTo() {
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.nalas + "/members").with(csrf())
			.with(as(AccountTestSupport.ADMIN)).param("municipalityId", String.valueOf(this.ghent))
			.param("since", "2024-05-01").exchange())).containsEntry("flash", "network.members.added");
		assertThat(isMember()).isTrue();
	}

	@Test
	void staffMayNotMergeOrNameAMunicipalityOutsideTheirMembers() {
		long strasbourg = AccountTestSupport.municipalityId(this.context, STRASBOURG);
		long junk = this.jdbc.sql("""
				INSERT INTO municipalities (name, country_code, kind, population) VALUES ('Junk record', 'FR', 'TOWN', 1)
				RETURNING id""").query(Long.class).single();
		try {
			// NALAS staff keep Niš, a member: they may name it, not merge Strasbourg (CEMR's) into anything.
			long nis = AccountTestSupport.municipalityId(this.context, NIS);
			this.jdbc.sql("INSERT INTO organisation_members (organisation_id, municipality_id) VALUES (?, ?)")
				.params(this.nalas, junk).update();
			assertThat(this.mvc.post().uri("/municipalities/" + junk + "/merge").with(csrf())
				.with(as(AccountTestSupport.STAFF_NALAS)).param("removed", String.valueOf(strasbourg))).hasStatus(403);
			assertThat(this.mvc.post().uri("/municipalities/" + strasbourg + "/names").with(csrf())
				.with(as(AccountTestSupport.STAFF_NALAS)).param("name", "Junkville")).hasStatus(403);
			assertThat(this.mvc.get().uri("/municipalities/" + strasbourg + "/records")
				.with(as(AccountTestSupport.STAFF_NALAS))).hasStatus(403);
			assertThat(this.mvc.get().uri("/municipalities/" + junk + "/records?q=Strasbourg&merge=" + strasbourg)
				.with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
				.contains("You may not merge Strasbourg").doesNotContain("name=\"removed\"");
			assertThat(this.jdbc.sql("SELECT count(*) FROM municipalities WHERE id = ? AND NOT ('Junkville' = ANY (alternate_names))")
				.param(strasbourg).query(Long.class).single()).isEqualTo(1);
			assertThat(this.mvc.get().uri("/municipalities/" + strasbourg).with(as(AccountTestSupport.STAFF_NALAS)))
				.hasStatusOk().bodyText().doesNotContain("/records\"");
			assertThat(this.mvc.post().uri("/municipalities/" + nis + "/names").with(csrf())
				.with(as(AccountTestSupport.STAFF_NALAS)).param("name", "Nissa-test")).hasStatus3xxRedirection();
		}
		finally {
			this.jdbc.sql("DELETE FROM municipalities WHERE id = ?").param(junk).update();
		}
	}

	private void invite() {
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.nalas + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS)).param("municipalityId", String.valueOf(this.ghent))
			.exchange())).containsEntry("flash", "network.invitations.sent");
	}

	private void assertNoRightsOverGhent() {
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent + "/edit").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/" + this.ghent + "/edit").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS)).param("website", "https://evil.example").param("version", "0"))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/requests/" + this.request).with(as(AccountTestSupport.STAFF_NALAS)).exchange()
			.getResponse().getStatus()).isIn(403, 404);
		MvcTestResult invitation = this.mvc.post().uri("/account/invitations").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS)).param("email", "taken.over@ghent.example")
			.param("displayName", "Taken Over").param("role", "OFFICER").param("municipalityId", String.valueOf(this.ghent)).exchange();
		assertThat(invitation).bodyText().contains("You may not invite this person in this role.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts WHERE email = 'taken.over@ghent.example'").query(Long.class).single())
			.isZero();
	}

	private boolean isMember() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?)")
			.params(this.nalas, this.ghent).query(Boolean.class).single();
	}

	private static Map<String, Object> flash(MvcTestResult result) {
		return Map.copyOf(result.getMvcResult().getFlashMap());
	}
}
