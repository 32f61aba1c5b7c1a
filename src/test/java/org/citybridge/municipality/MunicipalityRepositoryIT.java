package org.citybridge.municipality;

import org.citybridge.system.ResultPage;

import java.util.function.Consumer;

import org.citybridge.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.citybridge.municipality.profile.MunicipalityProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.CHOIBALSAN;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.MORON;
import static org.citybridge.DemoPlaces.ULAANBAATAR;

/** The schema refuses rows that cannot be true, and the demo data loads once. */
@IntegrationTest
class MunicipalityRepositoryIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MunicipalityRepository repository;

	@Autowired
	MunicipalityDemoData demoData;

	@Autowired
	MunicipalitySearch search;

	@Autowired
	org.citybridge.municipality.profile.MunicipalityProfiles profiles;

	@BeforeEach
	void demoData() {
		this.demoData.load();
	}

	@Test
	void loadingTheDemoDataTwiceAddsNothingTheSecondTime() {
		long before = this.search.count();
		assertThat(this.demoData.load()).isZero();
		assertThat(this.search.count()).isEqualTo(before).isGreaterThanOrEqualTo(40);
		assertThat(this.jdbc.sql("SELECT count(*) FROM municipality_offered_themes").query(Long.class).single())
			.isEqualTo(this.jdbc.sql("SELECT count(*) FROM (SELECT DISTINCT * FROM municipality_offered_themes) t")
				.query(Long.class)
				.single());
	}

	@Test
	void demoDataKeepsGeoNamesSpellingsAndShowsUnknownForAWrongPopulation() {
		long choibalsan = idOf(CHOIBALSAN);
		MunicipalityProfile profile = this.profiles.profile(choibalsan);
		assertThat(profile.population()).as("GeoNames says 23").isNull();
		assertThat(profile.nativeName()).isEqualTo("Чойбалсан");

		MunicipalityProfile moron = this.profiles.profile(idOf(MORON));
		assertThat(moron.name()).isEqualTo("Mörön");
		assertThat(moron.geonamesName()).isEqualTo("Murun-kuren");

		MunicipalityProfile darkhan = this.profiles.profile(idOf(DARKHAN));
		assertThat(darkhan.geonamesName()).isEqualTo("Darhan");
		assertThat(darkhan.offeredThemes()).isNotEmpty();
	}

	@Test
	void findsCitiesWhateverTheCaseAccentsOrScript() {
		assertThat(names("nis")).contains("Niš");
		assertThat(names("SABAC")).contains("Šabac");
		assertThat(names("Дархан")).contains("Darkhan");
		assertThat(names("Ulan Bator")).first().isEqualTo("Ulaanbaatar");
		assertThat(names("Улаанбаатар")).first().isEqualTo("Ulaanbaatar");
		assertThat(names("100%_")).isEmpty();
	}

	@Test
	void clampsPagesOutOfRange() {
		ResultPage<MunicipalitySummary> first = this.search.page(page("-5"));
		assertThat(first.page()).isEqualTo(1);
		assertThat(first.items()).hasSize(DirectoryQuery.DEFAULT_SIZE);
		ResultPage<MunicipalitySummary> last = this.search.page(page(String.valueOf(Integer.MAX_VALUE)));
		assertThat(last.page()).isEqualTo(last.totalPages());
		assertThat(last.items()).isNotEmpty();
	}

	@Test
	void refusesAPopulationOfZero() {
		assertRefused("municipalities_population_ck", "population = 0");
	}

	@Test
	void refusesCoordinatesOffTheGlobe() {
		assertRefused("municipalities_latitude_ck", "latitude = 91, longitude = 0");
		assertRefused("municipalities_longitude_ck", "latitude = 0, longitude = -181");
		assertRefused("municipalities_coordinates_ck", "latitude = 10, longitude = NULL");
	}

	@Test
	void refusesAnUnknownKindACountryThatDoesNotExistAndAWebsiteThatIsNotALink() {
		assertRefused("municipalities_kind_ck", "kind = 'VILLAGE'");
		assertRefused("municipalities_country_code_fkey", "country_code = 'QQ'");
		assertRefused("municipalities_website_ck", "website = 'javascript:alert(1)'");
		assertRefused("municipalities_name_ck", "name = '   '");
		assertRefused("municipalities_languages_ck", "working_languages = ARRAY['English']");
	}

	@Test
	void refusesTheSameGeoNamesIdTwice() {
		assertThatThrownBy(() -> this.jdbc
			.sql("INSERT INTO municipalities (name, country_code, kind, geonames_id) VALUES ('Copy', 'MN', 'TOWN', 2028462)")
			.update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("municipalities_geonames_id_uk");
	}

	@Test
	void refusesAThemeOutsideTheVocabulary() {
		long id = idOf(ULAANBAATAR);
		assertThatThrownBy(() -> this.jdbc
			.sql("INSERT INTO municipality_sought_themes (municipality_id, theme_code) VALUES (?, 'ASTROLOGY')")
			.param(id)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void savesAndValidatesThroughTheEntityMapping() {
		Municipality town = new Municipality("Testville", "BE", MunicipalityKind.TOWN);
		town.setPopulation(0);
		Municipality saved = this.repository.saveAndFlush(town);
		try {
			assertThat(saved.getPopulation()).isNull();
			assertThat(saved.getVersion()).isZero();
			assertThat(this.repository.findWithThemesById(saved.getId())).isPresent();
		}
		finally {
			this.repository.delete(saved);
		}
	}

	private java.util.List<String> names(String query) {
		return this.search.page(DirectoryParams.query(query)).items().stream()
			.map(MunicipalitySummary::name).toList();
	}

	private static DirectoryParams page(String page) {
		return new DirectoryParams(null, null, null, null, null, null, null, null, null, null, page, null);
	}

	private long idOf(long geonamesId) {
		return this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?").param(geonamesId)
			.query(Long.class)
			.single();
	}

	private void assertRefused(String constraint, String assignment) {
		Consumer<String> insert = sql -> this.jdbc.sql(sql).update();
		assertThatThrownBy(() -> insert.accept("UPDATE municipalities SET " + assignment
				+ " WHERE id = (SELECT min(id) FROM municipalities)"))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining(constraint);
	}
}
