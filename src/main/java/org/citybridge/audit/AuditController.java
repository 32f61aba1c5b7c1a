package org.citybridge.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff and administrators read the audit log (the security rules admit only them). */
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
		model.addAttribute("entries", filtered ? this.log.forEntity(type.strip(), id.strip()) : this.log.recent(200));
		model.addAttribute("type", filtered ? type.strip() : "");
		model.addAttribute("id", filtered ? id.strip() : "");
		return "audit/list";
	}
}
