package org.citybridge.matchmaking;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.citybridge.country.CountryGroup;

/**
 * What the visitor narrowed the suggestions to, cleaned: unknown countries, groups and themes are
 * dropped, sizes that are not positive whole numbers are ignored, the page is clamped.
 */
public record SuggestionFilter(List<String> countries, List<String> groups, List<String> themes, Integer populationMin,
		Integer populationMax, boolean seekingOnly, boolean homeCountry, int page) {

	static final int PAGE_SIZE = 20;

	static final int MAX_PAGE = 10_000;

	static SuggestionFilter none() {
		return new SuggestionFilter(List.of(), List.of(), List.of(), null, null, false, false, 1);
	}

	static SuggestionFilter of(List<String> country, List<String> group, List<String> theme, String populationMin,
			String populationMax, String seeking, String home, String page, Set<String> knownCountries,
			Set<String> knownThemes) {
		List<String> countries = clean(country).stream().map(c -> c.toUpperCase(Locale.ROOT)).filter(knownCountries::contains)
			.distinct().sorted().toList();
		List<String> groups = clean(group).stream().map(g -> g.toUpperCase(Locale.ROOT))
			.filter(g -> java.util.Arrays.stream(CountryGroup.values()).anyMatch(v -> v.name().equals(g)))
			.distinct().sorted().toList();
		List<String> themes = clean(theme).stream().map(t -> t.toUpperCase(Locale.ROOT)).filter(knownThemes::contains)
			.distinct().sorted().toList();
		Integer min = positive(populationMin);
		Integer max = positive(populationMax);
		Integer p = positive(page);
		return new SuggestionFilter(countries, groups, themes, min, max, flag(seeking), flag(home),
				p == null ? 1 : Math.min(p, MAX_PAGE));
	}

	/** How many choices narrow the suggestions. */
	public int chosenCount() {
		return this.countries.size() + this.groups.size() + this.themes.size() + (this.populationMin != null ? 1 : 0)
				+ (this.populationMax != null ? 1 : 0) + (this.seekingOnly ? 1 : 0) + (this.homeCountry ? 1 : 0);
	}

	public boolean narrowed() {
		return !this.countries.isEmpty() || !this.groups.isEmpty() || !this.themes.isEmpty() || this.populationMin != null
				|| this.populationMax != null || this.seekingOnly || this.homeCountry;
	}

	SuggestionFilter page(int page) {
		return new SuggestionFilter(this.countries, this.groups, this.themes, this.populationMin, this.populationMax,
				this.seekingOnly, this.homeCountry, page);
	}

	int offset() {
		return (this.page - 1) * PAGE_SIZE;
	}

	private static List<String> clean(List<String> values) {
		return values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank() && v.length() <= 40).map(String::strip).toList();
	}

	private static boolean flag(String value) {
		return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
	}

	private static Integer positive(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long number = Long.parseLong(value.strip().replace("_", ""));
			return number > 0 ? (int) Math.min(number, Integer.MAX_VALUE) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
