package org.citybridge.account;

/** A write the caller may not make, or that breaks a rule; carries the message key to show. Uncaught, it is a 403. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
public class AccountRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	public AccountRefused(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}
}
