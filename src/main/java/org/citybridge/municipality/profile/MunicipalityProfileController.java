package org.citybridge.municipality.profile;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.theme.Themes;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.citybridge.municipality.directory.MunicipalityController;

/** The profile edit form, for officers of the municipality, staff of its networks and admins. */
@Controller
class MunicipalityProfileController {

	private final MunicipalityProfiles profiles;

	private final Themes themes;

	MunicipalityProfileController(MunicipalityProfiles profiles, Themes themes) {
		this.profiles = profiles;
		this.themes = themes;
	}

	@GetMapping("/municipalities/{id}/edit")
	String form(@PathVariable("id") String id, Model model) {
		long municipalityId = MunicipalityController.parseId(id);
		model.addAttribute("profile", this.profiles.formFor(Actor.current(), municipalityId));
		return page(municipalityId, model);
	}

	@PostMapping("/municipalities/{id}/edit")
	String save(@PathVariable("id") String id, @Valid @ModelAttribute("profile") ProfileForm form, BindingResult result,
			Model model, Authentication authentication, RedirectAttributes redirect) {
		long municipalityId = MunicipalityController.parseId(id);
		if (!result.hasFieldErrors("workingLanguages") && !MunicipalityProfiles.knownLanguages(form.workingLanguages())) {
			result.rejectValue("workingLanguages", "municipality.edit.languages.invalid");
		}
		if (!result.hasErrors()) {
			try {
				this.profiles.edit(Actor.current(), municipalityId, form, authentication.getName());
				redirect.addFlashAttribute("flash", "municipality.edit.saved");
				return "redirect:/municipalities/" + municipalityId;
			}
			catch (MunicipalityProfiles.ProfileChanged changed) {
				result.reject("municipality.edit.conflict");
			}
			catch (IllegalArgumentException unknownTheme) {
				result.rejectValue("offeredThemes", "municipality.edit.themes.invalid");
			}
		}
		model.addAttribute("invalid", true);
		return page(municipalityId, model);
	}

	private String page(long id, Model model) {
		model.addAttribute("municipalityId", id);
		model.addAttribute("municipalityName", this.profiles.nameOf(id));
		model.addAttribute("themes", this.themes.codes());
		return "municipality/form";
	}
}
