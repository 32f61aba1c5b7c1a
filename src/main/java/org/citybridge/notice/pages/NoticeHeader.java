package org.citybridge.notice.pages;

import org.citybridge.system.Actor;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header's notices link: how many notices a signed-in person has not read; one count query, none for visitors. */
@ControllerAdvice
class NoticeHeader {

	/** Absent in web slice tests, which load controllers and advice without the services. */
	private final org.springframework.beans.factory.ObjectProvider<NoticeBoard> board;

	NoticeHeader(org.springframework.beans.factory.ObjectProvider<NoticeBoard> board) {
		this.board = board;
	}

	@ModelAttribute("unreadNotices")
	Long unreadNotices() {
		Actor actor = Actor.current();
		NoticeBoard notices = this.board.getIfAvailable();
		return actor.isSignedIn() && notices != null ? notices.unread(actor) : null;
	}
}
