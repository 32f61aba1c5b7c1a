package org.citybridge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Lists sorted by name follow the page language's alphabet (ICU, CLDR), not character codes. */
class CollationTest {

	final DisplayNames names = new DisplayNames();

	@Test
	void frenchSortsAccentedLettersWithTheirBaseLetter() {
		assertThat(List.of("Brunei", "Bulgarie", "Brésil", "Émirats arabes unis", "Espagne", "Zambie").stream()
			.sorted(DisplayNames.collation(Locale.FRENCH)).toList())
			.containsExactly("Brésil", "Brunei", "Bulgarie", "Émirats arabes unis", "Espagne", "Zambie");
	}

	@Test
	void mongolianSortsӨAfterОAndҮAfterУ() {
		assertThat(List.of("Өмнөд Солонгос", "Япон", "Орос", "Үндэстэн", "Улс", "Пакистан", "Ёс", "Англи").stream()
			.sorted(DisplayNames.collation(Locale.forLanguageTag("mn"))).toList())
			.containsExactly("Англи", "Ёс", "Орос", "Өмнөд Солонгос", "Пакистан", "Улс", "Үндэстэн", "Япон");
	}

	@Test
	void countryCodesSortByTheirNameInThePageLanguage() {
		List<String> codes = List.of("AE", "AD", "AF", "BR", "BN", "MN", "KR", "RU");
		assertThat(this.names.sortedCountries(codes, Locale.ENGLISH))
			.containsExactly("AF", "AD", "BR", "BN", "MN", "RU", "KR", "AE");
		assertThat(this.names.sortedCountries(codes, Locale.FRENCH).indexOf("BR"))
			.isLessThan(this.names.sortedCountries(codes, Locale.FRENCH).indexOf("BN"));
		List<String> mn = this.names.sortedCountries(codes, Locale.forLanguageTag("mn"));
		assertThat(mn.stream().map(c -> this.names.country(c, Locale.forLanguageTag("mn"))).toList())
			.isSortedAccordingTo(DisplayNames.collation(Locale.forLanguageTag("mn")));
		// "Өмнөд Солонгос" after "Орос", not after every other letter as in character-code order.
		List<String> more = this.names.sortedCountries(List.of("KR", "RU", "JP", "MN", "AF"), Locale.forLanguageTag("mn"));
		assertThat(more).containsExactly("AF", "MN", "RU", "KR", "JP");
	}

	@Test
	void databaseListsUseThePostgresIcuCollationOfThePageLanguage() {
		assertThat(DisplayNames.sqlCollation(Locale.forLanguageTag("mn"))).isEqualTo("mn-x-icu");
		assertThat(DisplayNames.sqlCollation(Locale.FRENCH)).isEqualTo("fr-x-icu");
		assertThat(DisplayNames.sqlCollation(Locale.ENGLISH)).isEqualTo("en-x-icu");
	}
}
