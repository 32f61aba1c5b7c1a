package org.citybridge.agreement.register;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.funding.FundingFinder;
import org.citybridge.system.Actor;

import org.springframework.beans.factory.ObjectProvider;
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
import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.agreement.AgreementSection;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.Agreements;

@Controller
class AgreementController {

	private final AgreementCatalogue catalogue;

	private final AgreementRegister register;

	private final Agreements agreements;

	private final AgreementPolicy policy;

	private final MunicipalitySearch municipalities;

	private final FundingFinder funding;

	private final ObjectProvider<AgreementSection> sections;

	private final RegisterOptions options;

	AgreementController(AgreementCatalogue catalogue, AgreementRegister register, Agreements agreements,
			AgreementPolicy policy, MunicipalitySearch municipalities, FundingFinder funding, RegisterOptions options,
			ObjectProvider<AgreementSection> sections) {
		this.funding = funding;
		this.options = options;
		this.sections = sections;
		this.catalogue = catalogue;
		this.register = register;
		this.agreements = agreements;
		this.policy = policy;
		this.municipalities = municipalities;
	}

	@GetMapping("/agreements")
	String list(@ModelAttribute("params") AgreementParams params, Model model, Locale locale) {
		AgreementCatalogue.Register register = this.catalogue.register(params);
		model.addAttribute("register", register);
		model.addAttribute("q", register.query());
		model.addAttribute("results", register.results());
		model.addAttribute("countryOptions", this.options.countryOptionsHtml(locale, register.query().countries()));
		model.addAttribute("pairAOptions", this.options.pairOptionsHtml(locale, register.query().pairA()));
		model.addAttribute("pairBOptions", this.options.pairOptionsHtml(locale, register.query().pairB()));
		model.addAttribute("themeCodes", this.options.themeCodes());
		model.addAttribute("types", AgreementType.values());
		model.addAttribute("statuses", AgreementStatus.values());
		model.addAttribute("sorts", AgreementQuery.Sort.values());
		model.addAttribute("mayRegister", this.policy.mayStart(Actor.current()));
		model.addAttribute("mayVerify", this.policy.mayVerify(Actor.current()));
		return "agreement/list";
	}

	@GetMapping("/agreements/{id}")
	String show(@PathVariable("id") String id, Model model) {
		long agreementId = parseId(id);
		AgreementCatalogue.Detail detail = this.catalogue.detail(agreementId);
		model.addAttribute("agreement", detail);
		if (detail.parties().size() == 2) {
			long a = detail.parties().get(0).id();
			long b = detail.parties().get(1).id();
			model.addAttribute("funding", this.funding.usableByPair(a, b));
			model.addAttribute("finderHref", "/funding/finder?a=" + a + "&b=" + b);
		}
		model.addAttribute("mayEdit", this.register.mayEdit(Actor.current(), agreementId));
		model.addAttribute("mayVerify", this.policy.mayVerify(Actor.current()));
		model.addAttribute("sections", this.sections.stream()
			.sorted(Comparator.comparingInt(AgreementSection::order))
			.map(section -> new AgreementSection.Rendered(section.fragment(), section.model(agreementId)))
			.filter(rendered -> rendered.model() != null)
			.toList());
		return "agreement/detail";
	}

	@GetMapping("/agreements/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable("id") String id) {
		long agreementId = parseId(id);
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
		long agreementId = parseId(id);
		this.agreements.verify(agreementId, Actor.current(), authentication.getName());
		redirect.addFlashAttribute("flash", "agreement.flash.verified");
		return "redirect:/agreements/" + agreementId;
	}

	@GetMapping("/agreements/unverified")
	String unverified(@RequestParam(name = "page", required = false) String page, Model model) {
		if (!this.policy.mayVerify(Actor.current())) {
			throw new org.springframework.security.access.AccessDeniedException("Staff only");
		}
		int p = page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
		model.addAttribute("results", this.catalogue.unverified(p, 50));
		return "agreement/unverified";
	}

