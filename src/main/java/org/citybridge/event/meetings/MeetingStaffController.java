package org.citybridge.event.meetings;

import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

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

/** The organiser's meeting page: switching the programme on, windows and tables, counts, marking meetings. */
@Controller
class MeetingStaffController {

	private static final String PAGE = "/events/{slug}/manage/meetings";

	private final MeetingDesk desk;

	MeetingStaffController(MeetingDesk desk) {
		this.desk = desk;
	}

	@GetMapping(PAGE)
	String overview(@PathVariable("slug") String slug, Model model, Locale locale) {
		model.addAllAttributes(this.desk.overview(Actor.current(), slug, locale));
		return "event/meetings/manage";
	}

	@PostMapping(PAGE + "/settings")
	String settings(@PathVariable("slug") String slug, @Valid @ModelAttribute("settingsForm") MeetingSetupForms.SettingsForm form,
			BindingResult result, Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
		return MeetingController.go(this.desk.settings(Actor.current(), authentication.getName(), slug, form, result, locale),
				model, redirect);
	}

	@PostMapping(PAGE + "/windows")
	String addWindow(@PathVariable("slug") String slug, @Valid @ModelAttribute("windowForm") MeetingSetupForms.WindowForm form,
			BindingResult result, Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
		return MeetingController.go(this.desk.addWindow(Actor.current(), authentication.getName(), slug, form, result, locale),
				model, redirect);
	}

	@PostMapping(PAGE + "/windows/{id}/delete")
	String deleteWindow(@PathVariable("slug") String slug, @PathVariable("id") String id, Authentication authentication,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> this.desk.deleteWindow(Actor.current(), authentication.getName(), slug, id),
				"/events/" + slug + "/manage/meetings", redirect);
	}

	@PostMapping(PAGE + "/tables")
	String addTables(@PathVariable("slug") String slug, @Valid @ModelAttribute("tablesForm") MeetingSetupForms.TablesForm form,
			BindingResult result, Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
		return MeetingController.go(this.desk.addTables(Actor.current(), authentication.getName(), slug, form, result, locale),
				model, redirect);
	}

	@PostMapping(PAGE + "/tables/delete")
	String deleteTable(@PathVariable("slug") String slug,
			@Valid @ModelAttribute("tableRemovalForm") MeetingSetupForms.TableRemovalForm form, BindingResult result,
			Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
		return MeetingController.go(this.desk.deleteTable(Actor.current(), authentication.getName(), slug, form, result, locale),
				model, redirect);
	}

	@PostMapping(PAGE + "/{id}/mark")
	String mark(@PathVariable("slug") String slug, @PathVariable("id") String id,
			@RequestParam(name = "outcome", required = false) String outcome, Authentication authentication, Model model,
			Locale locale, RedirectAttributes redirect) {
		return MeetingController.go(this.desk.mark(Actor.current(), authentication.getName(), slug, id, outcome, locale), model,
				redirect);
	}
}
