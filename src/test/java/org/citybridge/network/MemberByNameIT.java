package org.citybridge.network;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.municipality.NewMunicipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.GHENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Staff name the municipality they invite into a network by its name, in any spelling, not by the
 * number in its address; a name of none or of several comes back next to the field, as typed,
 * with the candidates to choose from.
 */
class MemberByNameIT extends DemoDataIntegrationTest {

	@Autowired
	MunicipalityRecords records;

	long nalas;

	long ghent;

	@BeforeEach
	void setUp() {
		this.nalas = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'NALAS'").query(Long.class).single();
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DELETE FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?")
			.params(this.nalas, this.ghent).update();
		this.jdbc.sql("DELETE FROM membership_invitations WHERE organisation_id = ? AND municipality_id = ?")
			.params(this.nalas, this.ghent).update();
	}

	MvcTestResult add(String email, String name) {
		return this.mvc.post().uri("/organisations/" + this.nalas + "/members").with(csrf()).with(as(email))
			.param("municipality", name).param("since", "").exchange();
	}

	static Map<String, Object> flash(MvcTestResult result) {
		return Map.copyOf(result.getMvcResult().getFlashMap());
	}

	@Test
	void aNameInAnotherLanguageInvitesTheMunicipalityItNames() {
		MvcTestResult invited = add(AccountTestSupport.STAFF_NALAS, "Gand");
		assertThat(invited).hasStatus3xxRedirection();
		assertThat(flash(invited)).containsEntry("flash", "network.invitations.sent");
		assertThat(this.jdbc.sql("SELECT count(*) FROM membership_invitations WHERE organisation_id = ? AND municipality_id = ?")
			.params(this.nalas, this.ghent).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anUnknownOrAmbiguousNameComesBackAsTypedWithTheCandidates() throws Exception {
		MvcTestResult unknown = add(AccountTestSupport.STAFF_NALAS, "Zzqqxxville");
		assertThat(flash(unknown)).containsEntry("memberError", "network.members.name.unknown");
		assertThat(unknown.getResponse().getRedirectedUrl()).contains("member=Zzqqxxville").endsWith("#add-member-heading");

		String twin = "Twinmoor" + letters(UUID.randomUUID().toString().substring(0, 8));
		long mn = this.records.add(new NewMunicipality(twin, null, null, "MN", MunicipalityKind.TOWN, null,
				new BigDecimal("47.5"), new BigDecimal("19.0")));
		long rs = this.records.add(new NewMunicipality(twin, null, null, "RS", MunicipalityKind.TOWN, null,
				new BigDecimal("44.5"), new BigDecimal("20.0")));
		MvcTestResult ambiguous = add(AccountTestSupport.STAFF_NALAS, twin);
		assertThat(flash(ambiguous)).containsEntry("memberError", "network.members.name.ambiguous");
		assertThat(this.mvc.get().uri("/organisations/" + this.nalas + "?member=" + twin).with(as(AccountTestSupport.STAFF_NALAS))
			.cookie(new Cookie("citybridge-lang", "mn")).flashAttr("memberError", "network.members.name.ambiguous"))
			.hasStatusOk().bodyText().contains("value=\"" + twin + "\"").contains("id=\"municipality-error\"")
			.contains("Энэ нэртэй хэд хэдэн засаг захиргааны нэгж байна")
			.contains("name=\"municipalityId\" value=\"" + mn + "\"").contains("name=\"municipalityId\" value=\"" + rs + "\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM membership_invitations WHERE organisation_id = ?").param(this.nalas)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anOfficerMayNotLookUpMembersForANetwork() {
		assertThat(add(AccountTestSupport.OFFICER_DARKHAN, "Gand")).hasStatus(403);
	}

	/** Hexadecimal digits as letters (0 to g, 9 to p), so that a fresh name stays one word and unique. */
	static String letters(String hex) {
		StringBuilder name = new StringBuilder();
		hex.chars().forEach(c -> name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : (char) c));
		return name.toString();
	}
}
