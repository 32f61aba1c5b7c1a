package org.citybridge.agreement.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.citybridge.country.CountryGroup;

import org.springframework.web.util.UriComponentsBuilder;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;

/**
 * A checked query of the register. Every value the visitor sent is either understood or named in
 * {@link #problems} (shown above the results) and ignored: a bad parameter never fails the page.
 *
 * @param pairA a country code or a country group; with {@code pairB}, agreements having a party
 * on each side (e.g. {@code EU_MEMBER} with {@code MN}: Mongolia with any EU member)
 * @param forum an event's slug: agreements that began at a meeting held at that forum (issue 23)
 */
public record AgreementQuery(Set<String> countries, String pairA, String pairB, Set<String> themes,
		Set<AgreementType> types, Set<AgreementStatus> statuses, Integer fromYear, Integer toYear, boolean verifiedOnly,
		Integer activeYears, String forum, Sort sort, int page, int size, List<Problem> problems) {

	/** The choices of "active in the last N years": an activity, or the signature, in that many years up to today. */
	public static final List<Integer> ACTIVE_YEARS = List.of(1, 2, 3, 5, 10);

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	/** The orders the register can be read in. */
	public enum Sort {
		SIGNED_DESC, SIGNED_ASC, TITLE, RECENT;

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A parameter that was not understood, with the value as sent (shortened). */
	public record Problem(String key, String value) {
	}

	public static AgreementQuery of(AgreementParams p, Set<String> knownCountries, Set<String> knownThemes) {
		List<Problem> problems = new ArrayList<>();
		Set<String> countries = new LinkedHashSet<>();
		for (String value : values(p.country())) {
			String code = value.toUpperCase(Locale.ROOT);
			if (knownCountries.contains(code)) {
				countries.add(code);
			}
			else {
				problems.add(new Problem("agreement.filter.problem.country", value));
			}
		}
		String pairA = side(p.pairA(), knownCountries, problems);
		String pairB = side(p.pairB(), knownCountries, problems);
		if ((pairA == null) != (pairB == null)) {
			problems.add(new Problem("agreement.filter.problem.pair", pairA == null ? pairB : pairA));
			pairA = null;
			pairB = null;
		}
		Set<String> themes = new LinkedHashSet<>();
		for (String value : values(p.theme())) {
			String code = value.toUpperCase(Locale.ROOT);
			if (knownThemes.contains(code)) {
				themes.add(code);
			}
			else {
				problems.add(new Problem("agreement.filter.problem.theme", value));
			}
		}
		Set<AgreementType> types = enums(p.type(), AgreementType.class, "agreement.filter.problem.type", problems);
		Set<AgreementStatus> statuses = enums(p.status(), AgreementStatus.class, "agreement.filter.problem.status",
				problems);
		Integer from = year(p.from(), "agreement.filter.problem.from", problems);
		Integer to = year(p.to(), "agreement.filter.problem.to", problems);
		if (from != null && to != null && from > to) {
			problems.add(new Problem("agreement.filter.problem.years", from + " > " + to));
			from = null;
			to = null;
		}
		String verified = strip(p.verified());
		boolean verifiedOnly = verified != null && Set.of("1", "true", "on", "yes").contains(verified.toLowerCase(Locale.ROOT));
		Integer activeYears = null;
		String active = strip(p.active());
		if (active != null) {
			if (active.matches("\\d{1,2}") && Integer.parseInt(active) >= 1 && Integer.parseInt(active) <= 20) {
				activeYears = Integer.parseInt(active);
			}
			else {
				problems.add(new Problem("agreement.filter.problem.active", shorten(active)));
			}
		}
		String forum = strip(p.forum());
		if (forum != null && !forum.matches("[a-z0-9][a-z0-9-]{0,99}")) {
			problems.add(new Problem("agreement.filter.problem.forum", shorten(forum)));
			forum = null;
		}
		Sort sort = Sort.SIGNED_DESC;
		String sortValue = strip(p.sort());
		if (sortValue != null) {
			try {
				sort = Sort.valueOf(sortValue.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("agreement.filter.problem.sort", shorten(sortValue)));
			}
		}
		int page = Math.max(1, integer(p.page(), 1));
		int size = Math.min(MAX_SIZE, Math.max(1, integer(p.size(), DEFAULT_SIZE)));
		return new AgreementQuery(Set.copyOf(countries), pairA, pairB, Set.copyOf(themes), Set.copyOf(types),
				Set.copyOf(statuses), from, to, verifiedOnly, activeYears, forum, sort, page, size, List.copyOf(problems));
	}

	/** How many choices narrow the list. */
	public int chosenCount() {
		return this.countries.size() + (this.pairA != null ? 1 : 0) + this.themes.size() + this.types.size()
				+ this.statuses.size() + (this.fromYear != null ? 1 : 0) + (this.toYear != null ? 1 : 0)
				+ (this.verifiedOnly ? 1 : 0) + (this.activeYears != null ? 1 : 0) + (this.forum != null ? 1 : 0);
	}

	/** Whether any filter narrows the list (for the "clear filters" link). */
	public boolean filtered() {
		return !this.countries.isEmpty() || this.pairA != null || !this.themes.isEmpty() || !this.types.isEmpty()
				|| !this.statuses.isEmpty() || this.fromYear != null || this.toYear != null || this.verifiedOnly
				|| this.activeYears != null || this.forum != null;
	}

	/** The query string of this query at another page (sort and size kept). */
	public String href(int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/agreements");
		params(page).forEach((name, values) -> values.forEach(v -> uri.queryParam(name, v)));
		return uri.encode().build().toUriString();
	}

	/**
	 * The filters alone as a query string, empty or starting with {@code ?}: what the map, the
	 * statistics and the downloads of the same agreements take.
	 */
	public String filterQuery() {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		params(1).forEach((name, values) -> {
			if (!"sort".equals(name) && !"size".equals(name)) {
				values.forEach(v -> uri.queryParam(name, v));
			}
		});
		return uri.encode().build().toUriString();
	}

	public Map<String, List<String>> params(int page) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		put(params, "country", this.countries.stream().sorted().toList());
		if (this.pairA != null) {
			put(params, "pair_a", List.of(this.pairA));
			put(params, "pair_b", List.of(this.pairB));
		}
		put(params, "theme", this.themes.stream().sorted().toList());
		put(params, "type", this.types.stream().map(Enum::name).sorted().toList());
		put(params, "status", this.statuses.stream().map(Enum::name).sorted().toList());
		if (this.fromYear != null) {
			put(params, "from", List.of(String.valueOf(this.fromYear)));
		}
		if (this.toYear != null) {
			put(params, "to", List.of(String.valueOf(this.toYear)));
		}
		if (this.verifiedOnly) {
			put(params, "verified", List.of("1"));
		}
		if (this.activeYears != null) {
			put(params, "active", List.of(String.valueOf(this.activeYears)));
		}
		if (this.forum != null) {
			put(params, "forum", List.of(this.forum));
		}
		if (this.sort != Sort.SIGNED_DESC) {
			put(params, "sort", List.of(this.sort.param()));
		}
		if (this.size != DEFAULT_SIZE) {
			put(params, "size", List.of(String.valueOf(this.size)));
		}
		if (page > 1) {
			put(params, "page", List.of(String.valueOf(page)));
		}
		return params;
	}

	private static void put(Map<String, List<String>> params, String name, List<String> values) {
		if (!values.isEmpty()) {
			params.put(name, values);
		}
	}

	/** A country code (MN) or a group (EU_MEMBER), as one side of a country pair. */
	private static String side(String value, Set<String> knownCountries, List<Problem> problems) {
		String v = strip(value);
		if (v == null) {
			return null;
		}
		String upper = v.toUpperCase(Locale.ROOT);
		if (knownCountries.contains(upper)) {
			return upper;
		}
		for (CountryGroup group : CountryGroup.values()) {
			if (group.name().equals(upper)) {
				return upper;
			}
		}
		problems.add(new Problem("agreement.filter.problem.pair", shorten(v)));
		return null;
	}

	static boolean isGroup(String side) {
		return side != null && side.length() > 2;
	}

	private static <E extends Enum<E>> Set<E> enums(List<String> values, Class<E> type, String key,
			List<Problem> problems) {
		Set<E> result = new LinkedHashSet<>();
		for (String value : values(values)) {
			try {
				result.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem(key, shorten(value)));
			}
		}
		return result;
	}

	private static Integer year(String value, String key, List<Problem> problems) {
		String v = strip(value);
		if (v == null) {
			return null;
		}
		if (v.matches("\\d{1,4}")) {
			int year = Integer.parseInt(v);
			if (year >= 1000 && year <= 2999) {
				return year;
			}
		}
		problems.add(new Problem(key, shorten(v)));
		return null;
	}

	private static List<String> values(List<String> raw) {
		if (raw == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (String value : raw.size() > 300 ? raw.subList(0, 300) : raw) {
			String v = strip(value);
			if (v != null) {
				values.add(shorten(v));
			}
		}
		return values;
	}

	private static int integer(String value, int fallback) {
		String v = strip(value);
		if (v == null || !v.matches("\\d{1,9}")) {
			return fallback;
		}
		return Integer.parseInt(v);
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String shorten(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}
}
