package org.citybridge.notice.pages;

import java.util.Map;
import java.util.Optional;

import org.citybridge.system.Actor;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Notice settings (per kind: at once, daily digest, off), the private feed address, and the feed itself. */
@Controller
class NoticeSettingsController {

	private final NoticeSettings settings;

	private final NoticeFeed feed;

	NoticeSettingsController(NoticeSettings settings, NoticeFeed feed) {
		this.settings = settings;
		this.feed = feed;
	}

	@GetMapping("/notices/settings")
	String show(Model model) {
		model.addAttribute("settings", this.settings.view(Actor.current()));
		return "notice/settings";
	}

	@PostMapping("/notices/settings")
	String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Optional<NoticeSettings.View> again = this.settings.save(Actor.current(), form);
		if (again.isPresent()) {
			model.addAttribute("settings", again.get());
			return "notice/settings";
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/notices/settings";
	}

	/** Makes (or replaces) the private feed address and shows it once. */
	@PostMapping("/notices/settings/feed")
	String newFeed(Authentication authentication, RedirectAttributes redirect) {
		redirect.addFlashAttribute("feedAddress", this.settings.newFeed(Actor.current(), authentication.getName()));
		return "redirect:/notices/settings#feed";
	}

	@PostMapping("/notices/settings/feed/delete")
	String deleteFeed(Authentication authentication, RedirectAttributes redirect) {
		this.settings.deleteFeed(Actor.current(), authentication.getName());
		redirect.addFlashAttribute("feedDeleted", true);
		return "redirect:/notices/settings#feed";
	}

	/** The Atom feed at its private address: no session needed; an unknown or revoked address is a 404. */
	@GetMapping("/notices/feed/{token}")
	ResponseEntity<String> atom(@PathVariable String token) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.header("Cache-Control", "private, no-cache")
			.header("Referrer-Policy", "no-referrer")
			.body(this.feed.atom(token));
	}
}
