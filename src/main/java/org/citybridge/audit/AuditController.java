package org.citybridge.audit;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators read the whole audit log; staff read the entries made by their own
 * organisation's accounts (the security rules admit nobody else).
 */
@Controller
record AuditController(AuditLog log) {

	@GetMapping("/audit")
	String recent(@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "id", required = false) String id, Model model) {
		AuditLog.Page page = this.log.page(Actor.current(), type, id);
		model.addAttribute("entries", page.entries());
		model.addAttribute("organisationOnly", page.organisationOnly());
		model.addAttribute("type", page.type());
		model.addAttribute("id", page.id());
		return "audit/list";
	}
}
