package org.citybridge.funding.lumpsums;

import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.Submitted;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff's form of a published lump-sum table: an instrument's own, or one of its calls'. */
@Controller
record LumpSumController(LumpSumPages pages) {

	@GetMapping("/funding/{slug}/lump-sums")
	String instrumentTable(@PathVariable("slug") String slug, Model model) {
		return this.pages.form(Actor.current(), slug, null).show(model);
	}

	@PostMapping("/funding/{slug}/lump-sums")
	String saveInstrumentTable(@PathVariable("slug") String slug, @Valid @ModelAttribute("lumpSumForm") LumpSumForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect, Locale locale) {
		return answer(this.pages.save(Actor.current(), authentication.getName(), slug, null, form, result.hasErrors(), locale),
				result, model, redirect);
	}

	@GetMapping("/funding/{slug}/calls/{id}/lump-sums")
	String callTable(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model) {
		return this.pages.form(Actor.current(), slug, id).show(model);
	}

	@PostMapping("/funding/{slug}/calls/{id}/lump-sums")
	String saveCallTable(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("lumpSumForm") LumpSumForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect, Locale locale) {
		return answer(this.pages.save(Actor.current(), authentication.getName(), slug, id, form, result.hasErrors(), locale),
				result, model, redirect);
	}

	private static String answer(Submitted<String, LumpSumPages.Page> submitted, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (submitted.isSaved()) {
			redirect.addFlashAttribute("flash", "funding.flash.lumpSumsSaved");
			return "redirect:" + submitted.saved();
		}
		submitted.rejectIn(result);
		model.addAttribute("invalid", true);
		return submitted.page().show(model);
	}
}
