package org.citybridge.notice.pages;

import org.citybridge.system.Actor;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header's notices link: how many notices a signed-in person has not read; one count query, none for visitors. */
@ControllerAdvice
class NoticeHeader {

	private final NoticeBoard board;

	NoticeHeader(NoticeBoard board) {
		this.board = board;
	}

	@ModelAttribute("unreadNotices")
	Long unreadNotices() {
		Actor actor = Actor.current();
		return actor.isSignedIn() ? this.board.unread(actor) : null;
	}
}
