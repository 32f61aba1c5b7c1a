package org.citybridge.matchmaking.searches;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citybridge.country.CountryGroup;

/**
 * A partner search as its author enters it. Numbers and dates are text, so that a value that is not
 * one is a message next to its field rather than a binding failure hiding the others. An edit carries
 * the version of the search it was opened at (a hidden field), so that a save over someone else's
 * change is refused rather than silently undoing it; a new search carries none.
 */
record SearchForm(
		@NotBlank(message = "{search.field.title.required}") @Size(max = 200, message = "{search.field.title.size}") String title,
		@NotBlank(message = "{search.field.idea.required}") @Size(max = 4000, message = "{search.field.idea.size}") String idea,
		List<String> themes, String instrument, String call,
		@NotBlank(message = "{search.field.partnersNeeded.range}")
		@Pattern(regexp = "^\\s*([1-9]|[1-3][0-9]|40)\\s*$", message = "{search.field.partnersNeeded.range}") String partnersNeeded,
		List<CountryGroup> groups,
		@Size(max = 100, message = "{search.field.languages.invalid}")
		@Pattern(regexp = "^\\s*([A-Za-z]{2,3}(\\s*,\\s*[A-Za-z]{2,3})*)?\\s*$", message = "{search.field.languages.invalid}") String languages,
		@NotBlank(message = "{search.field.expires.invalid}")
		@Pattern(regexp = "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$", message = "{search.field.expires.invalid}") String expires,
		@Size(max = 400, message = "{search.field.countries.tooMany}") String countries,
		Long version) {

	/** The most single countries a search names. */
	static final int MAX_COUNTRIES = 20;

	static SearchForm empty(String expires) {
		return new SearchForm("", "", List.of(), "", "", "3", List.of(), "en", expires, "", null);
	}

	/** The countries as typed (names in any of the portal's languages, or codes), separated by commas, without blanks or repeats. */
	List<String> countryNames() {
		if (this.countries == null || this.countries.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(this.countries.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
			.toList();
	}

	List<String> themeCodes() {
		return this.themes == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(this.themes.stream().filter(t -> t != null && !t.isBlank()).toList()));
	}

	List<CountryGroup> groupList() {
		return this.groups == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(this.groups.stream().filter(g -> g != null).toList()));
	}

	List<String> languageCodes() {
		if (this.languages == null || this.languages.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(this.languages.split(",")).map(String::strip).filter(s -> !s.isEmpty())
			.map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
	}

	int needed() {
		return Integer.parseInt(this.partnersNeeded.strip());
	}
}
