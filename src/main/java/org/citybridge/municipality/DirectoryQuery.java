package org.citybridge.municipality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.citybridge.country.CountryGroup;

/**
 * A checked directory search: the name typed, the filters, the order and the page. What the
 * visitor sent that cannot be used is dropped and named in {@link #problems()}, so the page shows
 * a message instead of failing; page and size out of range are clamped silently.
 */
public record DirectoryQuery(String text, Set<String> countries, Set<CountryGroup> groups, Integer populationMin,
		Integer populationMax, Set<MunicipalityKind> kinds, Set<String> offers, Set<String> seeks,
		boolean seekingOnly, Sort sort, int page, int size, List<Problem> problems, Set<Long> networks,
		Set<Long> regions) {

	/** A query without a region filter (the municipalities inside a first-level division, by its id). */
	public DirectoryQuery(String text, Set<String> countries, Set<CountryGroup> groups, Integer populationMin,
			Integer populationMax, Set<MunicipalityKind> kinds, Set<String> offers, Set<String> seeks,
			boolean seekingOnly, Sort sort, int page, int size, List<Problem> problems, Set<Long> networks) {
		this(text, countries, groups, populationMin, populationMax, kinds, offers, seeks, seekingOnly, sort, page, size,
				problems, networks, Set.of());
	}

	/** A query without a network filter. */
	public DirectoryQuery(String text, Set<String> countries, Set<CountryGroup> groups, Integer populationMin,
			Integer populationMax, Set<MunicipalityKind> kinds, Set<String> offers, Set<String> seeks,
			boolean seekingOnly, Sort sort, int page, int size, List<Problem> problems) {
		this(text, countries, groups, populationMin, populationMax, kinds, offers, seeks, seekingOnly, sort, page, size,
				problems, Set.of());
	}

	public static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	static final int MAX_QUERY_LENGTH = 200;

	/** How many values one filter may list; more is not a search anyone types. */
	static final int MAX_VALUES = 50;

	/** The orders a visitor can choose. */
	public enum Sort {
		RELEVANCE, NAME, POPULATION;

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Something in the query string that was ignored: a message key and the offending value. */
	public record Problem(String key, String value) {
	}

	public static DirectoryQuery of(DirectoryParams p, Set<String> knownCountries, Set<String> knownThemes) {
		return of(p, knownCountries, knownThemes, null);
	}

	/**
	 * Checks the query string; {@code knownNetworks} are the network ids that exist ({@code null}:
	 * any positive id is taken as it is).
	 */
	public static DirectoryQuery of(DirectoryParams p, Set<String> knownCountries, Set<String> knownThemes, Set<Long> knownNetworks) {
		List<Problem> problems = new ArrayList<>();
		String text = p.q() == null ? "" : p.q().strip().replaceAll("\\s+", " ");
		if (text.length() > MAX_QUERY_LENGTH) {
			text = text.substring(0, MAX_QUERY_LENGTH);
			problems.add(new Problem("municipality.filter.problem.queryTooLong", String.valueOf(MAX_QUERY_LENGTH)));
		}
		Set<String> countries = new LinkedHashSet<>();
		for (String code : values(p.country())) {
			String c = code.toUpperCase(Locale.ROOT);
			if (knownCountries.contains(c)) {
				countries.add(c);
			}
			else {
				problems.add(new Problem("municipality.filter.problem.country", code));
			}
		}
		Set<CountryGroup> groups = new LinkedHashSet<>();
		for (String value : values(p.group())) {
			try {
				groups.add(CountryGroup.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("municipality.filter.problem.group", value));
			}
		}
		Integer min = population(p.populationMin(), "municipality.filter.problem.populationMin", problems);
		Integer max = population(p.populationMax(), "municipality.filter.problem.populationMax", problems);
		if (min != null && max != null && min > max) {
			problems.add(new Problem("municipality.filter.problem.populationRange", min + " > " + max));
			min = null;
			max = null;
		}
		Set<MunicipalityKind> kinds = new LinkedHashSet<>();
		for (String value : values(p.kind())) {
			try {
				kinds.add(MunicipalityKind.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("municipality.filter.problem.kind", value));
			}
		}
		Set<String> offers = themes(p.offers(), knownThemes, problems);
		Set<String> seeks = themes(p.seeks(), knownThemes, problems);
		String seeking = strip(p.seeking());
		boolean seekingOnly = seeking != null && Set.of("1", "true", "on", "yes").contains(seeking.toLowerCase(Locale.ROOT));
		Sort sort = text.isEmpty() ? Sort.POPULATION : Sort.RELEVANCE;
		if (p.sort() != null && !p.sort().isBlank()) {
			try {
				sort = Sort.valueOf(p.sort().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("municipality.filter.problem.sort", p.sort()));
			}
		}
		if (sort == Sort.RELEVANCE && text.isEmpty()) {
			sort = Sort.POPULATION;
		}
		Set<Long> networks = new LinkedHashSet<>();
		for (String value : values(p.network())) {
			Long id = null;
			if (value.matches("\\d{1,18}")) {
				id = Long.parseLong(value);
			}
			if (id != null && id > 0 && (knownNetworks == null || knownNetworks.contains(id))) {
				networks.add(id);
			}
			else {
				problems.add(new Problem("network.filter.problem", value));
			}
		}
		Set<Long> regions = new LinkedHashSet<>();
		for (String value : values(p.region())) {
			if (value.matches("\\d{1,18}") && Long.parseLong(value) > 0) {
				regions.add(Long.parseLong(value));
			}
			else {
				problems.add(new Problem("region.filter.problem", value));
			}
		}
		int page = Math.max(1, integer(p.page(), 1));
		int size = Math.min(MAX_SIZE, Math.max(1, integer(p.size(), DEFAULT_SIZE)));
		return new DirectoryQuery(text, Set.copyOf(countries), Set.copyOf(groups), min, max, Set.copyOf(kinds),
				Set.copyOf(offers), Set.copyOf(seeks), seekingOnly, sort, page, size, List.copyOf(problems),
				Set.copyOf(networks), Set.copyOf(regions));
	}

	/** Whether any filter besides the name narrows the list (for the "clear filters" link). */
	/** How many choices narrow the list: each country, group, kind, theme and network, and each other filter set. */
	public int chosenCount() {
		return this.countries.size() + this.groups.size() + this.kinds.size() + this.offers.size() + this.seeks.size()
				+ this.networks.size() + this.regions.size() + (this.populationMin != null ? 1 : 0) + (this.populationMax != null ? 1 : 0)
				+ (this.seekingOnly ? 1 : 0);
	}

	public boolean filtered() {
		return !this.countries.isEmpty() || !this.groups.isEmpty() || this.populationMin != null
				|| this.populationMax != null || !this.kinds.isEmpty() || !this.offers.isEmpty()
				|| !this.seeks.isEmpty() || this.seekingOnly || !this.networks.isEmpty()
				|| !this.regions.isEmpty();
	}

	public DirectoryQuery atPage(int newPage) {
		return new DirectoryQuery(this.text, this.countries, this.groups, this.populationMin, this.populationMax,
				this.kinds, this.offers, this.seeks, this.seekingOnly, this.sort, newPage, this.size, this.problems,
				this.networks, this.regions);
	}

	private static Integer population(String raw, String key, List<Problem> problems) {
		String value = strip(raw);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			int n = Integer.parseInt(value.replace("_", "").replace(" ", "").replace("\u202f", "").replace("\u00a0", ""));
			if (n >= 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new Problem(key, value.length() > 40 ? value.substring(0, 40) + "…" : value));
		return null;
	}

	private static Set<String> themes(List<String> raw, Set<String> known, List<Problem> problems) {
		Set<String> themes = new LinkedHashSet<>();
		for (String value : values(raw)) {
			String code = value.toUpperCase(Locale.ROOT);
			if (known.contains(code)) {
				themes.add(code);
			}
			else {
				problems.add(new Problem("municipality.filter.problem.theme", value));
			}
		}
		return themes;
	}

	/** The non-blank values of a repeated parameter, also split on commas; at most {@link #MAX_VALUES}. */
	private static List<String> values(List<String> raw) {
		List<String> values = new ArrayList<>();
		if (raw == null) {
			return values;
		}
		for (String item : raw) {
			if (item == null) {
				continue;
			}
			for (String part : item.split(",")) {
				String v = part.strip();
				if (!v.isEmpty() && values.size() < MAX_VALUES) {
					values.add(v.length() > 40 ? v.substring(0, 40) : v);
				}
			}
		}
		return values;
	}

	private static int integer(String raw, int fallback) {
		String value = strip(raw);
		if (value == null || value.isEmpty()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return value.matches("\\d+") ? Integer.MAX_VALUE : fallback;
		}
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}
}
