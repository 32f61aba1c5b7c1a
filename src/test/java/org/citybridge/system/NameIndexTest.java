package org.citybridge.system;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameIndexTest {


	final DisplayNames.NameIndex languages = new DisplayNames().languages();

	final DisplayNames.NameIndex countries = DisplayNames.NameIndex.of(List.of(Locale.getISOCountries()),
			(code, locale) -> new Locale("", code).getDisplayCountry(locale));

	@Test
	void aLanguageIsFoundByItsNameInEachOfThePortalsLanguagesOrByItsCode() {
		for (String typed : List.of("russian", "Russian", "орос", "russe", "RU", " ru ")) {
			assertThat(this.languages.find(typed).code()).as(typed).isEqualTo("ru");
		}
		assertThat(this.languages.find("Français").code()).isEqualTo("fr");
		assertThat(this.languages.find("монгол").code()).isEqualTo("mn");
	}

	/** A session's languages, typed as free text in English, read in the page's language. */
	@Test
	void typedLanguagesAreNamedInThePagesLanguage() {
		DisplayNames names = new DisplayNames();
		assertThat(names.languagesNamed("English, Mongolian", Locale.forLanguageTag("mn"))).isEqualTo("англи, монгол");
		assertThat(names.languagesNamed("English / French", Locale.FRENCH)).isEqualTo("anglais, français");
		assertThat(names.languagesNamed("mn; en", Locale.ENGLISH)).isEqualTo("Mongolian, English");
		// Text that names no language exactly stays as typed (no guessing from a prefix).
		assertThat(names.languagesNamed("English, sign language", Locale.FRENCH)).isEqualTo("anglais, sign language");
		assertThat(names.languagesNamed(null, Locale.FRENCH)).isEmpty();
	}

	@Test
	void aCountryIsFoundWithoutAccentsOrCaseAndByTheStartOfItsName() {
		assertThat(this.countries.find("Mongolie").code()).isEqualTo("MN");
		assertThat(this.countries.find("Монгол").code()).isEqualTo("MN");
		assertThat(this.countries.find("etats-unis").code()).isEqualTo("US");
		assertThat(this.countries.find("Serb").code()).isEqualTo("RS");
		assertThat(this.countries.find("rs").code()).isEqualTo("RS");
	}

	@Test
	void aNameOfSeveralIsAmbiguousAndANameOfNoneUnknown() {
		DisplayNames.NameIndex.Match congo = this.countries.find("Congo");
		assertThat(congo.found()).isFalse();
		assertThat(congo.ambiguous()).isTrue();
		assertThat(congo.candidates()).containsExactlyInAnyOrder("CD", "CG");
		Refusal refusal = congo.refusal("field", "test.countries", this.countries, Locale.ENGLISH);
		assertThat(refusal.messageKey()).isEqualTo("test.countries.ambiguous");
		assertThat(refusal.arguments()).containsExactly(Text.typed("Congo"), "Congo - Brazzaville, Congo - Kinshasa");

		DisplayNames.NameIndex.Match atlantis = this.countries.find("Atlantis");
		assertThat(atlantis.found()).isFalse();
		assertThat(atlantis.ambiguous()).isFalse();
		assertThat(atlantis.refusal("field", "test.countries", this.countries, Locale.ENGLISH).messageKey())
			.isEqualTo("test.countries.unknown");
		assertThat(this.countries.find("  ").found()).isFalse();
	}

	@Test
	void theNamesOfATypeAheadAreInThePagesLanguageInItsOrder() {
		List<String> french = this.countries.names(Locale.FRENCH);
		assertThat(french).contains("Mongolie", "États-Unis");
		assertThat(french.indexOf("États-Unis")).isLessThan(french.indexOf("Mongolie"));
		assertThat(this.languages.names(Locale.forLanguageTag("mn"))).contains("орос");
	}
}
