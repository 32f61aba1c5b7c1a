package org.citybridge.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Localised names of countries and languages from the JDK's CLDR data, for templates
 * ({@code ${@names.country(code, #locale)}}); never hand-written tables.
 */
@Component("names")
public class DisplayNames {

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
