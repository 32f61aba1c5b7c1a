package org.citybridge.portal;

import java.util.Locale;

import org.citybridge.system.ViewerZone;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
record HomeController(HomePage page) {

	/** The deadlines show in the zone the visitor chose on the agenda or the funding page, if any. */
	@GetMapping("/")
	String home(@CookieValue(name = ViewerZone.COOKIE, required = false) String zone, Model model, Locale locale) {
		HomePage.View view = this.page.view(ViewerZone.parse(zone).orElse(null), locale);
		model.addAttribute("municipalityCount", view.municipalityCount());
		model.addAttribute("countryCount", view.countryCount());
		model.addAttribute("deadlines", view.deadlines());
		model.addAttribute("viewerZone", view.viewerZone());
		return "home";
	}
}
