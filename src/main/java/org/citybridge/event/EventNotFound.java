package org.citybridge.event;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No event or session answers to the address: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EventNotFound extends RuntimeException {

	public EventNotFound(Object what) {
		super("No event or session " + what);
	}
}
