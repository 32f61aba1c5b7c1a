package org.citybridge.system.translation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a reader sees of a text given in some languages, and what a form writes. */
class TranslationsTest {

	static final Locale MN = Locale.forLanguageTag("mn");

	static final Locale FR = Locale.FRENCH;

	Translations session() {
		return Translations.builder()
			.from("en", "{\"mn\": {\"title\": \"Нээлтийн хуралдаан\"}}")
			.put("title", "Opening plenary")
			.put("abstract", "Welcome.")
			.from("fr", "{}")
			.put("room", "name", "Salle des fêtes")
			.build();
	}

	@Test
	void aReaderSeesTheirLanguageElseTheOriginalMarkedWithItsOwn() {
		assertThat(session().pick("title", MN)).isEqualTo(new Translated("Нээлтийн хуралдаан", "mn", false));
		assertThat(session().pick("title", MN).foreign(MN)).isFalse();
		Translated french = session().pick("title", FR);
		assertThat(french).isEqualTo(new Translated("Opening plenary", "en", true));
		assertThat(french.foreign(FR)).isTrue();
		assertThat(session().pick("title", Locale.ENGLISH).foreign(Locale.ENGLISH)).isFalse();
		// A room named in French is French to a Mongolian reader, and not foreign to a French one.
		assertThat(session().pick("room", MN)).isEqualTo(new Translated("Salle des fêtes", "fr", true));
		assertThat(session().pick("room", FR).foreign(FR)).isFalse();
		// Another language than the portal's reads as English; a field without text is nothing.
		assertThat(session().pick("abstract", Locale.GERMAN).foreign(Locale.GERMAN)).isFalse();
		assertThat(session().pick("track", MN)).isNull();
	}

	@Test
	void aFormWritesOnlyWhatWasGivenInThePortalsLanguages() {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("mn.title", "  Нээлт \"1\"  ");
		texts.put("fr.title", " ");
		texts.put("fr.abstract", null);
		assertThat(Translations.json(texts)).isEqualTo("{\"mn\":{\"title\":\"Нээлт \\\"1\\\"\"}}");
		assertThat(Translations.builder().from("en", Translations.json(texts)).put("title", "Opening").build()
			.given("title", "mn")).isEqualTo("Нээлт \"1\"");
		assertThatThrownBy(() -> Translations.json(Map.of("de.title", "Eröffnung")))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
