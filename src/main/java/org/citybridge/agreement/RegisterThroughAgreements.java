package org.citybridge.agreement;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Puts the import's pairs into the agreement register (placeholder until the register's API). */
@Component
class RegisterThroughAgreements implements PartnershipRegister {

	@Override
	public Set<Pair> register(Collection<Pair> pairs, Long accountId, String actorLabel) {
		throw new UnsupportedOperationException("The agreement register is not there yet");
	}
}
