package org.citybridge.country;

import java.util.List;
import java.util.Locale;

import org.citybridge.system.DisplayNames.NameIndex;

import org.springframework.stereotype.Component;

/**
 * Countries by their names: what a typed name means ("Mongolia", "Монгол", "Mongolie" or "MN"),
 * a country's name in a language, and every name in the page's language for a type-ahead
 * ({@code ${@countryChoices.names(#locale)}}). The countries are those of the reference table.
 */
@Component("countryChoices")
public class CountryChoices {

	private final Countries countries;

	private volatile NameIndex index;

	CountryChoices(Countries countries) {
		this.countries = countries;
	}

	public NameIndex.Match find(String typed) {
		return index().find(typed);
	}

	public String name(String code, Locale locale) {
		return index().name(code, locale);
	}

	public List<String> names(Locale locale) {
		return index().names(locale);
	}

	/** The index itself, for the names of a refusal's candidates. */
	public NameIndex index() {
		NameIndex current = this.index;
		if (current == null) {
			current = NameIndex.of(this.countries.all().stream().map(Country::code).toList(),
					(code, locale) -> new Locale("", code).getDisplayCountry(locale));
			this.index = current;
		}
		return current;
	}
}
