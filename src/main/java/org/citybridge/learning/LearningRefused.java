package org.citybridge.learning;

/** A change that was not made; the message key says why, the field (if any) where. */
class LearningRefused extends RuntimeException {

	final String field;

	final String messageKey;

	LearningRefused(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}
}
