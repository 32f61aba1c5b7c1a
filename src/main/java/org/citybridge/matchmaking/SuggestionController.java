package org.citybridge.matchmaking;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.citybridge.country.Countries;
import org.citybridge.country.Country;
import org.citybridge.country.CountryGroup;
import org.citybridge.system.Actor;
import org.citybridge.theme.Themes;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class SuggestionController {

	private final PartnerSuggestions suggestions;

	private final Requests requests;

	private final Countries countries;

	private final Themes themes;

	SuggestionController(PartnerSuggestions suggestions, Requests requests, Countries countries, Themes themes) {
		this.suggestions = suggestions;
		this.requests = requests;
		this.countries = countries;
		this.themes = themes;
	}

	@GetMapping("/municipalities/{id}/partners")
	String suggestions(@PathVariable("id") String id,
			@RequestParam(name = "country", required = false) List<String> country,
			@RequestParam(name = "group", required = false) List<String> group,
			@RequestParam(name = "theme", required = false) List<String> theme,
			@RequestParam(name = "population_min", required = false) String populationMin,
			@RequestParam(name = "population_max", required = false) String populationMax,
			@RequestParam(name = "seeking", required = false) String seeking,
			@RequestParam(name = "home", required = false) String home,
			@RequestParam(name = "page", required = false) String page, Model model, Locale locale) {
		long municipalityId = RequestController.municipalityId(id);
		PartnerSuggestions.Subject subject = this.suggestions.subject(municipalityId)
			.orElseThrow(() -> new MunicipalityUnknown(id));
		List<Country> all = this.countries.all();
		List<String> themeCodes = this.themes.codes();
		Set<String> countryCodes = all.stream().map(Country::code).collect(Collectors.toSet());
		SuggestionFilter filter = SuggestionFilter.of(country, group, theme, populationMin, populationMax, seeking, home,
				page, countryCodes, Set.copyOf(themeCodes));
		if (filter.countries().contains(subject.countryCode()) && !filter.homeCountry()) {
			// Asking for one's own country by name is asking for it.
			filter = new SuggestionFilter(filter.countries(), filter.groups(), filter.themes(), filter.populationMin(),
					filter.populationMax(), filter.seekingOnly(), true, filter.page());
		}
		PartnerSuggestions.Page result = this.suggestions.suggest(municipalityId, filter, locale);
		Actor actor = Actor.current();
		boolean officerOfA = actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& actor.municipalityId() == municipalityId;
		boolean staff = actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN;
		model.addAttribute("subject", subject);
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("mayRequest", officerOfA);
		model.addAttribute("inProgress", officerOfA || staff ? this.requests.pendingOf(municipalityId) : null);
		model.addAttribute("countryOptions", all.stream()
			.sorted(java.util.Comparator.comparing((Country c) -> displayCountry(c.code(), locale)))
			.map(Country::code)
			.toList());
		model.addAttribute("groupOptions", CountryGroup.values());
		model.addAttribute("themeOptions", themeCodes);
		model.addAttribute("previousHref", result.hasPrevious() ? href(municipalityId, filter.page(filter.page() - 1)) : null);
		model.addAttribute("nextHref", result.hasNext() ? href(municipalityId, filter.page(filter.page() + 1)) : null);
		return "matchmaking/suggestions";
	}

	@GetMapping("/partners/how")
	String how(Model model) {
		model.addAttribute("weights", this.suggestions.weights());
		return "matchmaking/how";
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
