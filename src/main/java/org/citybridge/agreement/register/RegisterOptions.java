package org.citybridge.agreement.register;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;
import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.country.CountryGroup;
import org.citybridge.municipality.DirectoryOptions;
import org.citybridge.system.DisplayNames;
import org.citybridge.theme.Themes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The register's filter choices: country codes, theme codes and the country lists of the filter
 * form. Reference data changes only with a migration, so it is read once (once per language for
 * the names), and the option elements of the three country lists (some 750) are written here,
 * escaped, as the directory's are: rendering them through template expressions on every request
 * cost more than the register's own query.
 */
@Component
public class RegisterOptions {

	private record Option(String value, String label) {
	}

	private final Countries countries;

	private final Themes themes;

	private final MessageSource messages;

	private volatile List<String> countryCodes;

	private volatile Set<String> countryCodeSet;

	private volatile List<String> themeCodes;

	private volatile Set<String> themeCodeSet;

	private final Map<Locale, List<Option>> countryOptions = new ConcurrentHashMap<>();

	private final Map<Locale, List<Option>> groupOptions = new ConcurrentHashMap<>();

	/** The lists as most visits show them, nothing chosen, per language: written once, not per page. */
	private final Map<Locale, String> unchosenChecks = new ConcurrentHashMap<>();

	private final Map<Locale, String> unchosenPair = new ConcurrentHashMap<>();

	/** The smaller lists as written, per list, language and choice (themes, types and statuses only with nothing chosen). */
	private final Map<List<Object>, String> written = new ConcurrentHashMap<>();

	private final DisplayNames names;

	RegisterOptions(Countries countries, Themes themes, MessageSource messages, DisplayNames names) {
		this.countries = countries;
		this.themes = themes;
		this.messages = messages;
		this.names = names;
	}

	/** Every country code, in code order. */
	List<String> countryCodes() {
		List<String> codes = this.countryCodes;
		if (codes == null) {
			codes = List.copyOf(this.countries.all().stream().map(Country::code).toList());
			this.countryCodeSet = Set.copyOf(codes);
			this.countryCodes = codes;
		}
		return codes;
	}

	public Set<String> countryCodeSet() {
		countryCodes();
		return this.countryCodeSet;
	}

	/** Every theme code, in the vocabulary's order. */
	List<String> themeCodes() {
		List<String> codes = this.themeCodes;
		if (codes == null) {
			codes = List.copyOf(this.themes.codes());
			this.themeCodeSet = Set.copyOf(codes);
			this.themeCodes = codes;
		}
		return codes;
	}

	public Set<String> themeCodeSet() {
		themeCodes();
		return this.themeCodeSet;
	}

	/** The checkboxes of the country list (several may be chosen), in the order of the names in the page's language. */
	private String countryChecksHtml(Locale locale, Set<String> selected) {
		if (selected.isEmpty()) {
			return this.unchosenChecks.computeIfAbsent(locale, l -> countryChecks(l, Set.of()));
		}
		return countryChecks(locale, selected);
	}

	private String countryChecks(Locale locale, Set<String> selected) {
		return DirectoryOptions.checkboxesHtml("country",
				countries(locale).stream().map(o -> new DirectoryOptions.CountryOption(o.value(), o.label())).toList(),
				selected);
	}

	/**
	 * The filter form's lists, written and escaped, the query's choices ticked or selected: countries,
	 * the two sides of the pair, themes, types, statuses, "active in the last N years" and the orders.
	 */
	record Filters(String countryChecks, String pairAOptions, String pairBOptions, String themeChecks,
			String typeChecks, String statusChecks, String activeOptions, String sortOptions) {
	}

	/** The register filter form's lists for this query, in the page's language. */
	Filters filters(AgreementQuery query, Locale locale) {
		return new Filters(countryChecksHtml(locale, query.countries()), pairOptionsHtml(locale, query.pairA()),
				pairOptionsHtml(locale, query.pairB()), themeChecksHtml(locale, query.themes()),
				enumChecksHtml("type", "agreement.type.", AgreementType.values(), query.types(), locale),
				enumChecksHtml("status", "agreement.status.", AgreementStatus.values(), query.statuses(), locale),
				activeOptionsHtml(locale, query.activeYears()), sortOptionsHtml(locale, query.sort()));
	}

	/** The theme checkboxes in the order of their names in the page's language, the chosen ones ticked (and first). */
	private String themeChecksHtml(Locale locale, Set<String> selected) {
		if (selected.isEmpty()) {
			return this.written.computeIfAbsent(List.of("theme", locale), k -> themeChecks(locale, Set.of()));
		}
		return themeChecks(locale, selected);
	}

