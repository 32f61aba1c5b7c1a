package org.citybridge.agreement.activities;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;
import org.citybridge.system.files.AttachmentType;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Recording, editing and removing an agreement's activities, and their documents. */
@Controller
record ActivityController(ActivityPages pages, Activities activities, ActivityReads reads) {

	@GetMapping("/agreements/{id}/activities/new")
	String newActivity(@PathVariable("id") String id, @RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "checkIn", required = false) String checkIn, Model model) {
		return form(this.pages.newForm(Actor.current(), agreementId(id), kind, checkIn), model);
	}

	@PostMapping("/agreements/{id}/activities/new")
	String create(@PathVariable("id") String id, @Valid @ModelAttribute("activityForm") ActivityForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect,
			Locale locale) {
		long agreementId = agreementId(id);
		ActivityPages.Outcome outcome = this.pages.create(Actor.current(), authentication.getName(), agreementId, form,
				!result.hasErrors(), locale.getLanguage());
		return after(outcome, agreementId, "activity.flash.recorded", result, model, redirect);
	}

	@GetMapping("/agreements/{id}/activities/{activityId}/edit")
	String edit(@PathVariable("id") String id, @PathVariable("activityId") String activityId, Model model) {
		return form(this.pages.editForm(Actor.current(), agreementId(id), agreementId(activityId)), model);
	}

	@PostMapping("/agreements/{id}/activities/{activityId}/edit")
	String update(@PathVariable("id") String id, @PathVariable("activityId") String activityId,
			@Valid @ModelAttribute("activityForm") ActivityForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		long agreement = agreementId(id);
		ActivityPages.Outcome outcome = this.pages.update(Actor.current(), authentication.getName(), agreement,
				agreementId(activityId), form, !result.hasErrors());
		return after(outcome, agreement, "activity.flash.updated", result, model, redirect);
	}

	@PostMapping("/agreements/{id}/activities/{activityId}/remove")
	String remove(@PathVariable("id") String id, @PathVariable("activityId") String activityId,
			@RequestParam(name = "version", required = false) String version, Authentication authentication,
			RedirectAttributes redirect) {
		long agreement = agreementId(id);
		long activity = agreementId(activityId);
		long expected = version != null && version.matches("\\d{1,18}") ? Long.parseLong(version) : -1;
		return Refusal.redirectAfter(() -> {
			this.activities.remove(Actor.current(), authentication.getName(), agreement, activity, expected);
			return "activity.flash.removed";
		}, "/agreements/" + agreement + "#activities-heading", redirect);
	}

	@GetMapping("/agreements/{id}/activities/{activityId}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable("id") String id, @PathVariable("activityId") String activityId,
			@PathVariable("documentId") String documentId) {
		long agreement = agreementId(id);
		ActivityReads.DocumentFile file = this.reads.document(agreement, agreementId(activityId), agreementId(documentId))
			.orElseThrow(() -> new AgreementNotFound(agreement + "/" + activityId + "/" + documentId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(AttachmentType.downloadName(file.fileName(), file.contentType()), StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.data());
	}

	private static long agreementId(String id) {
		return Text.requireId(id, AgreementNotFound::new);
	}

	private static String after(ActivityPages.Outcome outcome, long agreementId, String flash, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (outcome.saved()) {
			redirect.addFlashAttribute("flash", flash);
			return "redirect:/agreements/" + agreementId + "#activities-heading";
		}
		if (outcome.refused() != null) {
			outcome.refused().rejectIn(result);
		}
		model.addAttribute("invalid", true);
		return form(outcome.page(), model);
	}

	private static String form(ActivityPages.FormPage page, Model model) {
		if (!model.containsAttribute("activityForm")) {
			model.addAttribute("activityForm", page.form());
		}
		model.addAttribute("page", page);
		model.addAttribute("kinds", ActivityKind.values());
		model.addAttribute("maxMegabytes", AttachmentType.MAX_BYTES / (1024 * 1024));
		return "agreement/activity-form";
	}
}
