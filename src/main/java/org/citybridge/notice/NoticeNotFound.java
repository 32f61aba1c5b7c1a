package org.citybridge.notice;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing to follow answers to the type and number given, or the notice or feed is unknown: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NoticeNotFound extends RuntimeException {

	public NoticeNotFound(String what) {
		super("Not found: " + what);
	}
}
