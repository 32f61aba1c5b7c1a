package org.citybridge.municipality.profile;

import java.util.Locale;

import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The profile edit form, for officers of the municipality, staff of its networks and admins. */
@Controller
record MunicipalityProfileController(ProfilePages pages) {

	@GetMapping("/municipalities/{id}/edit")
	String form(@PathVariable("id") String id, Model model, Locale locale) {
		long municipalityId = MunicipalityController.parseId(id);
		ProfilePages.FormPage page = this.pages.form(Actor.current(), municipalityId, locale);
		model.addAttribute("profile", page.form());
		return page(municipalityId, page, model);
	}

	@PostMapping("/municipalities/{id}/edit")
	String save(@PathVariable("id") String id, @Valid @ModelAttribute("profile") ProfileForm form, BindingResult result,
			Model model, Authentication authentication, RedirectAttributes redirect, Locale locale) {
		long municipalityId = MunicipalityController.parseId(id);
		ProfilePages.Saved saved = this.pages.save(Actor.current(), municipalityId, form, authentication.getName(),
				!result.hasErrors(), locale);
		if (saved.saved()) {
			redirect.addFlashAttribute("flash", "municipality.edit.saved");
			return "redirect:/municipalities/" + municipalityId;
		}
		if (saved.refusal() != null) {
			saved.refusal().rejectIn(result);
		}
		model.addAttribute("invalid", true);
		return page(municipalityId, saved.page(), model);
	}

	/** The form's page; the form itself is in the model already (as opened, or as sent with its errors). */
	private static String page(long id, ProfilePages.FormPage page, Model model) {
		model.addAttribute("municipalityId", id);
		model.addAttribute("municipalityName", page.municipalityName());
		model.addAttribute("themes", page.themes());
		return "municipality/form";
	}
}
