package org.citybridge.agreement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.citybridge.country.CountryGroup;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The register's filters as the map, the statistics and the open data files apply them: parties'
 * countries, the country pair (a country with a partner country or group, e.g. Mongolia with any EU
 * member), a municipality, themes, types, statuses, signing years, verified only. Values that
 * cannot be used are dropped and named in {@link #problems()}; nothing a visitor types reaches SQL
 * except as a bound parameter.
 */
record ViewFilter(Set<String> countries, Set<String> partners, Set<CountryGroup> partnerGroups, Long municipality,
		Set<String> themes, Set<AgreementType> types, Set<AgreementStatus> statuses, Integer from, Integer to,
		boolean verifiedOnly, List<Problem> problems) {

	static final int MAX_VALUES = 50;

	static final int MIN_YEAR = 1900;

	static final int MAX_YEAR = 2100;

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	/** Something that was ignored: a message key and the value as sent. */
	record Problem(String key, String value) {
	}

	/** The query string as sent. */
	record Params(List<String> country, List<String> partner, List<String> partnerGroup, String municipality,
			List<String> theme, List<String> type, List<String> status, String from, String to, String verified) {
	}

	static ViewFilter none() {
		return new ViewFilter(Set.of(), Set.of(), Set.of(), null, Set.of(), Set.of(), Set.of(), null, null, false,
				List.of());
	}

	static ViewFilter of(Params p, Set<String> knownCountries, Set<String> knownThemes) {
		List<Problem> problems = new ArrayList<>();
		Set<String> countries = countries(p.country(), knownCountries, problems);
		Set<String> partners = countries(p.partner(), knownCountries, problems);
		Set<CountryGroup> groups = new LinkedHashSet<>();
		for (String value : values(p.partnerGroup())) {
			try {
				groups.add(CountryGroup.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("agreementviews.problem.group", value));
			}
		}
		Long municipality = null;
		if (p.municipality() != null && !p.municipality().isBlank()) {
			try {
				long id = Long.parseLong(p.municipality().strip());
				if (id > 0) {
					municipality = id;
				}
				else {
					problems.add(new Problem("agreementviews.problem.municipality", p.municipality()));
				}
			}
			catch (NumberFormatException ex) {
				problems.add(new Problem("agreementviews.problem.municipality", clip(p.municipality())));
			}
		}
		Set<String> themes = new LinkedHashSet<>();
		for (String value : values(p.theme())) {
			String code = value.toUpperCase(Locale.ROOT);
			if (knownThemes.contains(code)) {
				themes.add(code);
			}
			else {
				problems.add(new Problem("agreementviews.problem.theme", value));
			}
		}
		Set<AgreementType> types = new LinkedHashSet<>();
		for (String value : values(p.type())) {
			try {
				types.add(AgreementType.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("agreementviews.problem.type", value));
			}
		}
		Set<AgreementStatus> statuses = new LinkedHashSet<>();
		for (String value : values(p.status())) {
			try {
				statuses.add(AgreementStatus.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("agreementviews.problem.status", value));
			}
		}
		Integer from = year(p.from(), problems);
		Integer to = year(p.to(), problems);
		if (from != null && to != null && from > to) {
			problems.add(new Problem("agreementviews.problem.years", from + "–" + to));
			Integer swap = from;
			from = to;
			to = swap;
		}
		String verified = p.verified() == null ? "" : p.verified().strip().toLowerCase(Locale.ROOT);
		boolean verifiedOnly = verified.equals("1") || verified.equals("true") || verified.equals("on")
				|| verified.equals("yes");
		return new ViewFilter(Set.copyOf(countries), Set.copyOf(partners), Set.copyOf(groups), municipality,
				Set.copyOf(themes), Set.copyOf(types), Set.copyOf(statuses), from, to, verifiedOnly,
				List.copyOf(problems));
	}

	boolean isEmpty() {
		return this.countries.isEmpty() && this.partners.isEmpty() && this.partnerGroups.isEmpty()
				&& this.municipality == null && this.themes.isEmpty() && this.types.isEmpty() && this.statuses.isEmpty()
				&& this.from == null && this.to == null && !this.verifiedOnly;
	}

	/**
	 * SQL conditions on {@code agreements a}, joined with AND (or {@code TRUE}), their values added to
	 * {@code params}.
	 */
	String where(MapSqlParameterSource params) {
		List<String> and = new ArrayList<>();
		boolean pair = !this.partners.isEmpty() || !this.partnerGroups.isEmpty();
		if (pair) {
			StringBuilder partner = new StringBuilder("(");
			if (!this.partners.isEmpty()) {
				partner.append("m2.country_code IN (:vf_partners)");
				params.addValue("vf_partners", this.partners);
			}
			if (!this.partnerGroups.isEmpty()) {
				if (partner.length() > 1) {
					partner.append(" OR ");
				}
				partner.append("c2.country_group IN (:vf_groups)");
				params.addValue("vf_groups", this.partnerGroups.stream().map(Enum::name).toList());
			}
			partner.append(')');
			String first = this.countries.isEmpty() ? "" : " AND m1.country_code IN (:vf_countries)";
			and.add("EXISTS (SELECT 1 FROM agreement_parties p1 JOIN municipalities m1 ON m1.id = p1.municipality_id"
					+ " JOIN agreement_parties p2 ON p2.agreement_id = p1.agreement_id AND p2.municipality_id <> p1.municipality_id"
					+ " JOIN municipalities m2 ON m2.id = p2.municipality_id JOIN countries c2 ON c2.code = m2.country_code"
					+ " WHERE p1.agreement_id = a.id" + first + " AND " + partner + ")");
		}
		else if (!this.countries.isEmpty()) {
			and.add("EXISTS (SELECT 1 FROM agreement_parties p1 JOIN municipalities m1 ON m1.id = p1.municipality_id"
					+ " WHERE p1.agreement_id = a.id AND m1.country_code IN (:vf_countries))");
		}
		if (!this.countries.isEmpty()) {
			params.addValue("vf_countries", this.countries);
		}
		if (this.municipality != null) {
			and.add("a.party_key @> ARRAY[CAST(:vf_municipality AS bigint)]");
			params.addValue("vf_municipality", this.municipality);
		}
		if (!this.themes.isEmpty()) {
			and.add("EXISTS (SELECT 1 FROM agreement_themes t WHERE t.agreement_id = a.id AND t.theme_code IN (:vf_themes))");
			params.addValue("vf_themes", this.themes);
		}
		if (!this.types.isEmpty()) {
			and.add("a.type IN (:vf_types)");
			params.addValue("vf_types", this.types.stream().map(Enum::name).toList());
		}
		if (!this.statuses.isEmpty()) {
			and.add("a.status IN (:vf_statuses)");
			params.addValue("vf_statuses", this.statuses.stream().map(Enum::name).toList());
		}
		if (this.from != null) {
			and.add("a.signed_on >= make_date(:vf_from, 1, 1)");
			params.addValue("vf_from", this.from);
		}
		if (this.to != null) {
			and.add("a.signed_on < make_date(:vf_to, 1, 1)");
			params.addValue("vf_to", this.to + 1);
		}
		if (this.verifiedOnly) {
			and.add("a.verified_at IS NOT NULL");
		}
		return and.isEmpty() ? "TRUE" : String.join(" AND ", and);
	}

	/** The filter as query parameters, to keep it in links between map, statistics and files. */
	UriComponentsBuilder addTo(UriComponentsBuilder uri) {
		this.countries.stream().sorted().forEach(c -> uri.queryParam("country", c));
		this.partners.stream().sorted().forEach(c -> uri.queryParam("partner", c));
		this.partnerGroups.stream().sorted().forEach(g -> uri.queryParam("partner_group", g.name()));
		if (this.municipality != null) {
			uri.queryParam("municipality", this.municipality);
		}
		this.themes.stream().sorted().forEach(t -> uri.queryParam("theme", t));
		this.types.stream().sorted().forEach(t -> uri.queryParam("type", t.name()));
		this.statuses.stream().sorted().forEach(s -> uri.queryParam("status", s.name()));
		if (this.from != null) {
			uri.queryParam("from", this.from);
		}
		if (this.to != null) {
			uri.queryParam("to", this.to);
		}
		if (this.verifiedOnly) {
			uri.queryParam("verified", "1");
		}
		return uri;
	}

	/** The query string of the filter, empty or starting with {@code ?}. */
	String query() {
		String q = addTo(UriComponentsBuilder.newInstance()).build().encode().toUriString();
		return q;
	}

	private static Set<String> countries(List<String> values, Set<String> known, List<Problem> problems) {
		Set<String> out = new LinkedHashSet<>();
		for (String value : values(values)) {
			String code = value.toUpperCase(Locale.ROOT);
			if (COUNTRY.matcher(code).matches() && known.contains(code)) {
				out.add(code);
			}
			else {
				problems.add(new Problem("agreementviews.problem.country", value));
			}
		}
		return out;
	}

	private static Integer year(String value, List<Problem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			int year = Integer.parseInt(value.strip());
			if (year >= MIN_YEAR && year <= MAX_YEAR) {
				return year;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(new Problem("agreementviews.problem.year", clip(value)));
		return null;
	}

	/** Values of a repeated or comma-separated parameter, blanks dropped, at most {@value #MAX_VALUES}. */
	private static List<String> values(List<String> raw) {
		if (raw == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String value : raw) {
			if (value == null) {
				continue;
			}
			for (String part : value.split(",")) {
				String v = part.strip();
				if (!v.isEmpty() && out.size() < MAX_VALUES) {
					out.add(clip(v));
				}
			}
		}
		return out;
	}

	private static String clip(String value) {
		return value.length() > 60 ? value.substring(0, 60) + "…" : value;
	}
}
