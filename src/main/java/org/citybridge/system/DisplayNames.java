package org.citybridge.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Localised names of countries and languages from the JDK's CLDR data, for templates
 * ({@code ${@names.country(code, #locale)}}); never hand-written tables.
 */
@Component("names")
public class DisplayNames {

	/** The ISO 639-1 languages that CLDR names, for forms that ask for a language by its name. */
	private static final NameIndex LANGUAGES = NameIndex.of(
			Arrays.stream(Locale.getISOLanguages())
				.filter(code -> !Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equals(code))
				.toList(),
			(code, locale) -> Locale.forLanguageTag(code).getDisplayLanguage(locale));

	/** Languages by name in any of the portal's languages, or by code. */
	public NameIndex languages() {
		return LANGUAGES;
	}

	/** Every language's name in the page's language, in its order: a type-ahead's choices. */
	public List<String> languageNames(Locale locale) {
		return LANGUAGES.names(locale);
	}

	public String country(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}

	/**
	 * A moment as an HTML {@code datetime} value: ISO 8601 in UTC to the second, since HTML allows at
	 * most three fraction digits and PostgreSQL keeps six.
	 */
	public String isoSeconds(Instant at) {
		return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	public String language(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
		return name.isBlank() ? code : name;
	}
}
