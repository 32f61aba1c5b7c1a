package org.citybridge.matchmaking;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.system.DisplayNames;
import org.citybridge.system.Actor;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page of partner suggestions for a municipality, from one call: the filter checked, the page
 * of suggestions, the filters' choices, links to the pages around it, and, for its officers and
 * staff, the requests already in progress.
 */
@Service
record SuggestionPages(PartnerSuggestions suggestions, Requests requests, Countries countries, Themes themes,
		SearchFits searchFits) {

	/** The filter exactly as the visitor sent it: nothing here is trusted yet. */
	record Asked(List<String> country, List<String> group, List<String> theme, String populationMin,
			String populationMax, String seeking, String home, String page) {
	}

	/**
	 * What the suggestions page shows: whose they are, the filter as checked, the page of them,
	 * whether the viewer may send a request, the requests in progress ({@code null} unless the
	 * viewer may see them), the filters' choices and the pager's links ({@code null} at either end).
	 */
	record SuggestionsPage(PartnerSuggestions.Subject subject, SuggestionFilter filter, PartnerSuggestions.Page result,
			boolean mayRequest, List<Requests.Listed> inProgress, List<String> countryOptions,
			List<String> themeOptions, String previousHref, String nextHref, List<SearchFits.Fit> searchFits,
			java.time.Instant searchesAt) {
	}

	/** How many fitting partner searches the page shows. */
	static final int SEARCH_FITS = 5;

	/** The page for the municipality ({@code id} as in the address, for the 404's message). */
	SuggestionsPage page(long municipalityId, String id, Asked asked, Actor actor, Locale locale) {
		PartnerSuggestions.Subject subject = this.suggestions.subject(municipalityId)
			.orElseThrow(() -> new MunicipalityUnknown(id));
		List<Country> all = this.countries.all();
		List<String> themeCodes = this.themes.codes();
		Set<String> countryCodes = all.stream().map(Country::code).collect(Collectors.toSet());
		SuggestionFilter filter = SuggestionFilter.of(asked.country(), asked.group(), asked.theme(),
				asked.populationMin(), asked.populationMax(), asked.seeking(), asked.home(), asked.page(), countryCodes,
				Set.copyOf(themeCodes));
		if (filter.countries().contains(subject.countryCode()) && !filter.homeCountry()) {
			// Asking for one's own country by name is asking for it.
			filter = new SuggestionFilter(filter.countries(), filter.groups(), filter.themes(), filter.populationMin(),
					filter.populationMax(), filter.seekingOnly(), true, filter.page());
		}
		PartnerSuggestions.Page result = this.suggestions.suggest(municipalityId, filter, locale);
		boolean officerOfA = actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& actor.municipalityId() == municipalityId;
		boolean staff = actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN;
		List<String> countryOptions = DisplayNames.sorted(all, (Country c) -> displayCountry(c.code(), locale), locale)
			.stream()
			.map(Country::code)
			.toList();
		return new SuggestionsPage(subject, filter, result, officerOfA,
				officerOfA || staff ? this.requests.pendingOf(municipalityId) : null, countryOptions, themeCodes,
				result.hasPrevious() ? href(municipalityId, filter.page(filter.page() - 1)) : null,
				result.hasNext() ? href(municipalityId, filter.page(filter.page() + 1)) : null,
				this.searchFits.forMunicipality(municipalityId, SEARCH_FITS, locale), java.time.Instant.now());
	}

	private static String displayCountry(String code, Locale locale) {
		return new Locale("", code).getDisplayCountry(locale);
	}

	static String href(long municipalityId, SuggestionFilter filter) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/municipalities/{id}/partners");
		filter.countries().forEach(c -> uri.queryParam("country", c));
		filter.groups().forEach(g -> uri.queryParam("group", g));
		filter.themes().forEach(t -> uri.queryParam("theme", t));
		if (filter.populationMin() != null) {
			uri.queryParam("population_min", filter.populationMin());
		}
		if (filter.populationMax() != null) {
			uri.queryParam("population_max", filter.populationMax());
		}
		if (filter.seekingOnly()) {
			uri.queryParam("seeking", 1);
		}
		if (filter.homeCountry()) {
			uri.queryParam("home", 1);
		}
		if (filter.page() > 1) {
			uri.queryParam("page", filter.page());
		}
		return uri.buildAndExpand(municipalityId).encode().toUriString();
	}
}
