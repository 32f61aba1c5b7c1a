package org.citybridge.learning.training;

import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.learning.Languages;
import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;
import org.citybridge.system.ViewerZone;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learning overview, training programmes (their pages, the form staff publish them with,
 * enrolling, cancelling, marking completion) and one's own learning. Each handler makes one call;
 * who may do what is the services' to say.
 */
@Controller
record TrainingController(Training training, TrainingPages pages) {

	@GetMapping("/learn")
	String overview(Model model, Locale locale) {
		TrainingPages.Overview page = this.pages.overview(Actor.current(), locale);
		PageModel.add(model, page);
		return "learning/overview";
	}

	@GetMapping("/learn/training/{id}")
	String programme(@PathVariable("id") String id, Model model, Locale locale) {
		TrainingPages.ProgrammePage page = this.pages.programme(Actor.current(), programmeId(id), locale);
		PageModel.add(model, page);
		return "learning/programme";
	}

	@PostMapping("/learn/training/{id}/enrol")
	String enrol(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long programmeId = programmeId(id);
		return Refusal.redirectAfter(() -> {
			EnrolmentStatus status = this.training.enrol(Actor.current(), authentication.getName(), programmeId);
			return status == EnrolmentStatus.CONFIRMED ? "learning.flash.enrolled" : "learning.flash.waiting";
		}, "/learn/training/" + programmeId, redirect);
	}

	@PostMapping("/learn/training/{id}/cancel")
	String cancel(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long programmeId = programmeId(id);
		return Refusal.redirectAfter(() -> {
			this.training.cancel(Actor.current(), authentication.getName(), programmeId);
			return "learning.flash.cancelled";
		}, "/learn/training/" + programmeId, redirect);
	}

	@PostMapping("/learn/training/{id}/enrolments/{enrolmentId}/complete")
	String complete(@PathVariable("id") String id, @PathVariable("enrolmentId") String enrolmentId,
			Authentication authentication, RedirectAttributes redirect) {
		long programmeId = programmeId(id);
		return Refusal.redirectAfter(() -> {
			this.training.complete(Actor.current(), authentication.getName(), programmeId, programmeId(enrolmentId));
			return "learning.flash.completed";
		}, "/learn/training/" + programmeId, redirect);
	}

	@GetMapping("/learn/training/new")
	String newProgramme(Model model) {
		this.pages.mayPublish(Actor.current());
		model.addAttribute("programmeForm", ProgrammeForm.empty());
		return programmeForm(null, model);
	}

	@PostMapping("/learn/training/new")
	String createProgramme(@Valid @ModelAttribute("programmeForm") ProgrammeForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		Long id = this.pages.create(Actor.current(), authentication.getName(), form, result);
		if (id != null) {
			redirect.addFlashAttribute("flash", "learning.flash.programmeCreated");
			return "redirect:/learn/training/" + id;
		}
		model.addAttribute("invalid", true);
		return programmeForm(null, model);
	}

	@GetMapping("/learn/training/{id}/edit")
	String editProgramme(@PathVariable("id") String id, Model model) {
		Training.Course programme = this.pages.managed(Actor.current(), programmeId(id));
		model.addAttribute("programmeForm", ProgrammeForm.of(programme));
		return programmeForm(programme, model);
	}

	@PostMapping("/learn/training/{id}/edit")
	String updateProgramme(@PathVariable("id") String id, @Valid @ModelAttribute("programmeForm") ProgrammeForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		Training.Course programme = this.pages.update(Actor.current(), authentication.getName(), programmeId(id), form,
				result);
		if (!result.hasErrors()) {
			redirect.addFlashAttribute("flash", "learning.flash.programmeUpdated");
			return "redirect:/learn/training/" + programme.id();
		}
		model.addAttribute("invalid", true);
		return programmeForm(programme, model);
	}

	@GetMapping("/learn/my")
	String mine(Model model) {
		TrainingPages.Mine mine = this.pages.mine(Actor.current());
		PageModel.add(model, mine);
		return "learning/my";
	}

	private static String programmeForm(Training.Course programme, Model model) {
		model.addAttribute("programme", programme);
		model.addAttribute("topics", TrainingTopic.values());
		model.addAttribute("formats", TrainingFormat.values());
		model.addAttribute("languages", Languages.ALL);
		model.addAttribute("suggestedZones", ViewerZone.SUGGESTED);
		return "learning/programme-form";
	}

	private static long programmeId(String id) {
		return Text.requireId(id, TrainingNotFound::new);
	}
}
