package org.citybridge.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;
import org.citybridge.system.Refusal;
import org.citybridge.system.files.AttachmentType;
import org.citybridge.system.Text;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case studies' pages: the search, a case study with its files, the form authors write with,
 * and staff's approval. Each handler makes one call; who may do what is the services' to say.
 */
@Controller
record CaseStudyController(CaseStudyPages pages, CaseStudyWriting writing, CaseStudyAttachments attachments) {

	@GetMapping("/learn/case-studies")
	String search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "theme", required = false) String theme,
			@RequestParam(name = "municipality", required = false) String municipality,
			@RequestParam(name = "page", required = false) String page, Model model) {
		CaseStudyPages.Search search = this.pages.search(q, theme, municipality, page);
		PageModel.add(model, search);
		return "learning/case-studies";
	}

	@GetMapping("/learn/case-studies/{id}")
	String caseStudy(@PathVariable("id") String id, Model model) {
		CaseStudyPages.Study page = this.pages.study(Actor.current(), studyId(id));
		PageModel.add(model, page);
		model.addAttribute("maxMegabytes", AttachmentType.MAX_BYTES / (1024 * 1024));
		return "learning/case-study";
	}

	@GetMapping("/learn/case-studies/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable("id") String id, @PathVariable("attachmentId") String attachmentId) {
		CaseStudies.AttachmentFile file = this.attachments.attachment(Actor.current(), studyId(id), studyId(attachmentId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.data());
	}

	@PostMapping("/learn/case-studies/{id}/attachments")
	String attach(@PathVariable("id") String id, @RequestParam(name = "file", required = false) MultipartFile file,
			Authentication authentication, RedirectAttributes redirect) throws IOException {
		long studyId = studyId(id);
		try {
			if (file == null || file.isEmpty()) {
				throw new Refusal("file", "learning.attachment.empty");
			}
			if (file.getSize() > AttachmentType.MAX_BYTES) {
				throw new Refusal("file", "learning.attachment.tooLarge");
			}
			this.attachments.addAttachment(Actor.current(), authentication.getName(), studyId, file.getOriginalFilename(),
					file.getBytes());
			redirect.addFlashAttribute("flash", "learning.flash.attached");
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey());
		}
		return "redirect:/learn/case-studies/" + studyId;
	}

	@PostMapping("/learn/case-studies/{id}/approve")
	String approve(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		return moderate(id, true, authentication, redirect);
	}

	@PostMapping("/learn/case-studies/{id}/reject")
	String rejectStudy(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		return moderate(id, false, authentication, redirect);
	}

	/** Approves or rejects a case study and goes back to it, saying which. */
	private String moderate(String id, boolean approved, Authentication authentication, RedirectAttributes redirect) {
		long studyId = studyId(id);
		this.writing.moderate(Actor.current(), authentication.getName(), studyId, approved);
		redirect.addFlashAttribute("flash", approved ? "learning.flash.approved" : "learning.flash.rejected");
		return "redirect:/learn/case-studies/" + studyId;
	}

	@GetMapping("/learn/case-studies/new")
	String newCaseStudy(Model model, Locale locale) {
		CaseStudyForm form = CaseStudyForm.empty(Actor.current().municipalityId(), locale);
		model.addAttribute("caseStudyForm", form);
		return caseStudyForm(this.pages.newForm(Actor.current(), form), model);
	}

	@PostMapping("/learn/case-studies/new")
	String createCaseStudy(@Valid @ModelAttribute("caseStudyForm") CaseStudyForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		CaseStudyPages.Saved saved = this.pages.create(Actor.current(), authentication.getName(), form, result);
		return savedOrForm(saved, "learning.flash.caseCreated", model, redirect);
	}

	@GetMapping("/learn/case-studies/{id}/edit")
	String editCaseStudy(@PathVariable("id") String id, Model model) {
		CaseStudyPages.Form page = this.pages.editForm(Actor.current(), studyId(id));
		model.addAttribute("caseStudyForm", CaseStudyForm.of(page.study()));
		return caseStudyForm(page, model);
	}

	@PostMapping("/learn/case-studies/{id}/edit")
	String updateCaseStudy(@PathVariable("id") String id, @Valid @ModelAttribute("caseStudyForm") CaseStudyForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		CaseStudyPages.Saved saved = this.pages.update(Actor.current(), authentication.getName(), studyId(id), form,
				result);
		return savedOrForm(saved, "learning.flash.caseUpdated", model, redirect);
	}

	/**
	 * The case study's page when saved; else the form again: after a picker button or the preview
	 * as it now is, with no message yet and nothing saved (the way to choose municipalities and
	 * agreements and to see the text without JavaScript), else with its errors.
	 */
	private static String savedOrForm(CaseStudyPages.Saved saved, String flash, Model model,
			RedirectAttributes redirect) {
		if (saved.id() != null) {
			redirect.addFlashAttribute("flash", flash);
			return "redirect:/learn/case-studies/" + saved.id();
		}
		if (saved.picking()) {
			model.addAttribute("caseStudyForm", saved.shown());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "caseStudyForm",
					new BeanPropertyBindingResult(saved.shown(), "caseStudyForm"));
		}
		else {
			model.addAttribute("invalid", true);
		}
		return caseStudyForm(saved.form(), model);
	}

	private static String caseStudyForm(CaseStudyPages.Form page, Model model) {
		model.addAttribute("study", page.study());
		model.addAttribute("agreementChoices", page.agreementChoices());
		model.addAttribute("languages", Languages.ALL);
		model.addAttribute("themeCodes", page.themeCodes());
		model.addAttribute("chosen", page.chosen());
		model.addAttribute("searched", page.searched());
		model.addAttribute("searchResults", page.searchResults());
		model.addAttribute("preview", page.preview());
		model.addAttribute("hiddenImages", page.hiddenImages());
		return "learning/case-study-form";
	}

	private static long studyId(String id) {
		return Text.requireId(id, CaseStudyNotFound::new);
	}
}
