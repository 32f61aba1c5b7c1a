package org.citybridge.portal;

import org.citybridge.municipality.MunicipalitySearch;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final MunicipalitySearch municipalities;

	HomeController(MunicipalitySearch municipalities) {
		this.municipalities = municipalities;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("municipalityCount", this.municipalities.count());
		model.addAttribute("countryCount", this.municipalities.countCountries());
		return "home";
	}
}
