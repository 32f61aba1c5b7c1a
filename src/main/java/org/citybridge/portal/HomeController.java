package org.citybridge.portal;

import java.util.Locale;

import org.citybridge.funding.FundingDeadlines;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.system.ViewerZone;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final MunicipalitySearch municipalities;

	private final FundingDeadlines deadlines;

	HomeController(MunicipalitySearch municipalities, FundingDeadlines deadlines) {
		this.municipalities = municipalities;
		this.deadlines = deadlines;
	}

	/** The deadlines show in the zone the visitor chose on the agenda or the funding page, if any. */
	@GetMapping("/")
	String home(@CookieValue(name = ViewerZone.COOKIE, required = false) String zone, Model model, Locale locale) {
		model.addAttribute("municipalityCount", this.municipalities.count());
		model.addAttribute("countryCount", this.municipalities.countCountries());
		var viewer = ViewerZone.parse(zone).orElse(null);
		model.addAttribute("deadlines", this.deadlines.upcoming(viewer, locale));
		model.addAttribute("viewerZone", viewer == null ? null : viewer.getId());
		return "home";
	}
}
