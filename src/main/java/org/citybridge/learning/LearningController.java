package org.citybridge.learning;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.theme.Themes;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

@Controller
class LearningController {

	/** Zones offered beside the free field. */
	static final List<String> SUGGESTED_ZONES = List.of("Europe/Brussels", "Asia/Ulaanbaatar", "Asia/Hovd",
			"Europe/Belgrade", "Europe/Paris", "UTC");

	private final Training training;

	private final CaseStudies caseStudies;

	private final Themes themes;

	LearningController(Training training, CaseStudies caseStudies, Themes themes) {
		this.training = training;
		this.caseStudies = caseStudies;
		this.themes = themes;
	}

	@GetMapping("/learn")
	String overview(Model model, Locale locale) {
		Actor actor = Actor.current();
		model.addAttribute("programmes", this.training.upcoming().stream().map(p -> listed(p, locale)).toList());
		model.addAttribute("pastProgrammes", this.training.past().stream().map(p -> listed(p, locale)).toList());
		model.addAttribute("caseStudies", this.caseStudies.latest(10));
		model.addAttribute("pending", this.caseStudies.pending(actor));
		model.addAttribute("mayPublish", this.training.mayPublish(actor));
		model.addAttribute("mayWrite", this.caseStudies.mayWrite(actor));
		model.addAttribute("signedIn", actor.isSignedIn());
		model.addAttribute("themeCodes", this.themes.codes());
		return "learning/overview";
	}

	// Training

	@GetMapping("/learn/training/{id}")
	String programme(@PathVariable("id") String id, Model model, Locale locale) {
		Actor actor = Actor.current();
		Training.Programme programme = this.training.programme(parseId(id, true));
		model.addAttribute("programme", programme);
		model.addAttribute("when", when(programme, locale));
		model.addAttribute("mine", this.training.myEnrolment(actor, programme.id()).orElse(null));
		model.addAttribute("mayEnrol", this.training.mayEnrol(actor));
		boolean mayManage = this.training.mayManage(actor, programme);
		model.addAttribute("mayManage", mayManage);
		model.addAttribute("enrolments", mayManage ? this.training.enrolments(actor, programme.id()) : List.of());
		model.addAttribute("signedIn", actor.isSignedIn());
		return "learning/programme";
	}

