package org.citybridge.municipality;

import org.citybridge.system.DisplayNames;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.util.Set;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.theme.Themes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The choices the directory's filter form offers: countries sorted by their name in the visitor's
 * language, and the theme vocabulary. Reference data changes only with a migration, so it is read
 * once per language; the option elements are written here, escaped, because rendering some 290 of
 * them through template expressions on every request cost more than the search itself.
 */
@Component
public class DirectoryOptions {

	/** A choice in a filter list: its code and its name in the visitor's language. */
	public record CountryOption(String code, String name) {
	}

	private final Countries countries;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final Themes themes;

	private final MessageSource messages;

	private final Map<Locale, List<CountryOption>> byLocale = new ConcurrentHashMap<>();

	private final Map<Locale, List<CountryOption>> themesByLocale = new ConcurrentHashMap<>();

	private volatile List<String> themeCodes;

	DirectoryOptions(Countries countries, Themes themes, MessageSource messages,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.countries = countries;
		this.jdbc = jdbc;
		this.themes = themes;
		this.messages = messages;
	}

	private volatile Set<String> countryCodes;

	/** Every country code the directory knows. */
	public Set<String> countryCodes() {
		if (this.countryCodes == null) {
			this.countryCodes = Set.copyOf(this.countries.all().stream().map(Country::code).toList());
		}
		return this.countryCodes;
	}

	/**
	 * The networks to filter by, read from the network feature's table (read-only, as DESIGN.md
	 * lets read models do). Staff add networks at any time, so these are read on every request:
	 * a few dozen rows.
	 */
	List<CountryOption> networks() {
		return this.jdbc.sql("SELECT id, coalesce(short_name, name) FROM organisations ORDER BY coalesce(short_name, name) COLLATE \"en-x-icu\", id")
			.query((rs, n) -> new CountryOption(String.valueOf(rs.getLong(1)), rs.getString(2)))
			.list();
	}

	Set<Long> networkIds() {
		return Set.copyOf(this.jdbc.sql("SELECT id FROM organisations").query(Long.class).list());
	}

	/** The country {@code option} elements, the chosen ones selected. */
	public String countryOptionsHtml(Locale locale, Set<String> selected) {
		return optionsHtml(countries(locale), selected);
	}

	private List<CountryOption> themeOptions(Locale locale) {
		return this.themesByLocale.computeIfAbsent(locale, l -> themes().stream()
			.map(code -> new CountryOption(code, this.messages.getMessage("theme." + code, null, code, l)))
			.toList());
	}

	/** The country checkboxes named {@code country}, the chosen ones ticked (and listed first). */
	public String countryChecksHtml(Locale locale, Set<String> selected) {
		return checkboxesHtml("country", countries(locale), selected);
	}

	/** The theme checkboxes named {@code name}, named in the visitor's language, the chosen ones ticked. */
	public String themeChecksHtml(Locale locale, String name, Set<String> selected) {
		return checkboxesHtml(name, themeOptions(locale), selected);
	}

	/** The network checkboxes, the chosen ones ticked. */
	public String networkChecksHtml(Set<Long> selected) {
		// Networks' names are proper names (Eurocities, Energy Cities): marked so, not read as the page's language.
		return checkboxesHtml("network", networks(),
				selected.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()), true);
	}

	/**
	 * A long list of choices as checkboxes rather than a multiple select (which wants Ctrl or Cmd and
	 * is all but unusable on a phone): the chosen ones first, so that they are seen without scrolling.
	 */
	public static String checkboxesHtml(String name, List<CountryOption> options, Set<String> selected) {
		return checkboxesHtml(name, options, selected, false);
	}

	/** As above; {@code properNames}: each label is a proper name, marked {@code translate="no"}. */
	static String checkboxesHtml(String name, List<CountryOption> options, Set<String> selected, boolean properNames) {
		String label = properNames ? "<label translate=\"no\">" : "<label>";
		StringBuilder html = new StringBuilder(options.size() * 90);
		for (boolean chosen : new boolean[] { true, false }) {
			for (CountryOption option : options) {
				if (selected.contains(option.code()) == chosen) {
					html.append(label).append("<input type=\"checkbox\" name=\"").append(name).append("\" value=\"")
						.append(HtmlUtils.htmlEscape(option.code())).append(chosen ? "\" checked>" : "\">")
						.append(HtmlUtils.htmlEscape(option.name())).append("</label>");
				}
			}
		}
		return html.toString();
	}

	static String optionsHtml(List<CountryOption> options, Set<String> selected) {
		StringBuilder html = new StringBuilder(options.size() * 40);
		for (CountryOption option : options) {
			html.append("<option value=\"").append(HtmlUtils.htmlEscape(option.code())).append('"');
			if (selected.contains(option.code())) {
				html.append(" selected");
			}
			html.append('>').append(HtmlUtils.htmlEscape(option.name())).append("</option>");
		}
		return html.toString();
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
		return this.countries.all()
			.stream()
			.map(Country::code)
			.map(code -> new CountryOption(code, name(code, locale)))
			.sorted(Comparator.comparing(CountryOption::name, DisplayNames.collation(locale)))
			.toList();
	}

	private static String name(String code, Locale locale) {
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}
}
