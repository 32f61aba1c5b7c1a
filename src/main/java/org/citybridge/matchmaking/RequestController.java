package org.citybridge.matchmaking;

import java.util.Locale;

import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class RequestController {

	private final Requests requests;

	private final PartnershipRequests partnershipRequests;

	private final Themes themes;

	RequestController(Requests requests, PartnershipRequests partnershipRequests, Themes themes) {
		this.requests = requests;
		this.partnershipRequests = partnershipRequests;
		this.themes = themes;
	}

	@GetMapping("/requests")
	String inbox(@RequestParam(name = "status", required = false) String status, Model model) {
		Actor actor = Actor.current();
		if (actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null) {
			model.addAttribute("own", this.requests.municipality(actor.municipalityId()).orElse(null));
			model.addAttribute("listed", this.requests.ofMunicipality(actor.municipalityId()));
			model.addAttribute("unread", this.requests.unreadFor(actor));
			return "matchmaking/inbox";
		}
		if (actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN) {
			RequestStatus chosen = status(status);
			model.addAttribute("statuses", RequestStatus.values());
			model.addAttribute("chosenStatus", chosen);
			model.addAttribute("counts", this.requests.countsForStaff(actor));
			model.addAttribute("listed", this.requests.forStaff(actor, chosen));
			return "matchmaking/staff";
		}
		throw new org.springframework.security.access.AccessDeniedException("No requests for this account");
	}

	@GetMapping("/requests/{id}")
	String show(@PathVariable("id") String id, Model model) {
		Actor actor = Actor.current();
		Requests.Request request = this.requests.visible(actor, requestId(id)).orElseThrow(() -> new RequestNotFound(id));
		// Reading changes nothing: a mail scanner or a prefetch opening the link must not mark it read.
		if (!model.containsAttribute("answer")) {
			model.addAttribute("answer", AnswerForm.empty());
		}
		return detail(actor, request, model);
	}

	/** The officer marks the request read: the header's count goes down. */
	@PostMapping("/requests/{id}/read")
	String markRead(@PathVariable("id") String id, RedirectAttributes redirect) {
		Actor actor = Actor.current();
		Requests.Request request = this.requests.visible(actor, requestId(id)).orElseThrow(() -> new RequestNotFound(id));
		this.partnershipRequests.markRead(actor, request);
		redirect.addFlashAttribute("flash", "matchmaking.flash.read");
		return "redirect:/requests/" + request.id();
	}

	@PostMapping("/requests/{id}/reply")
	String reply(@PathVariable("id") String id, @Valid @ModelAttribute("answer") AnswerForm form, BindingResult result,
			Model model, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		return change(id, form, result, model, redirect, "matchmaking.flash.replied",
				() -> this.partnershipRequests.reply(Actor.current(), authentication.getName(), requestId(id), form, base(), locale));
	}

	@PostMapping("/requests/{id}/decline")
	String decline(@PathVariable("id") String id, @Valid @ModelAttribute("answer") AnswerForm form, BindingResult result,
			Model model, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		return change(id, form, result, model, redirect, "matchmaking.flash.declined",
				() -> this.partnershipRequests.decline(Actor.current(), authentication.getName(), requestId(id), form, base(), locale));
	}

	@PostMapping("/requests/{id}/accept")
	String accept(@PathVariable("id") String id, Model model, Authentication authentication, Locale locale,
			RedirectAttributes redirect) {
		AnswerForm form = AnswerForm.empty();
		return change(id, form, new org.springframework.validation.BeanPropertyBindingResult(form, "answer"), model, redirect,
				"matchmaking.flash.accepted",
				() -> this.partnershipRequests.accept(Actor.current(), authentication.getName(), requestId(id), base(), locale));
	}

	@PostMapping("/requests/{id}/withdraw")
	String withdraw(@PathVariable("id") String id, Model model, Authentication authentication, Locale locale,
			RedirectAttributes redirect) {
		AnswerForm form = AnswerForm.empty();
		return change(id, form, new org.springframework.validation.BeanPropertyBindingResult(form, "answer"), model, redirect,
				"matchmaking.flash.withdrawn",
				() -> this.partnershipRequests.withdraw(Actor.current(), authentication.getName(), requestId(id), base(), locale));
	}

	@GetMapping("/municipalities/{id}/requests/new")
	String newRequest(@PathVariable("id") String id, Model model) {
		Requests.Named to = this.partnershipRequests.recipient(Actor.current(), municipalityId(id));
		model.addAttribute("requestForm", RequestForm.empty());
		return form(to, model);
	}

	@PostMapping("/municipalities/{id}/requests/new")
	String send(@PathVariable("id") String id, @Valid @ModelAttribute("requestForm") RequestForm form, BindingResult result,
			Model model, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		Requests.Named to = this.partnershipRequests.recipient(Actor.current(), municipalityId(id));
		if (!result.hasErrors()) {
			try {
				long requestId = this.partnershipRequests.send(Actor.current(), authentication.getName(), to.id(), form, base(),
						locale);
				redirect.addFlashAttribute("flash", "matchmaking.flash.sent");
				return "redirect:/requests/" + requestId;
			}
			catch (PartnershipRequests.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		return form(to, model);
	}

	private String form(Requests.Named to, Model model) {
		model.addAttribute("to", to);
		model.addAttribute("themes", this.themes.codes());
		return "matchmaking/request-form";
	}

	private String change(String id, AnswerForm form, BindingResult result, Model model, RedirectAttributes redirect,
			String flash, Runnable change) {
		Actor actor = Actor.current();
		Requests.Request request = this.requests.visible(actor, requestId(id)).orElseThrow(() -> new RequestNotFound(id));
		if (!result.hasErrors()) {
			try {
				change.run();
				// Answering is reading: what the other side wrote has been seen.
				this.partnershipRequests.markRead(actor, request);
				redirect.addFlashAttribute("flash", flash);
				return "redirect:/requests/" + request.id();
			}
			catch (PartnershipRequests.Refused refused) {
				reject(result, refused);
			}
		}
		model.addAttribute("invalid", true);
		model.addAttribute("answer", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "answer", result);
		return detail(actor, this.requests.visible(actor, request.id()).orElseThrow(() -> new RequestNotFound(id)), model);
	}

	private String detail(Actor actor, Requests.Request request, Model model) {
		model.addAttribute("request", request);
		model.addAttribute("steps", this.requests.steps(request.id()));
		model.addAttribute("unread", this.requests.unread(actor, request.id()));
		model.addAttribute("mayAnswer", request.pending() && RequestPolicy.mayAnswer(actor, request));
		model.addAttribute("mayWithdraw", request.pending() && RequestPolicy.mayWithdraw(actor, request));
		model.addAttribute("mayReply", request.pending() && RequestPolicy.mayReply(actor, request));
		boolean draftOffered = request.status() == RequestStatus.ACCEPTED
				&& (actor.role() != Actor.Role.OFFICER || RequestPolicy.side(actor, request) != null);
		model.addAttribute("draftHref", draftOffered ? AgreementDraftLink.of(request.fromId(), request.toId()) : null);
		return "matchmaking/request";
	}

	private static void reject(BindingResult result, PartnershipRequests.Refused refused) {
		if (refused.field == null) {
			result.reject(refused.messageKey, refused.arguments, null);
		}
		else {
			result.rejectValue(refused.field, refused.messageKey, refused.arguments, null);
		}
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

	private static RequestStatus status(String value) {
		if (value == null) {
			return null;
		}
		for (RequestStatus status : RequestStatus.values()) {
			if (status.name().equalsIgnoreCase(value.strip())) {
				return status;
			}
		}
		return null;
	}

	static long requestId(String id) {
		Long value = positive(id);
		if (value == null) {
			throw new RequestNotFound(id);
		}
		return value;
	}

	static long municipalityId(String id) {
		Long value = positive(id);
		if (value == null) {
			throw new MunicipalityUnknown(id);
		}
		return value;
	}

	static Long positive(String value) {
		try {
			long id = Long.parseLong(value == null ? "" : value.strip());
			return id > 0 ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
