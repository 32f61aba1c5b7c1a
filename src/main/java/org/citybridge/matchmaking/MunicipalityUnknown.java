package org.citybridge.matchmaking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No municipality answers to the address: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class MunicipalityUnknown extends RuntimeException {

	MunicipalityUnknown(Object what) {
		super("No municipality " + what);
	}
}
