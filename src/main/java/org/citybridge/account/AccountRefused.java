package org.citybridge.account;

import org.citybridge.system.Refusal;

/**
 * A write on accounts the caller may not make, or that breaks a rule; carries the message key to
 * show. Uncaught, it is a 403: an account change refused is a forbidden one.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
public class AccountRefused extends Refusal {

	public AccountRefused(String field, String messageKey) {
		super(field, messageKey);
	}
}
