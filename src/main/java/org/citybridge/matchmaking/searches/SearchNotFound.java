package org.citybridge.matchmaking.searches;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No partner search (or expression of interest in it) answers to the address: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SearchNotFound extends RuntimeException {

	SearchNotFound(Object what) {
		super("No partner search " + what);
	}
}