	@PostMapping("/agreements/unverified")
	String verifyAll(@RequestParam(name = "ids", required = false) List<String> ids, Authentication authentication,
			RedirectAttributes redirect) {
		List<Long> agreementIds = ids == null ? List.of()
				: ids.stream().filter(s -> s != null && s.matches("\\d{1,18}")).map(Long::valueOf).toList();
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
		model.addAttribute("agreementForm", this.register.newForm(Actor.current()).withParties(partyIds));
		return form(null, model);
	}

	@PostMapping("/agreements/new")
	String create(@Valid @ModelAttribute("agreementForm") AgreementForm form, BindingResult result,
			Model model,
			Authentication authentication, RedirectAttributes redirect) {
		this.register.newForm(Actor.current());
		if (form.isPicking()) {
			return picking(form, null, model);
		}
		if (!result.hasErrors()) {
			try {
				SignedDocument document = SignedDocument.of(form.document());
				long id = this.register.create(Actor.current(), authentication.getName(), form, document);
				redirect.addFlashAttribute("flash", "agreement.flash.created");
				return "redirect:/agreements/" + id;
			}
			catch (AgreementRefused refused) {
				reject(result, refused, model);
			}
		}
		model.addAttribute("invalid", true);
		return form(null, model);
	}

	@GetMapping("/agreements/{id}/edit")
	String edit(@PathVariable("id") String id, Model model) {
		long agreementId = parseId(id);
		model.addAttribute("agreementForm", this.register.editForm(Actor.current(), agreementId));
		return form(agreementId, model);
	}

	@PostMapping("/agreements/{id}/edit")
	String update(@PathVariable("id") String id, @Valid @ModelAttribute("agreementForm") AgreementForm form,
			BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		long agreementId = parseId(id);
		this.register.editForm(Actor.current(), agreementId);
		if (form.isPicking()) {
			return picking(form, agreementId, model);
		}
		if (!result.hasErrors()) {
			try {
				SignedDocument document = SignedDocument.of(form.document());
				this.register.update(Actor.current(), authentication.getName(), agreementId, form, document);
				redirect.addFlashAttribute("flash", "agreement.flash.updated");
				return "redirect:/agreements/" + agreementId;
			}
			catch (AgreementRefused refused) {
				reject(result, refused, model);
			}
		}
		model.addAttribute("invalid", true);
		return form(agreementId, model);
	}

	/** A picker button: the form comes back with the party added or removed, or with search results. */
	private String picking(AgreementForm form, Long agreementId, Model model) {
		AgreementForm picked = form.picked();
		model.addAttribute("agreementForm", picked);
		if ("search".equals(form.action())) {
			model.addAttribute("searched", true);
			model.addAttribute("searchResults", this.municipalities.find(picked.partySearch(), 10)
				.stream()
				.filter(m -> !picked.parties().contains(m.id()))
				.toList());
		}
		return form(agreementId, model);
	}

	private String form(Long agreementId, Model model) {
		AgreementForm form = (AgreementForm) model.getAttribute("agreementForm");
		model.addAttribute("agreementId", agreementId);
		model.addAttribute("chosen", this.catalogue.partiesByIds(form == null ? List.of() : form.parties()));
		model.addAttribute("types", AgreementType.values());
		model.addAttribute("statuses", AgreementStatus.values());
		model.addAttribute("themeCodes", this.options.themeCodes());
		model.addAttribute("events", this.catalogue.events());
		return "agreement/form";
	}

	private static void reject(BindingResult result, AgreementRefused refused, Model model) {
		if (refused.conflictId != null) {
			model.addAttribute("conflictId", refused.conflictId);
			model.addAttribute("conflictTitle", refused.conflictTitle);
		}
		if (refused.field == null) {
			result.reject(refused.messageKey, refused.arguments, null);
		}
		else {
			result.rejectValue(refused.field, refused.messageKey, refused.arguments, null);
		}
	}

	/** A malformed id names no agreement: 404, like an unknown one. */
	static long parseId(String id) {
		if (id != null && id.length() <= 18 && !id.isEmpty() && id.chars().allMatch(Character::isDigit)) {
			long value = Long.parseLong(id);
			if (value > 0) {
				return value;
			}
		}
		throw new AgreementNotFound(id == null ? "" : id.length() > 40 ? id.substring(0, 40) : id);
	}
}
