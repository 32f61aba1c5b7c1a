package org.citybridge.funding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No instrument or call answers to the address: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class FundingNotFound extends RuntimeException {

	public FundingNotFound(Object what) {
		super("No funding instrument or call " + what);
	}
}
