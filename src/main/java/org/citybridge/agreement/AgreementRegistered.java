package org.citybridge.agreement;

import java.util.List;

/** An agreement entered the register (from the form, a proposal or an import). */
public record AgreementRegistered(long agreementId, AgreementType type, List<Long> municipalityIds, boolean verified) {

	public AgreementRegistered {
		municipalityIds = List.copyOf(municipalityIds);
	}
}
