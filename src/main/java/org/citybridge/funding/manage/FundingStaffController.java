package org.citybridge.funding.manage;

import java.util.List;

import jakarta.validation.Valid;

import org.citybridge.country.CountryGroup;
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
import org.citybridge.funding.pages.FundingController;
import org.citybridge.funding.BodyKind;
import org.citybridge.funding.Call;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingNotFound;
import org.citybridge.funding.FundingPolicy;
import org.citybridge.funding.Instrument;

/** Staff forms: an instrument with its eligibility rules, and its calls. */
@Controller
class FundingStaffController {

	static final List<String> SUGGESTED_ZONES = List.of("Europe/Brussels", "Asia/Ulaanbaatar", "Europe/Belgrade",
			"Europe/Paris", "UTC");

	private final FundingEditor editor;

	private final FundingCatalogue catalogue;

	private final FundingPolicy policy;

	private final Themes themes;

	FundingStaffController(FundingEditor editor, FundingCatalogue catalogue, FundingPolicy policy, Themes themes) {
		this.editor = editor;
		this.catalogue = catalogue;
		this.policy = policy;
		this.themes = themes;
	}

	@GetMapping("/funding/new")
	String newInstrument(Model model) {
		this.policy.requireEditor(Actor.current());
		model.addAttribute("instrumentForm", InstrumentForm.empty());
		return instrumentForm(null, model);
	}

	@PostMapping("/funding/new")
	String createInstrument(@Valid @ModelAttribute("instrumentForm") InstrumentForm form, BindingResult result,
			Model model, Authentication authentication, RedirectAttributes redirect) {
		this.policy.requireEditor(Actor.current());
		if (!result.hasErrors()) {
			try {
				String slug = this.editor.createInstrument(Actor.current(), authentication.getName(), form);
				redirect.addFlashAttribute("flash", "funding.flash.instrumentCreated");
				return "redirect:/funding/" + slug;
			}
			catch (FundingEditor.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return instrumentForm(null, model);
	}

	@GetMapping("/funding/{slug}/edit")
	String editInstrument(@PathVariable("slug") String slug, Model model) {
		Instrument instrument = this.editor.editable(Actor.current(), slug);
		model.addAttribute("instrumentForm", InstrumentForm.of(instrument));
		return instrumentForm(instrument, model);
	}

	@PostMapping("/funding/{slug}/edit")
	String updateInstrument(@PathVariable("slug") String slug, @Valid @ModelAttribute("instrumentForm") InstrumentForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		Instrument instrument = this.editor.editable(Actor.current(), slug);
		if (!result.hasErrors()) {
			try {
				String newSlug = this.editor.updateInstrument(Actor.current(), authentication.getName(), slug, form);
				redirect.addFlashAttribute("flash", "funding.flash.instrumentUpdated");
				return "redirect:/funding/" + newSlug;
			}
			catch (FundingEditor.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return instrumentForm(instrument, model);
	}

	@GetMapping("/funding/{slug}/calls/new")
	String newCall(@PathVariable("slug") String slug, Model model) {
		Instrument instrument = this.editor.editable(Actor.current(), slug);
		model.addAttribute("callForm", CallForm.empty());
		return callForm(instrument, null, model);
	}

	@PostMapping("/funding/{slug}/calls/new")
	String createCall(@PathVariable("slug") String slug, @Valid @ModelAttribute("callForm") CallForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		Instrument instrument = this.editor.editable(Actor.current(), slug);
		if (!result.hasErrors()) {
			try {
				long id = this.editor.createCall(Actor.current(), authentication.getName(), slug, form);
				redirect.addFlashAttribute("flash", "funding.flash.callCreated");
				return "redirect:/funding/" + instrument.slug() + "#call-" + id;
			}
			catch (FundingEditor.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return callForm(instrument, null, model);
	}

	@GetMapping("/funding/{slug}/calls/{id}/edit")
	String editCall(@PathVariable("slug") String slug, @PathVariable("id") String id, Model model) {
		Instrument instrument = this.editor.editable(Actor.current(), slug);
		Call call = this.catalogue.call(instrument.id(), callId(id));
		model.addAttribute("callForm", CallForm.of(call));
		return callForm(instrument, call.id(), model);
	}

	@PostMapping("/funding/{slug}/calls/{id}/edit")
	String updateCall(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@Valid @ModelAttribute("callForm") CallForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		Instrument instrument = this.editor.editable(Actor.current(), slug);
		long callId = this.catalogue.call(instrument.id(), callId(id)).id();
		if (!result.hasErrors()) {
			try {
				this.editor.updateCall(Actor.current(), authentication.getName(), slug, callId, form);
				redirect.addFlashAttribute("flash", "funding.flash.callUpdated");
				return "redirect:/funding/" + instrument.slug() + "#call-" + callId;
			}
			catch (FundingEditor.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return callForm(instrument, callId, model);
	}

	private String instrumentForm(Instrument instrument, Model model) {
		model.addAttribute("instrument", instrument);
		model.addAttribute("themes", this.themes.codes());
		model.addAttribute("groups", CountryGroup.values());
		model.addAttribute("bodies", BodyKind.values());
		return "funding/form";
	}

	private String callForm(Instrument instrument, Long callId, Model model) {
		model.addAttribute("instrument", instrument);
		model.addAttribute("callId", callId);
		model.addAttribute("suggestedZones", SUGGESTED_ZONES);
		return "funding/call-form";
	}

	private static void reject(BindingResult result, FundingEditor.Refused refused) {
		Object[] args = refused.argument == null ? null : new Object[] { refused.argument };
		if (refused.field == null) {
			result.reject(refused.messageKey, args, null);
		}
		else if (!result.hasFieldErrors(refused.field)) {
			result.rejectValue(refused.field, refused.messageKey, args, null);
		}
	}

	private static long callId(String id) {
		Long value = org.citybridge.system.Ids.orNull(id);
		if (value == null) {
			throw new FundingNotFound(id);
		}
		return value;
	}
}
