package org.citybridge.agreement;

/**
 * Where an agreement stands: draft, signed, active, dormant, ended. Only an ended agreement lets
 * the same parties register another of the same type.
 */
public enum AgreementStatus {
	DRAFT, SIGNED, ACTIVE, DORMANT, ENDED;

	/** Whether the agreement has been signed, so that its signing date cannot lie in the future. */
	public boolean isSigned() {
		return this != DRAFT;
	}
}
