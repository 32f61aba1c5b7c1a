package org.citybridge.network;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No organisation has the id in the address: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class OrganisationNotFound extends RuntimeException {

	OrganisationNotFound(Object id) {
		super("No organisation " + id);
	}
}