	private String themeChecks(Locale locale, Set<String> selected) {
		return DirectoryOptions.checkboxesHtml("theme", this.names.sortedByMessage(themeCodes(), "theme.", locale)
			.stream()
			.map(code -> new DirectoryOptions.CountryOption(code, this.messages.getMessage("theme." + code, null, code, locale)))
			.toList(), selected);
	}

	/**
	 * The checkboxes of a small vocabulary in its own order ({@code type}: the agreement types, {@code
	 * status}: the statuses), each labelled by its message ({@code prefix} + name), the chosen ones ticked.
	 */
	private <E extends Enum<E>> String enumChecksHtml(String name, String prefix, E[] values, Set<E> selected, Locale locale) {
		if (selected.isEmpty()) {
			return this.written.computeIfAbsent(List.of(name, locale), k -> enumChecks(name, prefix, values, Set.of(), locale));
		}
		return enumChecks(name, prefix, values, selected, locale);
	}

	private <E extends Enum<E>> String enumChecks(String name, String prefix, E[] values, Set<E> selected, Locale locale) {
		StringBuilder html = new StringBuilder(values.length * 110);
		for (E value : values) {
			html.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" value=\"")
				.append(value.name()).append(selected.contains(value) ? "\" checked> <span>" : "\"> <span>")
				.append(HtmlUtils.htmlEscape(this.messages.getMessage(prefix + value.name(), null, locale), "UTF-8"))
				.append("</span></label>");
		}
		return html.toString();
	}

	/** The options of "active in the last N years": any time, then each choice, the chosen one selected. */
	private String activeOptionsHtml(Locale locale, Integer selected) {
		return this.written.computeIfAbsent(Arrays.asList("active", locale, selected), k -> {
			StringBuilder html = new StringBuilder(300);
			option(html, "", this.messages.getMessage("agreement.filter.active.any", null, locale), false);
			for (Integer years : AgreementQuery.ACTIVE_YEARS) {
				option(html, years.toString(),
						this.messages.getMessage("agreement.filter.active.years", new Object[] { years }, locale),
						years.equals(selected));
			}
			return html.toString();
		});
	}

	/** The options of the register's orders, the chosen one selected. */
	private String sortOptionsHtml(Locale locale, AgreementQuery.Sort selected) {
		return this.written.computeIfAbsent(Arrays.asList("sort", locale, selected), k -> {
			StringBuilder html = new StringBuilder(300);
			for (AgreementQuery.Sort sort : AgreementQuery.Sort.values()) {
				option(html, sort.param(), this.messages.getMessage("agreement.sort." + sort.name(), null, locale),
						sort == selected);
			}
			return html.toString();
		});
	}

	private static void option(StringBuilder html, String value, String label, boolean selected) {
		html.append("<option value=\"").append(HtmlUtils.htmlEscape(value, "UTF-8"))
			.append(selected ? "\" selected=\"selected\">" : "\">")
			.append(HtmlUtils.htmlEscape(label, "UTF-8"))
			.append("</option>");
	}

	/**
	 * The {@code option} elements of one side of the country pair: "any", the country groups, then
	 * the countries; {@code selected} is a group name, a country code or null.
	 */
	private String pairOptionsHtml(Locale locale, String selected) {
		if (selected == null) {
			return this.unchosenPair.computeIfAbsent(locale, l -> pairOptions(l, null));
		}
		return pairOptions(locale, selected);
	}

	private String pairOptions(Locale locale, String selected) {
		Set<String> chosen = selected == null ? Set.of() : Set.of(selected);
		StringBuilder html = new StringBuilder(8_192);
		html.append("<option value=\"\">")
			.append(HtmlUtils.htmlEscape(this.messages.getMessage("agreement.filter.any", null, locale), "UTF-8"))
			.append("</option>");
		append(html, this.groupOptions.computeIfAbsent(locale, l -> java.util.Arrays.stream(CountryGroup.values())
			.map(g -> new Option(g.name(), this.messages.getMessage("municipality.filter.group." + g.name(), null, l)))
			.toList()), chosen);
		append(html, countries(locale), chosen);
		return html.toString();
	}

	private List<Option> countries(Locale locale) {
		return this.countryOptions.computeIfAbsent(locale,
				l -> countryCodes().stream().map(code -> new Option(code, name(code, l)))
					.sorted(java.util.Comparator.comparing(Option::label, DisplayNames.collation(l))).toList());
	}

	private static void append(StringBuilder html, List<Option> options, Set<String> selected) {
		for (Option option : options) {
			option(html, option.value(), option.label(), selected.contains(option.value()));
		}
	}

	/** As {@code DisplayNames.country}: the JDK's name in the language, else the code. */
	private static String name(String code, Locale locale) {
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}
}
