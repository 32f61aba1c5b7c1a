package org.citybridge.agreement.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.web.util.UriComponentsBuilder;
import org.citybridge.agreement.register.AgreementCatalogue;
import org.citybridge.agreement.register.AgreementParams;
import org.citybridge.agreement.register.AgreementQuery;

/**
 * The register's filters as the map, the statistics and the open data files apply them: exactly
 * the register's own ({@link AgreementParams} checked by {@link AgreementQuery#of}, turned into SQL
 * by {@link AgreementCatalogue#where}), plus one municipality ({@code municipality=id}) for the map's
 * city view. Values that cannot be used are dropped and named in {@link #problems()}. {@code today}
 * is the portal's clock's day, which "active in the last N years" counts back from.
 */
record ViewFilter(AgreementQuery register, Long municipality, List<Problem> problems, LocalDate today) {

	/** Something that was ignored: a message key and the value as sent. */
	record Problem(String key, String value) {
	}

	static ViewFilter of(AgreementParams params, String municipalityParam, Set<String> knownCountries,
			Set<String> knownThemes, LocalDate today) {
		AgreementQuery register = AgreementQuery.of(params == null ? AgreementParams.none() : params, knownCountries,
				knownThemes);
		List<Problem> problems = new ArrayList<>();
		register.problems().forEach(p -> problems.add(new Problem(p.key(), p.value())));
		Long municipality = null;
		if (municipalityParam != null && !municipalityParam.isBlank()) {
			try {
				long id = Long.parseLong(municipalityParam.strip());
				if (id > 0) {
					municipality = id;
				}
			}
			catch (NumberFormatException ex) {
				// named below
			}
			if (municipality == null) {
				String shown = municipalityParam.length() > 60 ? municipalityParam.substring(0, 60) + "…" : municipalityParam;
				problems.add(new Problem("agreement.views.problem.municipality", shown));
			}
		}
		return new ViewFilter(register, municipality, List.copyOf(problems), today);
	}

	Set<String> countries() {
		return this.register.countries();
	}

	/** SQL conditions on {@code agreements a}, joined with AND (or {@code TRUE}), their values added to {@code params}. */
	String where(MapSqlParameterSource params) {
		Map<String, Object> values = new LinkedHashMap<>();
		String where = AgreementCatalogue.where(this.register, this.today, values);
		params.addValues(values);
		List<String> and = new ArrayList<>();
		if (!where.isBlank()) {
			and.add("(" + where.strip().substring("WHERE".length()).strip() + ")");
		}
		if (this.municipality != null) {
			and.add("a.party_key @> ARRAY[CAST(:vf_municipality AS bigint)]");
			params.addValue("vf_municipality", this.municipality);
		}
		return and.isEmpty() ? "TRUE" : String.join(" AND ", and);
	}

	/** The filter as query parameters (the register's names), to keep it in links between views and files. */
	UriComponentsBuilder addTo(UriComponentsBuilder uri) {
		Map<String, List<String>> params = this.register.params(1);
		params.remove("sort");
		params.remove("size");
		params.remove("page");
		params.forEach((name, values) -> values.forEach(v -> uri.queryParam(name, v)));
		if (this.municipality != null) {
			uri.queryParam("municipality", this.municipality);
		}
		return uri;
	}

	/**
	 * What a cached result of this filter is kept under: its query string and, when it counts back
	 * from today ("active in the last N years"), the day, so that what was drawn yesterday is not
	 * served after midnight although nothing was written.
	 */
	String cacheKey() {
		return query() + (this.register.activeYears() != null ? " on " + this.today : "");
	}

	/** The query string of the filter, empty or starting with {@code ?}. */
	String query() {
		return addTo(UriComponentsBuilder.newInstance()).encode().build().toUriString();
	}
}
