package org.citybridge.municipality;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Component;

/**
 * The choices the directory's filter form offers: countries sorted by their name in the visitor's
 * language, and the theme vocabulary. Reference data changes only with a migration, so it is read
 * once per language.
 */
@Component
class DirectoryOptions {

	/** A country in the filter list. */
	public record CountryOption(String code, String name) {
	}

	private final Countries countries;

	private final Themes themes;

	private final Map<Locale, List<CountryOption>> byLocale = new ConcurrentHashMap<>();

	private volatile List<String> themeCodes;

	DirectoryOptions(Countries countries, Themes themes) {
		this.countries = countries;
		this.themes = themes;
	}

	List<CountryOption> countries(Locale locale) {
		return this.byLocale.computeIfAbsent(locale, this::load);
	}

	List<String> themes() {
		if (this.themeCodes == null) {
			this.themeCodes = List.copyOf(this.themes.codes());
		}
		return this.themeCodes;
	}

	private List<CountryOption> load(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return this.countries.all()
			.stream()
			.map(Country::code)
			.map(code -> new CountryOption(code, name(code, locale)))
			.sorted(Comparator.comparing(CountryOption::name, collator))
			.toList();
	}

	private static String name(String code, Locale locale) {
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}
}
