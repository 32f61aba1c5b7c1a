package org.citybridge.municipality;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class MunicipalityController {

	private final MunicipalitySearch search;

	private final MunicipalityProfiles profiles;

	MunicipalityController(MunicipalitySearch search, MunicipalityProfiles profiles) {
		this.search = search;
		this.profiles = profiles;
	}

	@GetMapping("/municipalities")
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", required = false) String page, Model model) {
		MunicipalityPage results = this.search.search(query, parsePage(page));
		model.addAttribute("query", MunicipalitySearch.normalise(query));
		model.addAttribute("results", results);
		return "municipality/list";
	}

	@GetMapping("/municipalities/{id}")
	String show(@PathVariable("id") String id, Model model) {
		long municipalityId = parseId(id);
		model.addAttribute("municipality", this.search.profile(municipalityId));
		model.addAttribute("mayEdit", this.profiles.mayEdit(org.citybridge.system.Actor.current(), municipalityId));
		return "municipality/detail";
	}

	/** A malformed page number is the first page, not an error. */
	private static int parsePage(String page) {
		try {
			return page == null ? 1 : Integer.parseInt(page.strip());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/** A malformed id names no municipality: 404, like an unknown one. */
	static long parseId(String id) {
		try {
			long value = Long.parseLong(id);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// fall through
		}
		throw new MunicipalityNotFound(id);
	}
}
