package org.citybridge.municipality.records;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Staff add municipalities GeoNames lacks, give alternate names and merge duplicates; nobody else may. */
class MunicipalityUpkeepIT extends DemoDataIntegrationTest {

	@Test
	void staffAddAMunicipalityThatIsThenFoundByBothItsNames() {
		assertThat(this.mvc.post().uri("/municipalities/new").with(as(AccountTestSupport.STAFF_NALAS)).with(csrf())
			.param("name", "Bayanzürkh Test").param("nativeName", "Баянзүрх Тест").param("country", "MN").param("kind", "RURAL")
			.param("population", "1200").param("latitude", "47.9").param("longitude", "107.1"))
			.hasStatus3xxRedirection();
		Long id = this.jdbc.sql("SELECT id FROM municipalities WHERE name = 'Bayanzürkh Test'").query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT native_script FROM municipalities WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Cyrl");
		assertThat(this.mvc.get().uri("/municipalities?q=Баянзүрх тест")).hasStatusOk().bodyText().contains("Bayanzürkh Test");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'municipality' AND entity_id = ? AND action = 'CREATE'")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anInvalidNewMunicipalityComesBackWithTheValuesAndAMessageNextToEachField() {
		long before = count();
		assertThat(this.mvc.post().uri("/municipalities/new").with(as(AccountTestSupport.ADMIN)).with(csrf())
			.param("name", " ").param("country", "ZZ").param("kind", "DISTRICT").param("population", "-4")
			.param("latitude", "123").param("longitude", "abc").param("nativeName", "Kept <b>value</b>"))
			.hasStatusOk()
			.bodyText()
			.contains("Error: Add a municipality")
			.contains("Enter the name of the municipality.")
			.contains("Choose the country from the list.")
			.contains("Choose the kind of municipality from the list.")
			.contains("Enter the population as a whole number above zero")
			.contains("Enter a latitude between -90 and 90")
			.contains("Kept &lt;b&gt;value&lt;/b&gt;");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void officersAndVisitorsCannotAddRenameOrMerge() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		long before = count();
		assertThat(this.mvc.get().uri("/municipalities/new").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/new").with(as(AccountTestSupport.OFFICER_DARKHAN)).with(csrf())
			.param("name", "Sneaky").param("country", "MN").param("kind", "TOWN")).hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/names").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.with(csrf()).param("name", "Sneaky")).hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/names").with(csrf()).param("name", "Sneaky"))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/merge").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.with(csrf()).param("removed", "1")).hasStatus(403);
		assertThat(count()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM municipalities WHERE 'Sneaky' = ANY (alternate_names)").query(Long.class).single())
			.isZero();
	}

	@Test
	void anAlternateNameMakesTheMunicipalitySearchable() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		assertThat(this.mvc.get().uri("/municipalities?q=Darchan-Ul-Test")).bodyText().doesNotContain("/municipalities/" + darkhan + "\"");
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/names").with(as(AccountTestSupport.ADMIN))
			.with(csrf()).param("name", "Darchan-Ul-Test")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/municipalities?q=darchan ul test")).bodyText().contains("/municipalities/" + darkhan + "\"");
		assertThat(this.mvc.get().uri("/municipalities/" + darkhan + "/records").with(as(AccountTestSupport.ADMIN)))
			.hasStatusOk().bodyText().contains("Darchan-Ul-Test");
	}

	@Test
	void aBlankAlternateNameIsRefusedNextToTheField() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/names").with(as(AccountTestSupport.ADMIN))
			.with(csrf()).param("name", "   ")).hasStatusOk().bodyText().contains("Enter the alternate name.");
	}

	@Test
	void mergingMovesNamesMembershipsAndOfficersAndRemovesTheDuplicate() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		long duplicate = this.jdbc.sql("""
				INSERT INTO municipalities (name, native_name, native_script, country_code, kind, population)
				VALUES ('Darkhan Duplicate', 'Дархан хот', 'Cyrl', 'MN', 'REGIONAL_CENTRE', 80000) RETURNING id
				""").query(Long.class).single();
		long nalas = this.jdbc.sql("SELECT id FROM organisations WHERE short_name = 'NALAS'").query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT count(*) FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?")
			.params(nalas, darkhan).query(Long.class).single()).as("Darkhan is not a NALAS member in the demo data").isZero();
		this.jdbc.sql("INSERT INTO organisation_members (organisation_id, municipality_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(nalas, duplicate).update();
		this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, role, municipality_id)
				VALUES ('officer.duplicate@citybridge.example', 'Duplicate officer', 'OFFICER', ?)
				""").param(duplicate).update();

		assertThat(this.mvc.get().uri("/municipalities/" + darkhan + "/records?q=Darkhan Duplicate&merge=" + duplicate)
			.with(as(AccountTestSupport.ADMIN)))
			.hasStatusOk().bodyText().contains("Merge Darkhan Duplicate into Darkhan");
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/merge").with(as(AccountTestSupport.ADMIN))
			.with(csrf()).param("removed", String.valueOf(duplicate))).hasStatus3xxRedirection();

		assertThat(this.jdbc.sql("SELECT count(*) FROM municipalities WHERE id = ?").param(duplicate).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT municipality_id FROM accounts WHERE email = 'officer.duplicate@citybridge.example'")
			.query(Long.class).single()).isEqualTo(darkhan);
		assertThat(this.jdbc.sql("SELECT count(*) FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?")
			.params(nalas, darkhan).query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT alternate_names FROM municipalities WHERE id = ?").param(darkhan)
			.query((rs, n) -> java.util.List.of((String[]) rs.getArray(1).getArray())).single())
			.contains("Darkhan Duplicate", "Дархан хот");

		// Other tests share this database and its demo data: leave Darkhan as it was.
		this.jdbc.sql("DELETE FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?").params(nalas, darkhan).update();
		this.jdbc.sql("DELETE FROM accounts WHERE email = 'officer.duplicate@citybridge.example'").update();
	}

	@Test
	void malformedIdsAreNotFoundNotErrors() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/merge").with(as(AccountTestSupport.ADMIN))
			.with(csrf()).param("removed", "x'; DROP TABLE municipalities")).hasStatus(404);
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/merge").with(as(AccountTestSupport.ADMIN))
			.with(csrf()).param("removed", "999999999")).hasStatus(404);
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/merge").with(as(AccountTestSupport.ADMIN))
			.with(csrf()).param("removed", String.valueOf(darkhan))).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/municipalities/abc/records").with(as(AccountTestSupport.ADMIN))).hasStatus(404);
		assertThat(this.mvc.get().uri("/municipalities/" + darkhan + "/records?merge=zz&q=" + "x".repeat(5000))
			.with(as(AccountTestSupport.ADMIN))).hasStatusOk();
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM municipalities").query(Long.class).single();
	}
}
