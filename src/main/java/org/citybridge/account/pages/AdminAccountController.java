package org.citybridge.account.pages;

import org.citybridge.account.AccountAdministration;
import org.citybridge.account.AccountRefused;
import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;
import org.citybridge.system.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage accounts and read the outbox. */
@Controller
record AdminAccountController(AccountAdministration administration, AccountPages pages) {

	@GetMapping("/admin/accounts")
	String list(@RequestParam(name = "q", required = false) String query, Model model) {
		model.addAttribute("query", query == null ? "" : query.strip());
		AccountPages.AdminList list = this.pages.adminList(Actor.current(), query);
		PageModel.add(model, list);
		return "account/admin-list";
	}

	@PostMapping("/admin/accounts/{id}/deactivate")
	String deactivate(@PathVariable("id") long id, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> {
			this.administration.deactivate(Actor.current(), id);
			return "account.admin.deactivated";
		}, "/admin/accounts", redirect);
	}

	@PostMapping("/admin/accounts/{id}/role")
	String changeRole(@PathVariable("id") long id, @RequestParam(name = "role", required = false) Actor.Role role,
			@RequestParam(name = "municipality", required = false) String municipality,
			@RequestParam(name = "organisationId", required = false) Long organisationId, RedirectAttributes redirect) {
		try {
			this.pages.changeRole(Actor.current(), id, role, municipality, organisationId);
			redirect.addFlashAttribute("flash", "account.admin.roleChanged");
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey());
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			redirect.addFlashAttribute("flashError", "account.admin.roleScope");
		}
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", this.administration.outbox(Actor.current()));
		return "account/outbox";
	}
}
