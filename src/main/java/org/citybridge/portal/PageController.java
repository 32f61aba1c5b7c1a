package org.citybridge.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The short pages, and the sections whose features are still being built. */
@Controller
class PageController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "portal/accessibility";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "portal/privacy";
	}

	@GetMapping("/agreements")
	String agreements(Model model) {
		return coming("agreements", model);
	}

	@GetMapping("/funding")
	String funding(Model model) {
		return coming("funding", model);
	}

	@GetMapping("/events")
	String events(Model model) {
		return coming("events", model);
	}

	@GetMapping("/learn")
	String learn(Model model) {
		return coming("learn", model);
	}

	private static String coming(String section, Model model) {
		model.addAttribute("section", section);
		return "portal/coming";
	}
}
