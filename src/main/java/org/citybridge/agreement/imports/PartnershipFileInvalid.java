package org.citybridge.agreement.imports;

/** The uploaded file is not a partnership list at all; {@link #messageKey()} says why, for people. */
class PartnershipFileInvalid extends RuntimeException {

	private final String messageKey;

	PartnershipFileInvalid(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}
}
