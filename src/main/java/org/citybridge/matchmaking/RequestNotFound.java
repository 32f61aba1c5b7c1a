package org.citybridge.matchmaking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No request answers to the address, or the caller may not see it: the 404 page either way, so
 * that a request's existence is not revealed to officers of other municipalities.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class RequestNotFound extends RuntimeException {

	RequestNotFound(Object what) {
		super("No partnership request " + what);
	}
}
