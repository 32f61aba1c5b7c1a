package org.citybridge.agreement.register;

/**
 * The change was not made; the message key (with its arguments) says why, and the field (or
 * {@code null} for the whole form) where the form shows it. For a duplicate, the agreement that
 * is already registered.
 */
class AgreementRefused extends RuntimeException {

	final String field;

	final String messageKey;

	final Object[] arguments;

	final Long conflictId;

	final String conflictTitle;

	AgreementRefused(String field, String messageKey, Object... arguments) {
		this(field, messageKey, null, null, arguments);
	}

	AgreementRefused(String field, String messageKey, Long conflictId, String conflictTitle, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
		this.conflictId = conflictId;
		this.conflictTitle = conflictTitle;
	}
}
