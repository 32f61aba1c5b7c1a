package org.citybridge.portal;

import java.util.Locale;

import org.citybridge.system.Actor;
import org.citybridge.system.ViewerZone;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
record HomeController(HomePage page) {

	/** The deadlines show in the zone the visitor chose on the agenda or the funding page, if any. */
	@GetMapping("/")
	String home(@CookieValue(name = ViewerZone.COOKIE, required = false) String zone,
			@RequestParam(name = "signedOut", required = false) String signedOut, Model model, Locale locale) {
		if (signedOut != null && !Actor.current().isSignedIn()) {
			model.addAttribute("flash", "layout.signedOut");
		}
		HomePage.View view = this.page.view(ViewerZone.parse(zone).orElse(null), locale);
		model.addAttribute("municipalityCount", view.municipalityCount());
		model.addAttribute("countryCount", view.countryCount());
		model.addAttribute("deadlines", view.deadlines());
		model.addAttribute("viewerZone", view.viewerZone());
		model.addAttribute("worldLoad", view.worldLoad());
		return "home";
	}
}
