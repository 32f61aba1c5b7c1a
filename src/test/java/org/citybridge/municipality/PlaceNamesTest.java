package org.citybridge.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.citybridge.municipality.PlaceNames.Shown;
import org.citybridge.municipality.PlaceNames.Spellings;
import org.junit.jupiter.api.Test;

/** The one choice of a place's name in the reader's script, on real places of each kind. */
class PlaceNamesTest {

	static final Locale MN = Locale.forLanguageTag("mn");

	static final Spellings DARKHAN = new Spellings("Darkhan", "Дархан", "Cyrl", List.of("Darhan"), "MN");

	static final Spellings NIS = new Spellings("Niš", "Ниш", "Cyrl", List.of("Nis", "Nish"), "RS");

	static final Spellings DIMITROVGRAD = new Spellings("Dimitrovgrad", "Димитровград", "Cyrl", List.of(), "BG");

	static final Spellings GHENT = new Spellings("Ghent", "Gent", "Latn", List.of("Gand", "Гент"), "BE");

	static final Spellings KAPOSVAR = new Spellings("Kaposvár", "Kaposvár", "Latn", List.of("Kaposvar", "Капошвар"), "HU");

	static final Spellings ZEITZ = new Spellings("Zeitz", "Zeitz", "Latn", List.of(), "DE");

	@Test
	void mongolianPagesPutTheCyrillicNameFirstWithTheLatinOneMarkedBesideIt() {
		assertThat(PlaceNames.choose(DARKHAN, MN)).isEqualTo(new Shown("Дархан", null, "Darkhan", "mn-Latn"));
		assertThat(PlaceNames.choose(DARKHAN, MN).text()).isEqualTo("Дархан (Darkhan)");
		assertThat(PlaceNames.choose(NIS, MN)).isEqualTo(new Shown("Ниш", "sr", "Niš", "sr-Latn"));
		assertThat(PlaceNames.choose(DIMITROVGRAD, MN)).isEqualTo(new Shown("Димитровград", "bg", "Dimitrovgrad", "bg-Latn"));
	}

	@Test
	void foreignPlacesReadInTheirCyrillicAlternateNameOnMongolianPages() {
		assertThat(PlaceNames.choose(GHENT, MN)).isEqualTo(new Shown("Гент", null, "Ghent", "nl"));
		assertThat(PlaceNames.choose(KAPOSVAR, MN)).isEqualTo(new Shown("Капошвар", null, "Kaposvár", "hu"));
	}

	@Test
	void aRegionWithoutACyrillicNameKeepsItsLatinNameMarkedWithTheCountrysLanguageOnMongolianPagesOnly() {
		PlaceNames names = PlaceNames.withoutDatabase();
		assertThat(names.division("MN", "Darkhan-Uul", MN)).isEqualTo("Дархан-Уул");
		assertThat(names.divisionLang("MN", "Darkhan-Uul", MN)).isNull();
		assertThat(names.division("DE", "Saxony-Anhalt", MN)).isEqualTo("Saxony-Anhalt");
		assertThat(names.divisionLang("DE", "Saxony-Anhalt", MN)).isEqualTo("de");
		assertThat(names.divisionLang("DE", "Saxony-Anhalt", Locale.FRENCH)).isNull();
		assertThat(names.divisionLang("DE", null, MN)).isNull();
	}

	@Test
	void aRegionReadsInItsFrenchNameOnFrenchPagesAndInMongolianOnMongolianPages() {
		Spellings ulaanbaatar = new Spellings("Ulaanbaatar", "Улаанбаатар", "Cyrl", List.of("Oulan-Bator"), "MN", "Oulan-Bator");
		assertThat(PlaceNames.choose(ulaanbaatar, Locale.FRENCH)).isEqualTo(new Shown("Oulan-Bator", null, "Улаанбаатар", "mn"));
		assertThat(PlaceNames.choose(ulaanbaatar, Locale.ENGLISH)).isEqualTo(new Shown("Ulaanbaatar", null, "Улаанбаатар", "mn"));
		assertThat(PlaceNames.choose(ulaanbaatar, MN)).isEqualTo(new Shown("Улаанбаатар", null, "Ulaanbaatar", "mn-Latn"));
	}

	@Test
	void aPlaceWithoutACyrillicNameKeepsItsLatinNameAloneMarkedWithItsLanguage() {
		assertThat(PlaceNames.choose(ZEITZ, MN)).isEqualTo(new Shown("Zeitz", "de", null, null));
	}

	@Test
	void englishAndFrenchPagesPutTheLatinNameFirstWithTheNativeOneBeside() {
		assertThat(PlaceNames.choose(DARKHAN, Locale.ENGLISH)).isEqualTo(new Shown("Darkhan", null, "Дархан", "mn"));
		assertThat(PlaceNames.choose(NIS, Locale.FRENCH)).isEqualTo(new Shown("Niš", null, "Ниш", "sr"));
		assertThat(PlaceNames.choose(GHENT, Locale.FRENCH)).isEqualTo(new Shown("Ghent", null, "Gent", "nl"));
		assertThat(PlaceNames.choose(KAPOSVAR, Locale.ENGLISH)).isEqualTo(new Shown("Kaposvár", null, null, null));
	}

	@Test
	void amongSeveralCyrillicNamesTheRussianAndMongolianRenderingWins() {
		Spellings sarajevo = new Spellings("Sarajevo", "Sarajevo", "Latn", List.of("Сарајево", "Сараево"), "BA");
		assertThat(PlaceNames.cyrillic(sarajevo)).isEqualTo("Сараево");
		Spellings brussels = new Spellings("Brussels", "Bruxelles", "Latn", List.of("Brussel", "Брисел", "Брюссель"), "BE");
		assertThat(PlaceNames.cyrillic(brussels)).isEqualTo("Брюссель");
	}

	@Test
	void cyrillicMeansCyrillicLettersAndNoLatinOnes() {
		assertThat(PlaceNames.isCyrillic("Баян-Өлгий")).isTrue();
		assertThat(PlaceNames.isCyrillic("Ölgii")).isFalse();
		assertThat(PlaceNames.isCyrillic("Ниш Nis")).isFalse();
		assertThat(PlaceNames.isCyrillic("123")).isFalse();
	}
}
