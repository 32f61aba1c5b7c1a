package org.citybridge.matchmaking;

import java.util.List;
import java.util.Locale;

import org.citybridge.country.CountryGroup;
import org.citybridge.system.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Partner suggestions for a municipality, and the page that says how they are ranked. */
@Controller
record SuggestionController(SuggestionPages pages, PartnerSuggestions suggestions) {

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
		SuggestionPages.SuggestionsPage shown = this.pages.page(RequestController.municipalityId(id), id,
				new SuggestionPages.Asked(country, group, theme, populationMin, populationMax, seeking, home, page),
				Actor.current(), locale);
		model.addAttribute("subject", shown.subject());
		model.addAttribute("filter", shown.filter());
		model.addAttribute("result", shown.result());
		model.addAttribute("mayRequest", shown.mayRequest());
		model.addAttribute("inProgress", shown.inProgress());
		model.addAttribute("countryOptions", shown.countryOptions());
		model.addAttribute("groupOptions", CountryGroup.values());
		model.addAttribute("themeOptions", shown.themeOptions());
		model.addAttribute("previousHref", shown.previousHref());
		model.addAttribute("nextHref", shown.nextHref());
		model.addAttribute("searchFits", shown.searchFits());
		model.addAttribute("searchesAt", shown.searchesAt());
		return "matchmaking/suggestions";
	}

	@GetMapping("/partners/how")
	String how(Model model) {
		model.addAttribute("weights", this.suggestions.weights());
		return "matchmaking/how";
	}
}
