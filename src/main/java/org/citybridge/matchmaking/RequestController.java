package org.citybridge.matchmaking;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.Text;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The pages of partnership requests: an officer's inbox or staff's list, a request with its
 * steps and the officer's answers, and the form of a new request. Each handler makes one call;
 * who may do what is {@link PartnershipRequests}' (and {@link RequestPolicy}'s) to say.
 */
@Controller
record RequestController(PartnershipRequests partnershipRequests) {

	@GetMapping("/requests")
	String inbox(@RequestParam(name = "status", required = false) String status, Model model) {
		PartnershipRequests.Inbox inbox = this.partnershipRequests.inbox(Actor.current(), status(status));
		model.addAttribute("listed", inbox.listed());
		if (inbox.officer()) {
			model.addAttribute("own", inbox.own());
			model.addAttribute("unread", inbox.unread());
			return "matchmaking/inbox";
		}
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("chosenStatus", inbox.chosen());
		model.addAttribute("counts", inbox.counts());
		return "matchmaking/staff";
	}

	@GetMapping("/requests/{id}")
	String show(@PathVariable("id") String id, Model model) {
		// Reading changes nothing: a mail scanner or a prefetch opening the link must not mark it read.
		PartnershipRequests.Detail detail = this.partnershipRequests.detail(Actor.current(), requestId(id));
		if (!model.containsAttribute("answer")) {
			model.addAttribute("answer", AnswerForm.empty());
		}
		return detail(detail, model);
	}

	/** The officer marks the request read: the header's count goes down. */
	@PostMapping("/requests/{id}/read")
	String markRead(@PathVariable("id") String id, RedirectAttributes redirect) {
		long requestId = requestId(id);
		this.partnershipRequests.markRead(Actor.current(), requestId);
		redirect.addFlashAttribute("flash", "matchmaking.flash.read");
		return "redirect:/requests/" + requestId;
	}

	@PostMapping("/requests/{id}/reply")
	String reply(@PathVariable("id") String id, @Valid @ModelAttribute("answer") AnswerForm form, BindingResult result,
			Model model, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		return answered(id, PartnershipRequests.Answer.REPLY, form, result, model, authentication, locale, redirect,
				"matchmaking.flash.replied");
	}

	@PostMapping("/requests/{id}/decline")
	String decline(@PathVariable("id") String id, @Valid @ModelAttribute("answer") AnswerForm form, BindingResult result,
			Model model, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		return answered(id, PartnershipRequests.Answer.DECLINE, form, result, model, authentication, locale, redirect,
				"matchmaking.flash.declined");
	}

	@PostMapping("/requests/{id}/accept")
	String accept(@PathVariable("id") String id, Model model, Authentication authentication, Locale locale,
			RedirectAttributes redirect) {
		return answeredWithoutText(id, PartnershipRequests.Answer.ACCEPT, model, authentication, locale, redirect,
				"matchmaking.flash.accepted");
	}

	@PostMapping("/requests/{id}/withdraw")
	String withdraw(@PathVariable("id") String id, Model model, Authentication authentication, Locale locale,
			RedirectAttributes redirect) {
		return answeredWithoutText(id, PartnershipRequests.Answer.WITHDRAW, model, authentication, locale, redirect,
				"matchmaking.flash.withdrawn");
	}

	/** The form of a new request; a suggestion's link names the themes to tick ({@code themes}). */
	@GetMapping("/municipalities/{id}/requests/new")
	String newRequest(@PathVariable("id") String id,
			@RequestParam(name = "themes", required = false) List<String> themes,
			@RequestParam(name = "meeting", required = false) String meeting, Model model) {
		PartnershipRequests.Sending sending = this.partnershipRequests.recipientForm(Actor.current(), municipalityId(id),
				themes, meeting);
		model.addAttribute("requestForm", sending.form());
		return form(sending, model);
	}

	@PostMapping("/municipalities/{id}/requests/new")
	String send(@PathVariable("id") String id, @Valid @ModelAttribute("requestForm") RequestForm form, BindingResult result,
			Model model, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		PartnershipRequests.Sending sending = this.partnershipRequests.send(Actor.current(), authentication.getName(),
				municipalityId(id), form, result, base(), locale);
		if (sending.sent() != null) {
			redirect.addFlashAttribute("flash", "matchmaking.flash.sent");
			return "redirect:/requests/" + sending.sent();
		}
		model.addAttribute("invalid", true);
		return form(sending, model);
	}

	private static String form(PartnershipRequests.Sending sending, Model model) {
		model.addAttribute("to", sending.to());
		model.addAttribute("themes", sending.themes());
		model.addAttribute("instruments", sending.instruments());
		model.addAttribute("meetingEvent", sending.meetingEvent());
		return "matchmaking/request-form";
	}

	/** An answer that the form sends without a message (accepting, withdrawing): answered with an empty form. */
	private String answeredWithoutText(String id, PartnershipRequests.Answer answer, Model model,
			Authentication authentication, Locale locale, RedirectAttributes redirect, String flash) {
		AnswerForm form = AnswerForm.empty();
		return answered(id, answer, form, new BeanPropertyBindingResult(form, "answer"), model, authentication, locale,
				redirect, flash);
	}

	private String answered(String id, PartnershipRequests.Answer answer, AnswerForm form, BindingResult result,
			Model model, Authentication authentication, Locale locale, RedirectAttributes redirect, String flash) {
		long requestId = requestId(id);
		PartnershipRequests.Answered answered = this.partnershipRequests.answer(Actor.current(),
				authentication.getName(), requestId, answer, form, result, base(), locale);
		if (answered.done()) {
			redirect.addFlashAttribute("flash", answered.existingAgreement() ? flash + ".existing" : flash);
			return "redirect:/requests/" + requestId;
		}
		model.addAttribute("invalid", true);
		model.addAttribute("answer", form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "answer", result);
		return detail(answered.again(), model);
	}

	private static String detail(PartnershipRequests.Detail detail, Model model) {
		model.addAttribute("request", detail.request());
		model.addAttribute("steps", detail.steps());
		model.addAttribute("unread", detail.unread());
		model.addAttribute("mayAnswer", detail.mayAnswer());
		model.addAttribute("mayWithdraw", detail.mayWithdraw());
		model.addAttribute("mayReply", detail.mayReply());
		model.addAttribute("agreement", detail.agreement());
		model.addAttribute("instrument", detail.instrument());
		return "matchmaking/request";
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
		return Text.requireId(id, RequestNotFound::new);
	}

	static long municipalityId(String id) {
		return Text.requireId(id, MunicipalityUnknown::new);
	}
}
