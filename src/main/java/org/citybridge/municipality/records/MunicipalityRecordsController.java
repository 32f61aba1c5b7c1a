package org.citybridge.municipality.records;

import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.directory.MunicipalityController;
import org.citybridge.system.Actor;

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

/**
 * Staff pages that keep the directory's records: add a municipality GeoNames lacks, give one an
 * alternate name, and merge a duplicate into it (find it, confirm, merge). Everything works as
 * plain forms; the service checks who may.
 */
@Controller
record MunicipalityRecordsController(RecordsPages pages, MunicipalityUpkeep upkeep) {

	@GetMapping("/municipalities/new")
	String newForm(Model model, Locale locale) {
		NewMunicipalityForm form = new NewMunicipalityForm();
		form.setKind(MunicipalityKind.TOWN);
		model.addAttribute("record", form);
		return newPage(this.pages.newPage(form, locale), model);
	}

	@PostMapping("/municipalities/new")
	String add(@Valid @ModelAttribute("record") NewMunicipalityForm form, BindingResult result, Model model,
			Locale locale, Authentication authentication, RedirectAttributes redirect) {
		RecordsPages.Added added = this.pages.add(Actor.current(), authentication.getName(), form, result, locale);
		if (added.id() != null) {
			redirect.addFlashAttribute("flash", "municipality.new.added");
			return "redirect:/municipalities/" + added.id();
		}
		model.addAttribute("invalid", true);
		return newPage(added.page(), model);
	}

	@GetMapping("/municipalities/{id}/records")
	String records(@PathVariable("id") String id, @RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "merge", required = false) String merge, Model model) {
		long municipalityId = MunicipalityController.parseId(id);
		model.addAttribute("nameForm", new AlternateName(""));
		return recordsPage(this.pages.records(Actor.current(), municipalityId, q, merge), model);
	}

	@PostMapping("/municipalities/{id}/names")
	String addName(@PathVariable("id") String id, @RequestParam(name = "name", required = false) String name,
			Model model, Authentication authentication, RedirectAttributes redirect) {
		long municipalityId = MunicipalityController.parseId(id);
		Optional<RecordsPages.NameRefused> refused = this.pages.addName(Actor.current(), authentication.getName(),
				municipalityId, name);
		if (refused.isPresent()) {
			model.addAttribute("nameForm", new AlternateName(refused.get().name()));
			model.addAttribute("nameError", refused.get().error());
			model.addAttribute("invalid", true);
			return recordsPage(refused.get().page(), model);
		}
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

	private static String recordsPage(RecordsPages.RecordsPage page, Model model) {
		model.addAttribute("municipality", page.municipality());
		model.addAttribute("q", page.q());
		if (page.candidates() != null) {
			model.addAttribute("candidates", page.candidates());
		}
		if (page.duplicate() != null) {
			model.addAttribute("duplicate", page.duplicate());
			model.addAttribute("mayMerge", page.mayMerge());
		}
		return "municipality/records";
	}

	private static String newPage(RecordsPages.NewPage page, Model model) {
		model.addAttribute("countryOptions", page.countryOptions());
		model.addAttribute("kindOptions", page.kindOptions());
		return "municipality/new";
	}

	/** The alternate name form's value, shown back when refused. */
	record AlternateName(String name) {
	}
}
