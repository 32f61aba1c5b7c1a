package org.citybridge.learning;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No case study the visitor may read has the id in the address: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CaseStudyNotFound extends RuntimeException {

	CaseStudyNotFound(Object id) {
		super("No case study " + id);
	}
}
