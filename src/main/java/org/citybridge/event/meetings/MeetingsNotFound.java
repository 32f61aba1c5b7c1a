package org.citybridge.event.meetings;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An event without a meeting programme, or a meeting or participant it does not have: 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class MeetingsNotFound extends RuntimeException {

	MeetingsNotFound(Object what) {
		super("No meetings: " + what);
	}
}
