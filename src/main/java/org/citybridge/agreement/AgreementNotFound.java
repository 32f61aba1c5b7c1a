package org.citybridge.agreement;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No agreement has the id in the address: the visitor sees the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AgreementNotFound extends RuntimeException {

	public AgreementNotFound(Object id) {
		super("No agreement " + id);
	}
}
