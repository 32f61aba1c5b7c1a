package org.citybridge.municipality;

import java.math.BigDecimal;
import java.util.List;

import org.citybridge.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.citybridge.municipality.profile.MunicipalityProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staff's upkeep of records on PostgreSQL: add, alternate names, merge. */
@IntegrationTest
class MunicipalityRecordsIT {

	@Autowired
	MunicipalityRecords records;

	@Autowired
	MunicipalitySearch search;

	@Autowired
	org.citybridge.municipality.profile.MunicipalityProfiles profiles;

	@Autowired
	MunicipalityDemoData demoData;

	@Autowired
	JdbcClient jdbc;

	long lastDemoId;

	@BeforeEach
	void demoData() {
		this.demoData.load();
		this.lastDemoId = this.jdbc.sql("SELECT max(id) FROM municipalities").query(Long.class).single();
	}

	@AfterEach
	void removeAddedPlaces() {
		this.jdbc.sql("DELETE FROM municipalities WHERE id > ?").param(this.lastDemoId).update();
	}

	@Test
	void addsAMunicipalityThatGeoNamesLacksAndFindsItInEitherScript() {
		long id = this.records.add(new NewMunicipality("Khan-Uul Testsoum", "Хан-Уул Тестсум", "Cyrl", "MN",
				MunicipalityKind.RURAL, 1200, new BigDecimal("47.9"), new BigDecimal("106.9")));
		assertThat(first("Хан-Уул Тестсум")).isEqualTo(id);
		assertThat(first("Han Ul Testsum")).isEqualTo(id);
	}

	@Test
	void refusesAMunicipalityTheSchemaRefuses() {
		assertThatThrownBy(() -> this.records.add(new NewMunicipality("Nowhere", null, null, "ZZ",
				MunicipalityKind.TOWN, null, null, null))).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.records.add(new NewMunicipality("Minus", null, null, "BE",
				MunicipalityKind.TOWN, -1, null, null))).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void makesAnAlternateNameSearchable() {
		long id = this.records.add(new NewMunicipality("Testhausen", null, null, "DE", MunicipalityKind.TOWN, 10, null,
				null));
		this.records.addAlternateName(id, "Quuxburg");
		this.records.addAlternateName(id, "Quuxburg");
		assertThat(first("Quuxburg")).isEqualTo(id);
		assertThat(this.profiles.profile(id).alternateNames()).containsExactly("Quuxburg");
	}

	@Test
	void mergesTwoRecordsOfTheSamePlace() {
		long kept = this.records.add(new NewMunicipality("Testmerge", null, null, "BE", MunicipalityKind.TOWN, null,
				null, null));
		long removed = this.records.add(new NewMunicipality("Testmerge-Ville", "Тестмерж", "Cyrl", "BE",
				MunicipalityKind.TOWN, 5000, new BigDecimal("50.1"), new BigDecimal("4.1")));
		this.jdbc.sql("INSERT INTO municipality_offered_themes VALUES (?, 'TOURISM')").param(removed).update();
		this.records.merge(kept, removed);

		MunicipalityProfile profile = this.profiles.profile(kept);
		assertThat(profile.alternateNames()).contains("Testmerge-Ville", "Тестмерж");
		assertThat(profile.population()).isEqualTo(5000);
		assertThat(profile.latitude()).isEqualByComparingTo("50.1");
		assertThat(profile.offeredThemes()).containsExactly("TOURISM");
		assertThat(first("Тестмерж")).isEqualTo(kept);
		assertThatThrownBy(() -> this.profiles.profile(removed)).isInstanceOf(MunicipalityNotFound.class);
	}

	@Test
	void refusesToMergeUnknownRecordsOrARecordIntoItself() {
		long kept = this.records.add(new NewMunicipality("Testalone", null, null, "BE", MunicipalityKind.TOWN, null,
				null, null));
		assertThatThrownBy(() -> this.records.merge(kept, 987654321L)).isInstanceOf(MunicipalityNotFound.class);
		assertThatThrownBy(() -> this.records.merge(kept, kept)).isInstanceOf(IllegalArgumentException.class);
		assertThat(this.profiles.profile(kept).name()).isEqualTo("Testalone");
	}

	private long first(String q) {
		List<MunicipalitySummary> found = this.search.page(DirectoryParams.query(q)).items();
		assertThat(found).as(q).isNotEmpty();
		return found.get(0).id();
	}
}
