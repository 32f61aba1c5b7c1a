package org.citybridge.agreement.register;

import org.citybridge.system.Refusal;

/**
 * An agreement the register would not take: the refusal says why and where the form shows it,
 * and for a duplicate it names the agreement that is already registered, so that the form can
 * link to it.
 */
class AgreementRefused extends Refusal {

	private final Long conflictId;

	private final String conflictTitle;

	AgreementRefused(String field, String messageKey, Object... arguments) {
		this(field, messageKey, null, null, arguments);
	}

	AgreementRefused(String field, String messageKey, Long conflictId, String conflictTitle, Object... arguments) {
		super(field, messageKey, arguments);
		this.conflictId = conflictId;
		this.conflictTitle = conflictTitle;
	}

	/** The open agreement of the same type between the same parties, if the refusal is a duplicate. */
	Long conflictId() {
		return this.conflictId;
	}

	String conflictTitle() {
		return this.conflictTitle;
	}
}
