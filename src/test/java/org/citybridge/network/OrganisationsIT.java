package org.citybridge.network;

import java.util.Map;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Admins create organisations; each organisation's own staff keep its members; nobody else. */
class OrganisationsIT extends DemoDataIntegrationTest {

	long nalas;

	long cemr;

	long darkhan;

	@BeforeEach
	void setUp() {
		this.nalas = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'NALAS'").query(Long.class).single();
		this.cemr = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'CEMR'").query(Long.class).single();
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
	}

	@Test
	void staffOfAnotherOrganisationCannotChangeItsMembers() {
		long before = members(this.nalas);
		assertThat(this.mvc.post().uri("/organisations/" + this.nalas + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", String.valueOf(this.darkhan))).hasStatus(403);
		assertThat(this.mvc.post().uri("/organisations/" + this.nalas + "/members").with(csrf())
			.param("municipalityId", String.valueOf(this.darkhan))).hasStatus3xxRedirection();
		assertThat(members(this.nalas)).isEqualTo(before);
	}

	@Test
	void staffKeepTheirOwnMembersAndBadNumbersGetAMessage() {
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.cemr + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", "not a number").exchange()))
			.containsEntry("flashError", "network.members.unknown");
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.cemr + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", "999999999").exchange()))
			.containsEntry("flashError", "network.members.unknown");
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.cemr + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", String.valueOf(this.darkhan)).exchange()))
			.containsEntry("flash", "network.invitations.sent");
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "/edit").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/" + this.darkhan + "/networks/" + this.cemr + "/accept").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "/edit").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatusOk();
		assertThat(this.mvc.post().uri("/organisations/" + this.cemr + "/members/" + this.darkhan + "/remove").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR))).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "/edit").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus(403);
	}

	@Test
	void onlyAdministratorsCreateOrganisationsAndNamesAreUnique() {
		assertThat(this.mvc.post().uri("/admin/organisations/new").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("name", "Staff-made network").param("kind", "THEMATIC")).hasStatus(403);
		assertThat(this.mvc.post().uri("/admin/organisations/new").with(csrf()).with(as(AccountTestSupport.ADMIN))
			.param("name", "council of european municipalities and regions").param("kind", "REGIONAL"))
			.hasStatusOk().bodyText().contains("An organisation with this name already exists.");
		assertThat(this.mvc.post().uri("/admin/organisations/new").with(csrf()).with(as(AccountTestSupport.ADMIN))
			.param("name", "<b>Energy</b> Cities test").param("kind", "NOT_A_KIND")).hasStatusOk().bodyText()
			.contains("value=\"&lt;b&gt;Energy&lt;/b&gt; Cities test\"");
	}

	@Test
	void aMunicipalitysProfileNamesTheNetworksItBelongsTo() {
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		assertThat(this.mvc.get().uri("/municipalities/" + nis)).hasStatusOk().bodyText()
			.contains("id=\"networks-heading\"").contains("NALAS – Network of Associations of Local Authorities");
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "?lang=fr")).hasStatusOk().bodyText()
			.contains("Réseaux");
	}

	@Test
	void staffAddAndRemoveAnAssociatedOrganisation() {
		long amla = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'AMLA'").query(Long.class).single();
		long before = associations(this.cemr);
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.cemr + "/associations").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("memberId", String.valueOf(amla)).exchange()))
			.containsEntry("flash", "network.associations.added");
		assertThat(associations(this.cemr)).isEqualTo(before + 1);
		assertThat(this.mvc.post().uri("/organisations/" + this.cemr + "/associations/" + amla + "/remove")
			.with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))).hasStatus(403);
		assertThat(associations(this.cemr)).isEqualTo(before + 1);
		assertThat(flash(this.mvc.post().uri("/organisations/" + this.cemr + "/associations/" + amla + "/remove")
			.with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).exchange()))
			.containsEntry("flash", "network.associations.removed");
		assertThat(associations(this.cemr)).isEqualTo(before);
	}

	@Test
	void unknownOrNonNumericOrganisationsAre404() {
		assertThat(this.mvc.get().uri("/organisations/99999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/organisations/nalas")).hasStatus(404);
	}

	private static Map<String, Object> flash(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
		return Map.copyOf(result.getMvcResult().getFlashMap());
	}

	private long members(long organisationId) {
		return this.jdbc.sql("SELECT count(*) FROM organisation_members WHERE organisation_id = ?").param(organisationId)
			.query(Long.class).single();
	}

	private long associations(long organisationId) {
		return this.jdbc.sql("SELECT count(*) FROM organisation_member_associations WHERE organisation_id = ?")
			.param(organisationId).query(Long.class).single();
	}
}
