package org.citybridge.funding.manage;

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

/** Staff forms: an instrument with its eligibility rules, and its calls. */
@Controller
record FundingStaffController(FundingForms forms) {

	@GetMapping("/funding/new")
	String newInstrument(Model model) {
		return this.forms.newInstrument(Actor.current()).show(model);
	}

	@PostMapping("/funding/new")
	String createInstrument(@Valid @ModelAttribute("instrumentForm") InstrumentForm form, BindingResult result,
			Model model, Authentication authentication, RedirectAttributes redirect, Locale locale) {
		return answer(
				this.forms.createInstrument(Actor.current(), authentication.getName(), form, result.hasErrors(), locale),
				result, model, redirect);
	}

	@GetMapping("/funding/{slug}/edit")
	String editInstrument(@PathVariable("slug") String slug, Model model, Locale locale) {
		return this.forms.editInstrument(Actor.current(), slug, locale).show(model);
	}

	@PostMapping("/funding/{slug}/edit")
	String updateInstrument(@PathVariable("slug") String slug, @Valid @ModelAttribute("instrumentForm") InstrumentForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect, Locale locale) {
		return answer(
				this.forms.updateInstrument(Actor.current(), authentication.getName(), slug, form, result.hasErrors(), locale),
				result, model, redirect);
	}

	@GetMapping("/funding/{slug}/calls/new")
	String newCall(@PathVariable("slug") String slug, Model model) {
		return this.forms.newCall(Actor.current(), slug).show(model);
	}

	@PostMapping("/funding/{slug}/calls/new")
	String createCall(@PathVariable("slug") String slug, @Valid @ModelAttribute("callForm") CallForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		return answer(this.forms.createCall(Actor.current(), authentication.getName(), slug, form, result.hasErrors()),
				result, model, redirect);
	}

	@GetMapping("/funding/{slug}/calls/{id}/edit")
	String editCall(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model) {
		return this.forms.editCall(Actor.current(), slug, id).show(model);
	}

	@PostMapping("/funding/{slug}/calls/{id}/edit")
	String updateCall(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("callForm") CallForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		return answer(
				this.forms.updateCall(Actor.current(), authentication.getName(), slug, id, form, result.hasErrors()),
				result, model, redirect);
	}

	/** Goes where a saved form leads, with its flash message; else shows the form again with what is wrong. */
	private static String answer(Submitted<FundingForms.Saved, FundingForms.Page> submitted, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (submitted.isSaved()) {
			redirect.addFlashAttribute("flash", submitted.saved().flash());
			return "redirect:" + submitted.saved().location();
		}
		submitted.rejectIn(result);
		model.addAttribute("invalid", true);
		return submitted.page().show(model);
	}
}
