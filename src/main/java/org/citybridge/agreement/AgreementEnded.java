package org.citybridge.agreement;

import java.util.List;

/** An agreement's status became ended: its parties may register another of the same type. */
public record AgreementEnded(long agreementId, AgreementType type, List<Long> municipalityIds) {

	public AgreementEnded {
		municipalityIds = List.copyOf(municipalityIds);
	}
}
