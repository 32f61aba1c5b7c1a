package org.citybridge.agreement.register;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.Text;

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
import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.Agreements;

/**
 * The register's pages and forms: the list, an agreement and its signed document, verifying, and
 * registering or editing an agreement. Each handler reads or writes through one call
 * ({@link AgreementPages}, {@link Agreements}); who may do what is the services' to say.
 */
@Controller
record AgreementController(AgreementPages pages, AgreementCatalogue catalogue, Agreements agreements) {

	@GetMapping("/agreements")
	String list(AgreementParams params, Model model, Locale locale) {
		AgreementPages.ListPage page = this.pages.list(params, Actor.current(), locale);
		model.addAttribute("register", page.register());
		model.addAttribute("contentHtml", page.contentHtml());
		return "agreement/list";
	}

	@GetMapping("/agreements/{id}")
	String show(@PathVariable("id") String id, Model model) {
		AgreementPages.DetailPage page = this.pages.detail(Text.requireId(id, AgreementNotFound::new), Actor.current());
		model.addAttribute("agreement", page.agreement());
		if (page.funding() != null) {
			model.addAttribute("funding", page.funding());
			model.addAttribute("finderHref", page.finderHref());
		}
		model.addAttribute("mayEdit", page.mayEdit());
		model.addAttribute("mayVerify", page.mayVerify());
		model.addAttribute("sections", page.sections());
		return "agreement/detail";
	}

	@GetMapping("/agreements/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable("id") String id) {
		long agreementId = Text.requireId(id, AgreementNotFound::new);
		AgreementCatalogue.StoredDocument document = this.catalogue.document(agreementId)
			.orElseThrow(() -> new AgreementNotFound(agreementId));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.eTag("\"" + document.sha256() + "\"")
			.body(document.content());
	}

	@PostMapping("/agreements/{id}/verify")
	String verify(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long agreementId = Text.requireId(id, AgreementNotFound::new);
		this.agreements.verify(agreementId, Actor.current(), authentication.getName());
		redirect.addFlashAttribute("flash", "agreement.flash.verified");
		return "redirect:/agreements/" + agreementId;
	}

	@GetMapping("/agreements/unverified")
	String unverified(@RequestParam(name = "page", required = false) String page, Model model) {
		model.addAttribute("results", this.pages.unverified(Actor.current(), page));
		return "agreement/unverified";
	}

	@PostMapping("/agreements/unverified")
	String verifyAll(@RequestParam(name = "ids", required = false) List<String> ids, Authentication authentication,
			RedirectAttributes redirect) {
		List<Long> agreementIds = ids == null ? List.of()
				: ids.stream().map(Text::idOrNull).filter(Objects::nonNull).toList();
		int count = this.agreements.verifyAll(agreementIds, Actor.current(), authentication.getName());
		redirect.addFlashAttribute("flash", "agreement.flash.verifiedMany");
		redirect.addFlashAttribute("flashCount", count);
		return "redirect:/agreements/unverified";
	}

	/**
	 * The empty form, or one prefilled with parties ({@code ?partyIds=1&partyIds=2}) as an accepted
	 * partnership request links to it; ids that are not numbers are ignored.
	 */
	@GetMapping("/agreements/new")
	String newAgreement(@RequestParam(name = "partyIds", required = false) List<String> partyIds, Model model,
			Locale locale) {
		return form(this.pages.newForm(Actor.current(), partyIds), model);
	}

	@PostMapping("/agreements/new")
	String create(@Valid @ModelAttribute("agreementForm") AgreementForm form, BindingResult result,
			Model model,
			Authentication authentication, RedirectAttributes redirect) {
		AgreementPages.Outcome submitted = this.pages.create(Actor.current(), authentication.getName(), form,
				!result.hasErrors());
		if (submitted.saved()) {
			redirect.addFlashAttribute("flash", "agreement.flash.created");
			return "redirect:/agreements/" + submitted.savedId();
		}
		return formAgain(submitted, result, model);
	}

	@GetMapping("/agreements/{id}/edit")
	String edit(@PathVariable("id") String id, Model model) {
		return form(this.pages.editForm(Actor.current(), Text.requireId(id, AgreementNotFound::new)), model);
	}

	@PostMapping("/agreements/{id}/edit")
	String update(@PathVariable("id") String id, @Valid @ModelAttribute("agreementForm") AgreementForm form,
			BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		long agreementId = Text.requireId(id, AgreementNotFound::new);
		AgreementPages.Outcome submitted = this.pages.update(Actor.current(), authentication.getName(), agreementId,
				form, !result.hasErrors());
		if (submitted.saved()) {
			redirect.addFlashAttribute("flash", "agreement.flash.updated");
			return "redirect:/agreements/" + agreementId;
		}
		return formAgain(submitted, result, model);
	}

	/** The form again: after a picker button as it now is, else marked invalid with the refusal on it. */
	private static String formAgain(AgreementPages.Outcome submitted, BindingResult result, Model model) {
		if (!submitted.picking()) {
			AgreementRefused refused = submitted.refused();
			if (refused != null) {
				if (refused.conflictId() != null) {
					model.addAttribute("conflictId", refused.conflictId());
					model.addAttribute("conflictTitle", refused.conflictTitle());
				}
				refused.rejectIn(result);
			}
			model.addAttribute("invalid", true);
		}
		return form(submitted.page(), submitted.picking(), model);
	}

	private static String form(AgreementPages.FormPage page, Model model) {
		return form(page, false, model);
	}

	private static String form(AgreementPages.FormPage page, boolean replaceForm, Model model) {
		// The form as sent stays as the model holds it, with its binding errors (a value that did not
		// convert, such as a date, exists only there); a new one (opened, or after a picker button)
		// replaces it.
		if (replaceForm || !model.containsAttribute("agreementForm")) {
			model.addAttribute("agreementForm", page.form());
		}
		if (page.searched()) {
			model.addAttribute("searched", true);
			model.addAttribute("searchResults", page.searchResults());
		}
		model.addAttribute("agreementId", page.agreementId());
		model.addAttribute("chosen", page.chosen());
		model.addAttribute("types", AgreementType.values());
		model.addAttribute("statuses", AgreementStatus.values());
		model.addAttribute("themeCodes", page.themeCodes());
		model.addAttribute("events", page.events());
		return "agreement/form";
	}
}
