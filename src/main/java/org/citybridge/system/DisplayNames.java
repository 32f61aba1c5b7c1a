package org.citybridge.system;

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

	public String language(String code, Locale locale) {
		if (code == null) {
			return "";
		}
		String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
		return name.isBlank() ? code : name;
	}
}
