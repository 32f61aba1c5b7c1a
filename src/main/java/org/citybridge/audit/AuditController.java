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
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/audit")
	String recent(@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "id", required = false) String id, Model model) {
		boolean filtered = type != null && !type.isBlank() && id != null && !id.isBlank();
		Actor actor = Actor.current();
		AuditLog.Scope scope = actor.role() == Actor.Role.ADMIN ? AuditLog.Scope.ALL
				: AuditLog.Scope.organisation(actor.organisationId());
		model.addAttribute("entries",
				filtered ? this.log.forEntity(type.strip(), id.strip(), scope) : this.log.recent(200, scope));
		model.addAttribute("organisationOnly", scope != AuditLog.Scope.ALL);
		model.addAttribute("type", filtered ? type.strip() : "");
		model.addAttribute("id", filtered ? id.strip() : "");
		return "audit/list";
	}
}
