package org.citybridge.agreement.imports;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** English country names and their variants, as public lists write them, to ISO codes. */
class CountryNamesTest {

	final CountryNames names = new CountryNames(Set.of("CN", "TW", "CZ", "MK", "TR", "GB", "US", "GE", "DE", "XK", "IE",
			"RS", "MN", "BE", "FR", "RE", "MQ", "CI", "BA"));

	@Test
	void mapsOfficialShortAndOldNamesToTheirCodes() {
		assertThat(this.names.codes("People's Republic of China")).containsExactly("CN");
		assertThat(this.names.codes("China")).containsExactly("CN");
		assertThat(this.names.codes("Taiwan")).containsExactly("TW");
		assertThat(this.names.codes("Czech Republic")).containsExactly("CZ");
		assertThat(this.names.codes("Czechia")).containsExactly("CZ");
		assertThat(this.names.codes("Republic of North Macedonia")).containsExactly("MK");
		assertThat(this.names.codes("North Macedonia")).containsExactly("MK");
		assertThat(this.names.codes("Türkiye")).containsExactly("TR");
		assertThat(this.names.codes("Turkey")).containsExactly("TR");
		assertThat(this.names.codes("UK")).containsExactly("GB");
		assertThat(this.names.codes("United States")).containsExactly("US");
		assertThat(this.names.codes("Kosovo")).containsExactly("XK");
		assertThat(this.names.codes("Republic of Ireland")).containsExactly("IE");
		assertThat(this.names.codes("Ivory Coast")).containsExactly("CI");
		assertThat(this.names.codes("Bosnia and Herzegovina")).containsExactly("BA");
	}

	@Test
	void readsQualifiedNamesPartByPart() {
		assertThat(this.names.codes("England, United Kingdom")).containsExactly("GB");
		assertThat(this.names.codes("Scotland")).containsExactly("GB");
		assertThat(this.names.codes("Lower Saxony, Germany")).containsExactly("DE");
		assertThat(this.names.codes("Georgia (country)")).containsExactly("GE");
		assertThat(this.names.codes("Réunion, France")).containsExactlyInAnyOrder("RE", "FR");
	}

	@Test
	void aCountryNamedAloneAlsoMeansItsOverseasPartsButATerritoryNamedStaysItself() {
		// La Possession, France is in Réunion; Saint-Joseph, Martinique, France is not the one in Réunion
		assertThat(this.names.codes("France")).containsExactly("FR", "RE", "MQ");
		assertThat(this.names.codes("Martinique, France")).containsExactlyInAnyOrder("MQ", "FR");
		assertThat(new CountryNames(Set.of("FI", "AX")).codes("Finland")).containsExactly("FI", "AX");
	}

	@Test
	void anAmbiguousNameGivesBothCountriesAndAnUnknownNameNone() {
		assertThat(this.names.codes("Georgia")).containsExactlyInAnyOrder("GE", "US");
		assertThat(this.names.codes("Atlantis")).isEmpty();
		assertThat(this.names.codes("")).isEmpty();
		assertThat(this.names.codes(null)).isEmpty();
	}
}
