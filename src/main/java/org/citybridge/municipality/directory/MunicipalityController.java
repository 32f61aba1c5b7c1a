package org.citybridge.municipality.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.citybridge.country.CountryGroup;
import org.citybridge.municipality.DirectoryParams;
import org.citybridge.municipality.DirectoryQuery;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;
import org.citybridge.system.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The directory of municipalities and a municipality's profile page. */
@Controller
public record MunicipalityController(DirectoryPages pages) {

	@GetMapping("/municipalities")
	String list(DirectoryParams params, Model model, Locale locale) {
		DirectoryPages.DirectoryPage page = this.pages.list(params, locale);
		Directory directory = page.directory();
		model.addAttribute("directory", directory);
		model.addAttribute("query", directory.query().text());
		model.addAttribute("results", directory.results());
		model.addAttribute("countryOptions", page.countryOptions());
		model.addAttribute("offersOptions", page.offersOptions());
		model.addAttribute("seeksOptions", page.seeksOptions());
		model.addAttribute("networkOptions", page.networkOptions());
		model.addAttribute("groupOptions", List.of(CountryGroup.values()));
		model.addAttribute("kindOptions", Arrays.asList(MunicipalityKind.values()));
		model.addAttribute("sortOptions", Arrays.asList(DirectoryQuery.Sort.values()));
		return "municipality/list";
	}

	/** A readable slug may follow the id ({@code /municipalities/12-darkhan}); the id alone decides. */
	@GetMapping("/municipalities/{id}")
	String show(@PathVariable("id") String id, Model model) {
		DirectoryPages.ProfilePage page = this.pages.profile(parseId(id), Actor.current());
		PageModel.add(model, page);
		return "municipality/detail";
	}

	/**
	 * The municipality an address names: its id, which a readable slug may follow
	 * ({@code 12-darkhan}); anything else names none, a 404 like an unknown one.
	 */
	public static long parseId(String id) {
		int dash = id.indexOf('-');
		return Text.requireId(dash > 0 ? id.substring(0, dash) : id, MunicipalityNotFound::new);
	}
}
