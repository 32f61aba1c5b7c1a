package org.citybridge.network;

import java.time.LocalDate;
import java.util.Map;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Networks on real PostgreSQL: staff enter and keep them as the policy allows, who may join is the
 * database's rule, members carry the date they joined, the directory filters by network, and a
 * municipality is offered the networks that fit it, with the reason.
 */
class NetworksIT extends DemoDataIntegrationTest {

	@Autowired
	NetworkSuggestions suggestions;

	long nalas;

	long cemr;

	long amla;

	long darkhan;

	long ghent;

	long nis;

	@BeforeEach
	void setUp() {
		this.nalas = id("NALAS");
		this.cemr = id("CEMR");
		this.amla = id("AMLA");
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.nis = AccountTestSupport.municipalityId(this.context, NIS);
	}

	long id(String shortName) {
		return this.jdbc.sql("SELECT id FROM organisations WHERE short_name = ?").param(shortName).query(Long.class).single();
	}

	/** Staff of CEMR enter a network; returns its id. */
	long create(String name, String region, String admits, String... themes) {
		var request = this.mvc.post().uri("/organisations/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", name).param("kind", "THEMATIC").param("region", region).param("admits", admits)
			.param("website", "https://example.org").param("version", "0");
		for (String theme : themes) {
			request = request.param("themes", theme);
		}
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static Map<String, Object> flash(MvcTestResult result) {
		return Map.copyOf(result.getMvcResult().getFlashMap());
	}

	@Test
	void staffEnterNetworksWithValidatedValuesAndSeeThemOnTheirPage() {
		long id = create("Water Cities Asia " + System.nanoTime(), "142", "MUNICIPALITIES", "WATER_SANITATION", "RESILIENCE");
		assertThat(this.mvc.get().uri("/organisations/" + id)).hasStatusOk().bodyText().contains("Asia")
			.contains("Water and sanitation").contains("Resilience and disaster risk").contains("Municipalities");
		assertThat(this.mvc.post().uri("/organisations/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "<i>Bad</i>").param("kind", "THEMATIC").param("region", "XX").param("admits", "MUNICIPALITIES")
			.param("website", "javascript:alert(1)").param("version", "0")).hasStatusOk().bodyText()
			.contains("Enter a web address starting with http:// or https://.").contains("value=\"&lt;i&gt;Bad&lt;/i&gt;\"");
		assertThat(this.mvc.post().uri("/organisations/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Nowhere network").param("kind", "THEMATIC").param("region", "ZZ").param("admits", "MUNICIPALITIES")
			.param("themes", "NOT_A_THEME").param("version", "0")).hasStatusOk().bodyText()
			.contains("Choose a region from the list.");
		assertThat(this.mvc.post().uri("/organisations/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Themeless").param("kind", "THEMATIC").param("region", "150").param("admits", "MUNICIPALITIES")
			.param("themes", "NOT_A_THEME").param("version", "0")).hasStatusOk().bodyText()
			.contains("Choose themes from the list.");
		assertThat(this.mvc.post().uri("/organisations/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "eurocities").param("kind", "NOPE").param("admits", "EVERYONE").param("version", "x")).hasStatusOk();
		assertThat(this.mvc.post().uri("/organisations/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "EUROCITIES").param("kind", "REGIONAL").param("admits", "MUNICIPALITIES").param("version", "0"))
			.hasStatusOk().bodyText().contains("An organisation with this name already exists.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'organisation' AND entity_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isPositive();
	}

	@Test
	void networksFullNamesReadInTheReadersLanguageAndStaffGiveThemWithTheForm() {
		assertThat(this.mvc.get().uri("/organisations/" + this.cemr + "?lang=fr")).hasStatusOk().bodyText()
			.contains("<h1>Conseil des communes et régions d’Europe</h1>");
		assertThat(this.mvc.get().uri("/organisations?lang=mn")).hasStatusOk().bodyText()
			.contains("<span translate=\"no\">NALAS</span> – Зүүн өмнөд Европын орон нутгийн засаг захиргааны холбоодын сүлжээ",
					"<span lang=\"en\">Eurocities</span> <small class=\"original-lang\">англиар</small>");
		long id = create("Translated network " + System.nanoTime(), "150", "MUNICIPALITIES");
		String version = String.valueOf(this.jdbc.sql("SELECT version FROM organisations WHERE id = ?").param(id)
			.query(Long.class).single());
		String name = this.jdbc.sql("SELECT name FROM organisations WHERE id = ?").param(id).query(String.class).single();
		// A translation too long comes back with the others as typed; nothing is saved.
		assertThat(this.mvc.post().uri("/organisations/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", name).param("nameMn", "Орчуулсан сүлжээ").param("nameFr", "x".repeat(201)).param("kind", "THEMATIC")
			.param("region", "150").param("admits", "MUNICIPALITIES").param("version", version)).hasStatusOk().bodyText()
			.contains("value=\"Орчуулсан сүлжээ\"", "id=\"nameFr-error\"");
		assertThat(this.mvc.post().uri("/organisations/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", name).param("nameMn", "Орчуулсан сүлжээ").param("nameFr", "Réseau traduit").param("kind", "THEMATIC")
			.param("region", "150").param("admits", "MUNICIPALITIES").param("version", version)).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/organisations/" + id + "?lang=mn")).hasStatusOk().bodyText()
			.contains("<h1>Орчуулсан сүлжээ</h1>");
		// Staff of another organisation may not write its translations.
		assertThat(this.mvc.post().uri("/organisations/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("name", name).param("nameMn", "Булаасан").param("kind", "THEMATIC").param("region", "150")
			.param("admits", "MUNICIPALITIES").param("version", String.valueOf(Long.parseLong(version) + 1))).hasStatus(403);
		assertThat(this.jdbc.sql("SELECT translations -> 'mn' ->> 'name' FROM organisations WHERE id = ?").param(id)
			.query(String.class).single()).isEqualTo("Орчуулсан сүлжээ");
	}

	@Test
	void officersAndOtherOrganisationsStaffMayNotKeepANetwork() {
		assertThat(this.mvc.get().uri("/organisations/new").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.post().uri("/organisations/new").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("name", "Officer network").param("kind", "THEMATIC").param("admits", "MUNICIPALITIES").param("version", "0"))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/organisations/new")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/organisations/" + this.nalas + "/edit").with(as(AccountTestSupport.STAFF_CEMR))).hasStatus(403);
		assertThat(this.mvc.post().uri("/organisations/" + this.nalas + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Taken over").param("kind", "GLOBAL").param("admits", "MUNICIPALITIES").param("version", "0"))
			.hasStatus(403);
		long cemrNetwork = create("CEMR kept network " + System.nanoTime(), "150", "MUNICIPALITIES_AND_ASSOCIATIONS");
		assertThat(this.mvc.get().uri("/organisations/" + cemrNetwork + "/edit").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/organisations/" + cemrNetwork + "/members").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("municipalityId", String.valueOf(this.nis))).hasStatus(403);
		assertThat(this.jdbc.sql("SELECT name FROM organisations WHERE id = ?").param(this.nalas).query(String.class).single())
			.doesNotContain("Taken over");
		// A shared record (a well-known network nobody's staff own) is kept by any staff.
		long eurocities = this.jdbc.sql("SELECT id FROM organisations WHERE name = 'Eurocities'").query(Long.class).single();
		assertThat(this.mvc.get().uri("/organisations/" + eurocities + "/edit").with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk();
		assertThat(this.mvc.get().uri("/organisations/" + eurocities + "/edit").with(as(AccountTestSupport.OFFICER_GHENT))).hasStatus(403);
	}

	@Test
	void wellKnownNetworksCarryNameAndKindOnlyUntilStaffEnterMore() {
		long uclg = id("UCLG");
		assertThat(this.jdbc.sql("SELECT region IS NULL AND admits IS NULL AND website IS NULL AND membership_note IS NULL"
				+ " AND NOT EXISTS (SELECT 1 FROM organisation_themes WHERE organisation_id = ?) FROM organisations WHERE id = ?")
			.params(uclg, uclg).query(Boolean.class).single()).isTrue();
		assertThat(this.mvc.get().uri("/organisations/" + uclg)).hasStatusOk().bodyText().contains("Not entered yet")
			.contains("United Cities and Local Governments").contains("Global network");
		// A rule nobody entered restricts nobody.
		assertThat(flash(this.mvc.post().uri("/organisations/" + uclg + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS)).param("municipalityId", String.valueOf(this.nis)).exchange()))
			.containsEntry("flash", "network.invitations.sent");
	}

	@Test
	void aStaleEditIsRefusedAndNothingIsLost() {
		long id = create("Versioned network " + System.nanoTime(), "150", "MUNICIPALITIES");
		assertThat(this.mvc.post().uri("/organisations/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Versioned A").param("kind", "THEMATIC").param("admits", "MUNICIPALITIES").param("version", "0"))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri("/organisations/" + id + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Versioned B").param("kind", "THEMATIC").param("admits", "MUNICIPALITIES").param("version", "0"))
			.hasStatusOk().bodyText().contains("Someone else changed this network while you were editing.");
		assertThat(this.jdbc.sql("SELECT name FROM organisations WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Versioned A");
	}

	@Test
	void whoMayJoinIsTheNetworksRule() {
		long associationsOnly = create("Associations only " + System.nanoTime(), "150", "ASSOCIATIONS");
		assertThat(flash(this.mvc.post().uri("/organisations/" + associationsOnly + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", String.valueOf(this.ghent)).exchange()))
			.containsEntry("flashError", "network.members.municipalitiesNotAdmitted");
		// A national association joins, with the date it joined; the network itself or a network that is not an association may not.
		assertThat(flash(this.mvc.post().uri("/organisations/" + associationsOnly + "/associations").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("memberId", String.valueOf(this.amla)).param("since", "2019-05-01").exchange()))
			.containsEntry("flash", "network.associations.added");
		assertThat(flash(this.mvc.post().uri("/organisations/" + associationsOnly + "/associations").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("memberId", String.valueOf(this.nalas)).exchange()))
			.containsEntry("flashError", "network.members.notAnAssociation");
		assertThat(flash(this.mvc.post().uri("/organisations/" + associationsOnly + "/associations").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("memberId", String.valueOf(associationsOnly)).exchange()))
			.containsEntry("flashError", "network.members.notAnAssociation");
		assertThat(flash(this.mvc.post().uri("/organisations/" + associationsOnly + "/associations").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("memberId", "not-a-number").exchange()))
			.containsEntry("flashError", "network.members.unknownAssociation");
		assertThat(this.mvc.get().uri("/organisations/" + associationsOnly)).hasStatusOk().bodyText().contains("since 1 May 2019");
		assertThat(this.mvc.get().uri("/organisations/" + this.amla)).hasStatusOk().bodyText().contains("Member of");
		// Closing the door to associations while one is a member is refused.
		assertThat(this.mvc.post().uri("/organisations/" + associationsOnly + "/edit").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("name", "Associations only changed").param("kind", "THEMATIC").param("region", "150").param("admits", "MUNICIPALITIES")
			.param("version", "0")).hasStatusOk().bodyText().contains("already has members of the kind you want to exclude");

		long municipalitiesOnly = create("Municipalities only " + System.nanoTime(), "150", "MUNICIPALITIES");
		assertThat(flash(this.mvc.post().uri("/organisations/" + municipalitiesOnly + "/associations").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("memberId", String.valueOf(this.amla)).exchange()))
			.containsEntry("flashError", "network.members.associationsNotAdmitted");
		String tomorrow = LocalDate.now().plusDays(1).toString();
		assertThat(flash(this.mvc.post().uri("/organisations/" + municipalitiesOnly + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", String.valueOf(this.ghent)).param("since", tomorrow).exchange()))
			.containsEntry("flashError", "network.members.since.invalid");
		assertThat(flash(this.mvc.post().uri("/organisations/" + municipalitiesOnly + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", String.valueOf(this.ghent)).param("since", "yesterday").exchange()))
			.containsEntry("flashError", "network.members.since.invalid");
		assertThat(flash(this.mvc.post().uri("/organisations/" + municipalitiesOnly + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", String.valueOf(this.ghent)).param("since", "2021-03-04").exchange()))
			.containsEntry("flash", "network.invitations.sent");
		assertThat(flash(this.mvc.post().uri("/municipalities/" + this.ghent + "/networks/" + municipalitiesOnly + "/accept").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).exchange())).containsEntry("flash", "network.invitations.accepted");
		assertThat(flash(this.mvc.post().uri("/organisations/" + municipalitiesOnly + "/members").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("municipalityId", String.valueOf(this.ghent)).exchange()))
			.containsEntry("flashError", "network.members.already");
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent)).hasStatusOk().bodyText().contains("since 4 March 2021");
	}

	@Test
	void suggestionsFitRegionAndThemesLeaveOutJoinedNetworksAndSayWhy() {
		// Darkhan (Mongolia) seeks water and sanitation and offers agriculture.
		long asiaWater = create("Asian water utilities " + System.nanoTime(), "142", "MUNICIPALITIES", "WATER_SANITATION", "AGRICULTURE_RURAL");
		long europeWater = create("European water " + System.nanoTime(), "150", "MUNICIPALITIES", "WATER_SANITATION");
		long asiaTourism = create("Asian tourism " + System.nanoTime(), "142", "MUNICIPALITIES", "TOURISM");
		long asiaAssociations = create("Asian associations " + System.nanoTime(), "142", "ASSOCIATIONS", "WATER_SANITATION");
		long mongolia = create("Mongolian water " + System.nanoTime(), "MN", "MUNICIPALITIES", "WATER_SANITATION");
		var forDarkhan = this.suggestions.forMunicipality(this.darkhan);
		assertThat(forDarkhan).extracting(NetworkSuggestions.Suggestion::organisationId).contains(asiaWater, mongolia)
			.doesNotContain(europeWater, asiaTourism, asiaAssociations);
		NetworkSuggestions.Suggestion best = forDarkhan.stream().filter(s -> s.organisationId() == asiaWater).findFirst().orElseThrow();
		assertThat(best.soughtThemes()).containsExactly("WATER_SANITATION");
		assertThat(best.offeredThemes()).containsExactly("AGRICULTURE_RURAL");
		assertThat(forDarkhan.get(0).organisationId()).isEqualTo(asiaWater);
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan)).hasStatusOk().bodyText()
			.contains("id=\"network-suggestions-heading\"").contains("Works in Asia, which includes Mongolia.");
		assertThat(this.suggestions.forMunicipality(this.ghent)).extracting(NetworkSuggestions.Suggestion::organisationId)
			.doesNotContain(asiaWater, mongolia);

		assertThat(this.mvc.post().uri("/organisations/" + asiaWater + "/members").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("municipalityId", String.valueOf(this.darkhan))).hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri("/municipalities/" + this.darkhan + "/networks/" + asiaWater + "/accept").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus3xxRedirection();
		assertThat(this.suggestions.forMunicipality(this.darkhan)).extracting(NetworkSuggestions.Suggestion::organisationId)
			.doesNotContain(asiaWater).contains(mongolia);
		assertThat(this.suggestions.forMunicipality(99999999L)).isEmpty();
	}

	@Test
	void theDirectoryFiltersByNetworkInTheQueryString() {
		assertThat(this.mvc.get().uri("/municipalities?network=" + this.nalas + "&size=100")).hasStatusOk().bodyText()
			.contains(">Niš<").doesNotContain(">Darkhan<").contains("name=\"network\"")
			.contains("<label translate=\"no\"><input type=\"checkbox\" name=\"network\" value=\"" + this.nalas + "\" checked>NALAS</label>");
		assertThat(this.mvc.get().uri("/municipalities?network=" + this.nalas + "&network=" + this.amla + "&size=100")).hasStatusOk()
			.bodyText().contains(">Niš<").contains(">Darkhan<").doesNotContain(">Ghent<");
		assertThat(this.mvc.get().uri("/municipalities?network=abc&network=99999999&network=-1")).hasStatusOk().bodyText()
			.contains("There is no network number <bdi lang=\"\">abc</bdi>").contains("There is no network number 99999999");
		assertThat(this.mvc.get().uri("/municipalities?network=" + this.nalas + "&sort=name&size=1")).hasStatusOk().bodyText()
			.contains("network=" + this.nalas + "&amp;sort=name&amp;size=1&amp;page=2");
		assertThat(this.mvc.get().uri("/organisations/" + this.nalas)).hasStatusOk().bodyText()
			.contains("/municipalities?network=" + this.nalas);
	}
}
