package org.citybridge.municipality;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No municipality has the id in the address: the visitor sees the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MunicipalityNotFound extends RuntimeException {

	public MunicipalityNotFound(String id) {
		super("No municipality " + id);
	}
}
