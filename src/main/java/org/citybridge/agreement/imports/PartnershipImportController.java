package org.citybridge.agreement.imports;

import java.io.IOException;

import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff upload a partnership list (Wikipedia's or their own, same CSV format), follow its import,
 * read its report and review the ambiguous rows; the same import as the command line.
 */
@Controller
record PartnershipImportController(PartnershipImportPages pages) {

	@GetMapping("/agreements/import")
	String form(Model model) {
		model.addAttribute("importForm", PartnershipImportForm.empty());
		return form(model, this.pages.form(Actor.current()), false);
	}

	private static String form(Model model, PartnershipImportPages.Form form, boolean invalid) {
		model.addAttribute("fileError", form.fileError());
		model.addAttribute("runs", form.runs());
		model.addAttribute("pending", form.pending());
		model.addAttribute("invalid", invalid);
		return "agreement/import";
	}

	@PostMapping("/agreements/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@ModelAttribute("importForm") PartnershipImportForm choices, BindingResult result,
			Authentication authentication, Model model) throws IOException {
		choices.problems().forEach((field, key) -> result.rejectValue(field, key));
		PartnershipImportPages.Upload upload = this.pages.upload(Actor.current(), authentication.getName(), file, choices,
				!result.hasErrors());
		if (upload.runId() == null) {
			return form(model, upload.form(), true);
		}
		return "redirect:/agreements/imports/" + upload.runId();
	}

	@GetMapping("/agreements/imports/{id}")
	String run(@PathVariable("id") String id, @RequestParam(name = "outcome", required = false) String outcome,
			@RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "page", required = false) String page, Model model) {
		PartnershipImportPages.RunPage view = this.pages.run(Actor.current(), id, outcome, reason, page);
		PageModel.add(model, view);
		model.addAttribute("view", view);
		return "agreement/import-run";
	}

	@GetMapping("/agreements/import/review")
	String reviewList(@RequestParam(name = "page", required = false) String page, Model model) {
		PartnershipImportPages.ReviewList list = this.pages.reviewList(Actor.current(), page);
		PageModel.add(model, list);
		return "agreement/import-review";
	}

	@GetMapping("/agreements/import/review/{id}")
	String reviewRow(@PathVariable("id") String id, Model model) {
		return reviewPage(model, this.pages.reviewRow(Actor.current(), id), null);
	}

	private static String reviewPage(Model model, PartnershipReview.ReviewRow row, String error) {
		model.addAttribute("row", row);
		model.addAttribute("error", error);
		return "agreement/import-review-row";
	}

	@PostMapping("/agreements/import/review/{id}")
	String resolve(@PathVariable("id") String id, @RequestParam(name = "first", required = false) String first,
			@RequestParam(name = "second", required = false) String second, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		PartnershipImportPages.Resolved resolved = this.pages.resolve(Actor.current(), authentication.getName(), id, first,
				second);
		if (resolved.flash() == null) {
			return reviewPage(model, resolved.row(), resolved.error());
		}
		redirect.addFlashAttribute("flash", resolved.flash());
		if (resolved.agreementId() != null) {
			redirect.addFlashAttribute("registeredId", resolved.agreementId());
		}
		return "redirect:/agreements/import/review";
	}
}
