package org.citybridge.agreement.activities;

import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The yearly check-in's one-step answer, and staff's "dormant?" list with their decisions. */
@Controller
record CheckInController(CheckIns checkIns, Dormancy dormancy) {

	@GetMapping("/agreements/{id}/check-in")
	String checkIn(@PathVariable("id") String id, Model model) {
		long agreementId = Text.requireId(id, AgreementNotFound::new);
		model.addAttribute("agreementId", agreementId);
		model.addAttribute("open", this.checkIns.open(Actor.current(), agreementId).orElse(null));
		return "agreement/check-in";
	}

	@PostMapping("/agreements/{id}/check-in")
	String answer(@PathVariable("id") String id, @RequestParam(name = "answer", required = false) String answer,
			Authentication authentication, RedirectAttributes redirect) {
		long agreementId = Text.requireId(id, AgreementNotFound::new);
		CheckIns.Answer chosen = "ALIVE".equals(answer) ? CheckIns.Answer.ALIVE
				: "INACTIVE".equals(answer) ? CheckIns.Answer.INACTIVE : null;
		if (chosen == null) {
			redirect.addFlashAttribute("flashError", "activity.checkIn.choose");
			return "redirect:/agreements/" + agreementId + "/check-in";
		}
		try {
			long checkIn = this.checkIns.answer(Actor.current(), authentication.getName(), agreementId, chosen);
			if (chosen == CheckIns.Answer.ALIVE) {
				return "redirect:/agreements/" + agreementId + "/activities/new?checkIn=" + checkIn;
			}
			redirect.addFlashAttribute("flash", "activity.checkIn.flash.inactive");
			return "redirect:/agreements/" + agreementId;
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey());
			return "redirect:/agreements/" + agreementId + "/check-in";
		}
	}

	@GetMapping("/agreements/dormant")
	String dormant(Model model) {
		model.addAttribute("candidates", this.dormancy.candidates(Actor.current()));
		return "agreement/dormant";
	}

	@PostMapping("/agreements/dormant/{id}")
	String decide(@PathVariable("id") String id, @RequestParam(name = "decision", required = false) String decision,
			Authentication authentication, RedirectAttributes redirect) {
		long agreementId = Text.requireId(id, AgreementNotFound::new);
		Dormancy.Decision chosen = "DORMANT".equals(decision) ? Dormancy.Decision.DORMANT : Dormancy.Decision.KEEP;
		return Refusal.redirectAfter(
				() -> this.dormancy.decide(Actor.current(), authentication.getName(), agreementId, chosen),
				"/agreements/dormant", redirect);
	}
}
