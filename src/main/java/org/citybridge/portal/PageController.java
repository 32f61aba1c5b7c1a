package org.citybridge.portal;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.Valid;

import org.citybridge.system.Moments;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The short pages, and the sections whose features are still being built. */
@Controller
record PageController(BarrierReports barrierReports) {

	/** When the accessibility statement was last reviewed against the checks in docs/accessibility.md. */
	static final LocalDate STATEMENT_REVIEWED = LocalDate.of(2026, 11, 25);

	@ModelAttribute("statementReviewed")
	String statementReviewed(Locale locale) {
		return Moments.date(STATEMENT_REVIEWED, locale);
	}

	@GetMapping("/accessibility")
	String accessibility(Model model) {
		model.addAttribute("report", BarrierReportForm.empty());
		return "portal/accessibility";
	}

	@PostMapping("/accessibility")
	String reportBarrier(@Valid @ModelAttribute("report") BarrierReportForm report, BindingResult result,
			Locale locale, jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "portal/accessibility";
		}
		if (!this.barrierReports.report(report, locale, request.getRemoteAddr())) {
			result.rejectValue("description", "accessibility.report.tooMany");
			return "portal/accessibility";
		}
		redirect.addFlashAttribute("reportFlash", "accessibility.report.thanks");
		return "redirect:/accessibility#report";
	}

	/** Staff and administrators read the barriers visitors report (the security rules admit only them). */
	@GetMapping("/accessibility/reports")
	String barrierReports(Model model) {
		model.addAttribute("reports", this.barrierReports.recent());
		return "portal/reports";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "portal/privacy";
	}

}
