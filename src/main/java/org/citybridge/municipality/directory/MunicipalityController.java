package org.citybridge.municipality.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.citybridge.country.CountryGroup;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.citybridge.municipality.directory.Directory;
import org.citybridge.municipality.DirectoryOptions;
import org.citybridge.municipality.DirectoryParams;
import org.citybridge.municipality.DirectoryQuery;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.municipality.profile.MunicipalityProfile;
import org.citybridge.municipality.profile.MunicipalityProfiles;
import org.citybridge.municipality.records.MunicipalityUpkeep;
import org.citybridge.municipality.ProfileSection;

@Controller
public class MunicipalityController {

	private final DirectoryPages pages;

	private final DirectoryOptions options;

	private final LocationMaps maps;

	private final MunicipalityProfiles profiles;

	private final org.springframework.beans.factory.ObjectProvider<ProfileSection> sections;

	private final MunicipalityUpkeep upkeep;

	MunicipalityController(DirectoryPages pages, DirectoryOptions options, LocationMaps maps,
			MunicipalityProfiles profiles, org.springframework.beans.factory.ObjectProvider<ProfileSection> sections,
			MunicipalityUpkeep upkeep) {
		this.pages = pages;
		this.upkeep = upkeep;
		this.options = options;
		this.maps = maps;
		this.profiles = profiles;
		this.sections = sections;
	}

	@GetMapping("/municipalities")
	String list(@ModelAttribute("params") DirectoryParams params, Model model, Locale locale) {
		Directory directory = this.pages.directory(params);
		model.addAttribute("directory", directory);
		model.addAttribute("query", directory.query().text());
		model.addAttribute("results", directory.results());
		DirectoryQuery query = directory.query();
		model.addAttribute("countryOptions", this.options.countryOptionsHtml(locale, query.countries()));
		model.addAttribute("offersOptions", this.options.themeOptionsHtml(locale, query.offers()));
		model.addAttribute("seeksOptions", this.options.themeOptionsHtml(locale, query.seeks()));
		model.addAttribute("networkOptions", this.options.networkOptionsHtml(query.networks()));
		model.addAttribute("groupOptions", List.of(CountryGroup.values()));
		model.addAttribute("kindOptions", Arrays.asList(MunicipalityKind.values()));
		model.addAttribute("sortOptions", Arrays.asList(DirectoryQuery.Sort.values()));
		return "municipality/list";
	}

	/** A readable slug may follow the id ({@code /municipalities/12-darkhan}); the id alone decides. */
	@GetMapping("/municipalities/{id}")
	String show(@PathVariable("id") String id, Model model) {
		long municipalityId = parseId(id);
		MunicipalityProfile profile = this.profiles.profile(municipalityId);
		model.addAttribute("municipality", profile);
		model.addAttribute("map", this.maps.of(profile));
		model.addAttribute("mayEdit", this.profiles.mayEdit(org.citybridge.system.Actor.current(), municipalityId));
		model.addAttribute("mayKeepRecords", this.upkeep.mayKeep(org.citybridge.system.Actor.current(), municipalityId));
		model.addAttribute("sections", this.sections.stream()
			.sorted(java.util.Comparator.comparingInt(ProfileSection::order))
			.map(section -> new ProfileSection.Rendered(section.fragment(), section.model(municipalityId)))
			.filter(rendered -> rendered.model() != null)
			.toList());
		return "municipality/detail";
	}

	/** A malformed id names no municipality: 404, like an unknown one. */
	public static long parseId(String id) {
		String digits = id;
		int dash = id.indexOf('-');
		if (dash > 0) {
			digits = id.substring(0, dash);
		}
		if (digits.length() <= 18 && digits.chars().allMatch(Character::isDigit) && !digits.isEmpty()) {
			long value = Long.parseLong(digits);
			if (value > 0) {
				return value;
			}
		}
		throw new MunicipalityNotFound(id.length() > 40 ? id.substring(0, 40) : id);
	}
}
