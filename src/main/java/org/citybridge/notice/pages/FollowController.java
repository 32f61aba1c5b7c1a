package org.citybridge.notice.pages;

import org.citybridge.notice.Follows;
import org.citybridge.system.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Follow or stop following a municipality, agreement, instrument or event, then back to the page (same origin only). */
@Controller
class FollowController {

	private final Follows follows;

	FollowController(Follows follows) {
		this.follows = follows;
	}

	@PostMapping("/follows")
	String change(@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "id", required = false) String id,
			@RequestParam(name = "action", required = false) String action,
			@RequestParam(name = "back", required = false) String back) {
		return "redirect:" + this.follows.change(Actor.current(), type, id, action, back);
	}
}
