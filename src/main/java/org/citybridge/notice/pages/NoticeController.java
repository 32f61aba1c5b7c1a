package org.citybridge.notice.pages;

import java.util.Locale;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of a signed-in person's notices, and marking them read. */
@Controller
class NoticeController {

	private final NoticeBoard board;

	NoticeController(NoticeBoard board) {
		this.board = board;
	}

	@GetMapping("/notices")
	String list(@RequestParam(name = "page", required = false) String page, Locale locale, Model model) {
		model.addAttribute("listing", this.board.list(Actor.current(), page, locale));
		return "notice/list";
	}

	/** Opens a notice: marks it read and goes where its work is done. */
	@PostMapping("/notices/{id}/open")
	String open(@PathVariable String id) {
		return "redirect:" + this.board.open(Actor.current(), id);
	}

	@PostMapping("/notices/{id}/read")
	String read(@PathVariable String id) {
		this.board.markRead(Actor.current(), id);
		return "redirect:/notices";
	}

	@PostMapping("/notices/read-all")
	String readAll(RedirectAttributes redirect) {
		this.board.markAllRead(Actor.current());
		redirect.addFlashAttribute("allRead", true);
		return "redirect:/notices";
	}
}
