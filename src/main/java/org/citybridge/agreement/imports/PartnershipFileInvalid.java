package org.citybridge.agreement.imports;

import org.citybridge.system.Refusal;

/**
 * The uploaded file is not a partnership list at all: refused, on the form's file field, with the
 * message key that says why for people; {@link #getMessage()} says it in English for the command line.
 */
class PartnershipFileInvalid extends Refusal {

	private final String console;

	PartnershipFileInvalid(String messageKey, String console) {
		super("file", messageKey);
		this.console = console;
	}

	@Override
	public String getMessage() {
		return this.console;
	}
}
