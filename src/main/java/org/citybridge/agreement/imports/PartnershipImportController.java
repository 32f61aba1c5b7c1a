package org.citybridge.agreement.imports;

import java.io.IOException;
import java.io.InputStream;

import org.citybridge.agreement.imports.PartnershipRegister.ListKind;
import org.citybridge.system.Actor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.citybridge.agreement.AgreementNotFound;

/**
 * Staff upload a partnership list (Wikipedia's or their own, same CSV format), follow its import,
 * read its report and review the ambiguous rows; the same import as the command line.
 */
@Controller
class PartnershipImportController {

	private final PartnershipImportRuns runs;

	private final PartnershipReview review;

	PartnershipImportController(PartnershipImportRuns runs, PartnershipReview review) {
		this.runs = runs;
		this.review = review;
	}

	@GetMapping("/agreements/import")
	String form(Model model) {
		requireStaff();
		return form(model, null, ListKind.WIKIPEDIA);
	}

	private String form(Model model, String fileError, ListKind kind) {
		model.addAttribute("fileError", fileError);
		model.addAttribute("list", kind.name());
		model.addAttribute("runs", this.runs.recent());
		model.addAttribute("pending", this.review.pendingCount());
		return "agreement/import";
	}

	@PostMapping("/agreements/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "list", required = false) String list, Authentication authentication, Model model)
			throws IOException {
		requireStaff();
		ListKind kind = "OWN".equals(list) ? ListKind.OWN : ListKind.WIKIPEDIA;
		if (file == null || file.isEmpty()) {
			return form(model, "agreementimport.file.required", kind);
		}
		long id;
		try (InputStream in = file.getInputStream()) {
			id = this.runs.start(Actor.current(), authentication.getName(), file.getOriginalFilename(), in, kind);
		}
		catch (PartnershipFileInvalid invalid) {
			return form(model, invalid.messageKey(), kind);
		}
		return "redirect:/agreements/imports/" + id;
	}

	@GetMapping("/agreements/imports/{id}")
	String run(@PathVariable("id") String id, Model model) {
		requireStaff();
		long runId = parseId(id);
		model.addAttribute("run", this.runs.find(runId).orElseThrow(() -> new AgreementNotFound("import " + runId)));
		return "agreement/import-run";
	}

	@GetMapping("/agreements/import/review")
	String reviewList(@RequestParam(name = "page", required = false) String page, Model model) {
		requireStaff();
		int p = 0;
		try {
			p = page == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(page)));
		}
		catch (NumberFormatException ex) {
			p = 0;
		}
		long count = this.review.pendingCount();
		model.addAttribute("rows", this.review.pending(p));
		model.addAttribute("count", count);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", (long) (p + 1) * PartnershipReview.PAGE_SIZE < count);
		return "agreement/import-review";
	}

	@GetMapping("/agreements/import/review/{id}")
	String reviewRow(@PathVariable("id") String id, Model model) {
		requireStaff();
		return reviewPage(parseId(id), model, null);
	}

	private String reviewPage(long rowId, Model model, String error) {
		model.addAttribute("row", this.review.find(rowId).orElseThrow(() -> new AgreementNotFound("import row " + rowId)));
		model.addAttribute("error", error);
		return "agreement/import-review-row";
	}

	@PostMapping("/agreements/import/review/{id}")
	String resolve(@PathVariable("id") String id, @RequestParam(name = "first", required = false) String first,
			@RequestParam(name = "second", required = false) String second, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		requireStaff();
		long rowId = parseId(id);
		PartnershipReview.Outcome outcome = this.review.resolve(rowId, optionalId(first), optionalId(second),
				Actor.current(), authentication.getName());
		if (outcome.errorKey() != null) {
			return reviewPage(rowId, model, outcome.errorKey());
		}
		redirect.addFlashAttribute("flash",
				outcome.added() ? "agreementimport.review.flash.added" : "agreementimport.review.flash.present");
		return "redirect:/agreements/import/review";
	}

	private static Long optionalId(String value) {
		if (value == null || value.isBlank() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.parseLong(value);
	}

	static long parseId(String id) {
		Long value = optionalId(id);
		if (value == null) {
			throw new AgreementNotFound(id == null ? "" : id.length() > 40 ? id.substring(0, 40) : id);
		}
		return value;
	}

	private void requireStaff() {
		if (!this.runs.mayImport(Actor.current())) {
			throw new AccessDeniedException("Only staff and administrators import partnerships");
		}
	}
}
