package org.citybridge.municipality.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.citybridge.municipality.profile.MunicipalityProfiles;
import org.citybridge.municipality.profile.MunicipalityProfile;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.citybridge.municipality.directory.MunicipalityController;
import org.citybridge.municipality.DirectoryOptions;
import org.citybridge.municipality.DirectoryParams;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.municipality.profile.MunicipalityProfile;
import org.citybridge.municipality.MunicipalitySearch;

/**
 * Staff pages that keep the directory's records: add a municipality GeoNames lacks, give one an
 * alternate name, and merge a duplicate into it (find it, confirm, merge). Everything works as
 * plain forms; the service checks who may.
 */
@Controller
class MunicipalityRecordsController {

	static final int MAX_NAME_LENGTH = 200;

	private final MunicipalityUpkeep upkeep;

	private final MunicipalitySearch search;

	private final DirectoryOptions options;

	private final MunicipalityProfiles profiles;

	MunicipalityRecordsController(MunicipalityUpkeep upkeep, MunicipalitySearch search, DirectoryOptions options,
			MunicipalityProfiles profiles) {
		this.profiles = profiles;
		this.upkeep = upkeep;
		this.search = search;
		this.options = options;
	}

	@GetMapping("/municipalities/new")
	String newForm(Model model, Locale locale) {
		NewMunicipalityForm form = new NewMunicipalityForm();
		form.setKind(MunicipalityKind.TOWN);
		model.addAttribute("record", form);
		return newPage(form, model, locale);
	}

	@PostMapping("/municipalities/new")
	String add(@Valid @ModelAttribute("record") NewMunicipalityForm form, BindingResult result, Model model,
			Locale locale, Authentication authentication, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("country") && form.getCountry() != null
				&& !this.options.countryCodes().contains(form.getCountry())) {
			result.rejectValue("country", "municipality.new.country.required");
		}
		if (form.getKind() == MunicipalityKind.DISTRICT) {
			result.rejectValue("kind", "municipality.new.kind.required");
		}
		if ((form.getLatitude() == null) != (form.getLongitude() == null)) {
			result.rejectValue(form.getLatitude() == null ? "latitude" : "longitude", "municipality.new.coordinates.both");
		}
		if (!result.hasErrors()) {
			try {
				long id = this.upkeep.add(Actor.current(), authentication.getName(), form);
				redirect.addFlashAttribute("flash", "municipality.new.added");
				return "redirect:/municipalities/" + id;
			}
			catch (DataIntegrityViolationException refused) {
				result.reject("municipality.new.refused");
			}
		}
		model.addAttribute("invalid", true);
		return newPage(form, model, locale);
	}

	@GetMapping("/municipalities/{id}/records")
	String records(@PathVariable("id") String id, @RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "merge", required = false) String merge, Model model) {
		long municipalityId = MunicipalityController.parseId(id);
		MunicipalityProfile profile = this.profiles.profile(municipalityId);
		if (!this.upkeep.mayKeep(Actor.current(), municipalityId)) {
			throw new AccessDeniedException("May not keep the record of municipality " + municipalityId);
		}
		model.addAttribute("nameForm", new AlternateName(""));
		return recordsPage(profile, q, merge, model);
	}

	@PostMapping("/municipalities/{id}/names")
	String addName(@PathVariable("id") String id, @RequestParam(name = "name", required = false) String name,
			Model model, Authentication authentication, RedirectAttributes redirect) {
		long municipalityId = MunicipalityController.parseId(id);
		String value = Text.blankToNull(name);
		String error = value == null ? "municipality.records.name.required"
				: value.length() > MAX_NAME_LENGTH ? "municipality.new.name.length" : null;
		if (error != null) {
			model.addAttribute("nameForm", new AlternateName(name == null ? "" : name));
			model.addAttribute("nameError", error);
			model.addAttribute("invalid", true);
			return recordsPage(this.profiles.profile(municipalityId), null, null, model);
		}
		this.upkeep.addAlternateName(Actor.current(), authentication.getName(), municipalityId, value);
		redirect.addFlashAttribute("flash", "municipality.records.name.added");
		return "redirect:/municipalities/" + municipalityId + "/records";
	}

	@PostMapping("/municipalities/{id}/merge")
	String merge(@PathVariable("id") String id, @RequestParam(name = "removed", required = false) String removed,
			Authentication authentication, RedirectAttributes redirect) {
		long keptId = MunicipalityController.parseId(id);
		long removedId = MunicipalityController.parseId(removed == null ? "" : removed);
		if (removedId == keptId) {
			redirect.addFlashAttribute("flash", "municipality.records.merge.self");
			return "redirect:/municipalities/" + keptId + "/records";
		}
		this.upkeep.merge(Actor.current(), authentication.getName(), keptId, removedId);
		redirect.addFlashAttribute("flash", "municipality.records.merge.done");
		return "redirect:/municipalities/" + keptId + "/records";
	}

	private String recordsPage(MunicipalityProfile profile, String q, String merge, Model model) {
		long id = profile.id();
		model.addAttribute("municipality", profile);
		String text = Text.blankToNull(q);
		model.addAttribute("q", text == null ? "" : text);
		if (text != null) {
			model.addAttribute("candidates",
					this.search.page(DirectoryParams.query(text)).results().stream().filter(candidate -> candidate.id() != id).limit(10).toList());
		}
		if (merge != null) {
			long mergeId = parseOrZero(merge);
			if (mergeId > 0 && mergeId != id) {
				try {
					model.addAttribute("duplicate", this.profiles.profile(mergeId));
					model.addAttribute("mayMerge", this.upkeep.mayKeep(Actor.current(), mergeId));
				}
				catch (MunicipalityNotFound gone) {
					// A stale link: nothing to confirm.
				}
			}
		}
		return "municipality/records";
	}

	private String newPage(NewMunicipalityForm form, Model model, Locale locale) {
		model.addAttribute("countryOptions",
				this.options.countryOptionsHtml(locale, form.getCountry() == null ? Set.of() : Set.of(form.getCountry())));
		model.addAttribute("kindOptions", Arrays.stream(MunicipalityKind.values())
			.filter(kind -> kind != MunicipalityKind.DISTRICT)
			.toList());
		return "municipality/new";
	}

	private static long parseOrZero(String id) {
		try {
			return MunicipalityController.parseId(id);
		}
		catch (MunicipalityNotFound malformed) {
			return 0;
		}
	}

	/** The alternate name form's value, shown back when refused. */
	record AlternateName(String name) {
	}
}