	@PostMapping("/learn/training/{id}/enrol")
	String enrol(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long programmeId = parseId(id, true);
		try {
			EnrolmentStatus status = this.training.enrol(Actor.current(), authentication.getName(), programmeId);
			redirect.addFlashAttribute("flash", status == EnrolmentStatus.CONFIRMED ? "learning.flash.enrolled" : "learning.flash.waiting");
		}
		catch (LearningRefused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/learn/training/" + programmeId;
	}

	@PostMapping("/learn/training/{id}/cancel")
	String cancel(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long programmeId = parseId(id, true);
		try {
			this.training.cancel(Actor.current(), authentication.getName(), programmeId);
			redirect.addFlashAttribute("flash", "learning.flash.cancelled");
		}
		catch (LearningRefused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/learn/training/" + programmeId;
	}

	@PostMapping("/learn/training/{id}/enrolments/{enrolmentId}/complete")
	String complete(@PathVariable("id") String id, @PathVariable("enrolmentId") String enrolmentId,
			Authentication authentication, RedirectAttributes redirect) {
		long programmeId = parseId(id, true);
		try {
			this.training.complete(Actor.current(), authentication.getName(), programmeId, parseId(enrolmentId, true));
			redirect.addFlashAttribute("flash", "learning.flash.completed");
		}
		catch (LearningRefused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/learn/training/" + programmeId;
	}

	@GetMapping("/learn/training/new")
	String newProgramme(Model model) {
		if (!this.training.mayPublish(Actor.current())) {
			throw new AccessDeniedException("May not publish training");
		}
		model.addAttribute("programmeForm", ProgrammeForm.empty());
		return programmeForm(null, model);
	}

	@PostMapping("/learn/training/new")
	String createProgramme(@Valid @ModelAttribute("programmeForm") ProgrammeForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		if (!this.training.mayPublish(Actor.current())) {
			throw new AccessDeniedException("May not publish training");
		}
		if (!result.hasErrors()) {
			try {
				long id = this.training.create(Actor.current(), authentication.getName(), form);
				redirect.addFlashAttribute("flash", "learning.flash.programmeCreated");
				return "redirect:/learn/training/" + id;
			}
			catch (LearningRefused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return programmeForm(null, model);
	}

	@GetMapping("/learn/training/{id}/edit")
	String editProgramme(@PathVariable("id") String id, Model model) {
		Training.Programme programme = managed(id);
		model.addAttribute("programmeForm", ProgrammeForm.of(programme));
		return programmeForm(programme, model);
	}

	@PostMapping("/learn/training/{id}/edit")
	String updateProgramme(@PathVariable("id") String id, @Valid @ModelAttribute("programmeForm") ProgrammeForm form,
			BindingResult result, Model model, Authentication authentication, RedirectAttributes redirect) {
		Training.Programme programme = managed(id);
		if (!result.hasErrors()) {
			try {
				this.training.update(Actor.current(), authentication.getName(), programme.id(), form);
				redirect.addFlashAttribute("flash", "learning.flash.programmeUpdated");
				return "redirect:/learn/training/" + programme.id();
			}
			catch (LearningRefused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return programmeForm(programme, model);
	}

	private Training.Programme managed(String id) {
		Training.Programme programme = this.training.programme(parseId(id, true));
		if (!this.training.mayManage(Actor.current(), programme)) {
			throw new AccessDeniedException("May not edit programme " + programme.id());
		}
		return programme;
	}

	private String programmeForm(Training.Programme programme, Model model) {
		model.addAttribute("programme", programme);
		model.addAttribute("topics", TrainingTopic.values());
		model.addAttribute("formats", TrainingFormat.values());
		model.addAttribute("languages", CaseStudies.LANGUAGES);
		model.addAttribute("suggestedZones", SUGGESTED_ZONES);
		return "learning/programme-form";
	}

	@GetMapping("/learn/my")
	String mine(Model model) {
		Actor actor = Actor.current();
		if (actor.accountId() == null) {
			throw new AccessDeniedException("Not signed in");
		}
		model.addAttribute("history", this.training.history(actor.accountId()));
		model.addAttribute("written", this.caseStudies.writtenBy(actor.accountId()));
		return "learning/my";
	}

	// Case studies

	@GetMapping("/learn/case-studies")
	String search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "theme", required = false) String theme,
			@RequestParam(name = "municipality", required = false) String municipality,
			@RequestParam(name = "page", required = false) String page, Model model) {
		List<String> codes = this.themes.codes();
		String themeCode = theme == null ? null : theme.strip().toUpperCase(Locale.ROOT);
		boolean themeRefused = themeCode != null && !themeCode.isEmpty() && !codes.contains(themeCode);
		if (themeRefused || (themeCode != null && themeCode.isEmpty())) {
			themeCode = null;
		}
		Long municipalityId = positive(municipality);
		model.addAttribute("results", this.caseStudies.search(q, themeCode, municipalityId, positiveInt(page)));
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("theme", themeCode);
		model.addAttribute("themeRefused", themeRefused);
		model.addAttribute("municipality", municipalityId);
		model.addAttribute("themeCodes", codes);
		return "learning/case-studies";
	}

	@GetMapping("/learn/case-studies/{id}")
	String caseStudy(@PathVariable("id") String id, Model model) {
		Actor actor = Actor.current();
		CaseStudies.CaseStudy study = this.caseStudies.read(actor, parseId(id, false));
		model.addAttribute("study", study);
		model.addAttribute("mayEdit", this.caseStudies.mayEdit(actor, study));
		model.addAttribute("mayModerate", this.caseStudies.mayModerate(actor));
		model.addAttribute("maxMegabytes", AttachmentType.MAX_BYTES / (1024 * 1024));
		return "learning/case-study";
	}

	@GetMapping("/learn/case-studies/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable("id") String id, @PathVariable("attachmentId") String attachmentId) {
		CaseStudies.AttachmentFile file = this.caseStudies.attachment(Actor.current(), parseId(id, false),
				parseId(attachmentId, false));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.data());
	}

	@PostMapping("/learn/case-studies/{id}/attachments")
	String attach(@PathVariable("id") String id, @RequestParam(name = "file", required = false) MultipartFile file,
			Authentication authentication, RedirectAttributes redirect) throws IOException {
		long studyId = parseId(id, false);
		try {
			if (file == null || file.isEmpty()) {
				throw new LearningRefused("file", "learning.attachment.empty");
			}
			if (file.getSize() > AttachmentType.MAX_BYTES) {
				throw new LearningRefused("file", "learning.attachment.tooLarge");
			}
			this.caseStudies.addAttachment(Actor.current(), authentication.getName(), studyId, file.getOriginalFilename(),
					file.getBytes());
			redirect.addFlashAttribute("flash", "learning.flash.attached");
		}
		catch (LearningRefused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey);
		}
		return "redirect:/learn/case-studies/" + studyId;
	}

	@PostMapping("/learn/case-studies/{id}/approve")
	String approve(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long studyId = parseId(id, false);
		this.caseStudies.moderate(Actor.current(), authentication.getName(), studyId, true);
		redirect.addFlashAttribute("flash", "learning.flash.approved");
		return "redirect:/learn/case-studies/" + studyId;
	}

	@PostMapping("/learn/case-studies/{id}/reject")
	String rejectStudy(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long studyId = parseId(id, false);
		this.caseStudies.moderate(Actor.current(), authentication.getName(), studyId, false);
		redirect.addFlashAttribute("flash", "learning.flash.rejected");
		return "redirect:/learn/case-studies/" + studyId;
	}

	@GetMapping("/learn/case-studies/new")
	String newCaseStudy(Model model) {
		Actor actor = Actor.current();
		if (!this.caseStudies.mayWrite(actor)) {
			throw new AccessDeniedException("May not write case studies");
		}
		CaseStudyForm form = CaseStudyForm.empty(actor.municipalityId());
		model.addAttribute("caseStudyForm", form);
		return caseStudyForm(null, form, model);
	}

	@PostMapping("/learn/case-studies/new")
	String createCaseStudy(@Valid @ModelAttribute("caseStudyForm") CaseStudyForm form, BindingResult result, Model model,
			@RequestParam(name = "refresh", required = false) String refresh, Authentication authentication,
			RedirectAttributes redirect) {
		if (!this.caseStudies.mayWrite(Actor.current())) {
			throw new AccessDeniedException("May not write case studies");
		}
		if (refresh != null) {
			return refreshed(null, form, model);
		}
		if (!result.hasErrors()) {
			try {
				long id = this.caseStudies.create(Actor.current(), authentication.getName(), form);
				redirect.addFlashAttribute("flash", "learning.flash.caseCreated");
				return "redirect:/learn/case-studies/" + id;
			}
			catch (LearningRefused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return caseStudyForm(null, form, model);
	}

	@GetMapping("/learn/case-studies/{id}/edit")
	String editCaseStudy(@PathVariable("id") String id, Model model) {
		CaseStudies.CaseStudy study = this.caseStudies.editable(Actor.current(), parseId(id, false));
		CaseStudyForm form = CaseStudyForm.of(study);
		model.addAttribute("caseStudyForm", form);
		return caseStudyForm(study, form, model);
	}

	@PostMapping("/learn/case-studies/{id}/edit")
	String updateCaseStudy(@PathVariable("id") String id, @Valid @ModelAttribute("caseStudyForm") CaseStudyForm form,
			BindingResult result, Model model, @RequestParam(name = "refresh", required = false) String refresh,
			Authentication authentication, RedirectAttributes redirect) {
		CaseStudies.CaseStudy study = this.caseStudies.editable(Actor.current(), parseId(id, false));
		if (refresh != null) {
			return refreshed(study, form, model);
		}
		if (!result.hasErrors()) {
			try {
				this.caseStudies.update(Actor.current(), authentication.getName(), study.id(), form);
				redirect.addFlashAttribute("flash", "learning.flash.caseUpdated");
				return "redirect:/learn/case-studies/" + study.id();
			}
			catch (LearningRefused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return caseStudyForm(study, form, model);
	}

	/**
	 * The form again with what was typed and the agreements of the municipalities now named,
	 * nothing saved and no message yet: the way to choose agreements without JavaScript.
	 */
	private String refreshed(CaseStudies.CaseStudy study, CaseStudyForm form, Model model) {
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "caseStudyForm", new BeanPropertyBindingResult(form, "caseStudyForm"));
		model.addAttribute("refreshed", true);
		return caseStudyForm(study, form, model);
	}

	private String caseStudyForm(CaseStudies.CaseStudy study, CaseStudyForm form, Model model) {
		model.addAttribute("study", study);
		model.addAttribute("agreementChoices", this.caseStudies.agreementChoices(form));
		model.addAttribute("languages", CaseStudies.LANGUAGES);
		model.addAttribute("themeCodes", this.themes.codes());
		return "learning/case-study-form";
	}

	// Helpers

	/** A programme in a list, with its dates in its own zone. */
	record ListedProgramme(Training.Programme programme, String when) {
	}

	private static ListedProgramme listed(Training.Programme programme, Locale locale) {
		return new ListedProgramme(programme, when(programme, locale));
	}

	static String when(Training.Programme p, Locale locale) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
		ZoneId zone = p.zone();
		return format.format(p.startsAt().atZone(zone)) + " – " + format.format(p.endsAt().atZone(zone)) + " (" + zone.getId() + ")";
	}

	private static void reject(BindingResult result, LearningRefused refused) {
		if (refused.field == null) {
			result.reject(refused.messageKey);
		}
		else {
			result.rejectValue(refused.field, refused.messageKey);
		}
	}

	private static Long positive(String value) {
		try {
			long id = Long.parseLong(value == null ? "" : value.strip());
			return id > 0 ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int positiveInt(String value) {
		try {
			return Math.max(1, Integer.parseInt(value == null ? "1" : value.strip()));
		}
		catch (NumberFormatException ex) {
			return value != null && value.strip().matches("\\d+") ? Integer.MAX_VALUE : 1;
		}
	}

	private static long parseId(String id, boolean training) {
		Long value = positive(id);
		if (value == null) {
			throw training ? new TrainingNotFound(id) : new CaseStudyNotFound(id);
		}
		return value;
	}
}
