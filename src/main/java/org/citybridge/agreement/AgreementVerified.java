package org.citybridge.agreement;

import java.util.List;

/** Staff checked an agreement and marked it verified. */
public record AgreementVerified(long agreementId, AgreementType type, List<Long> municipalityIds) {

	public AgreementVerified {
		municipalityIds = List.copyOf(municipalityIds);
	}
}
