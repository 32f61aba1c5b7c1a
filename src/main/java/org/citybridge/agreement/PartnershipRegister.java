package org.citybridge.agreement;

import java.util.Collection;
import java.util.Set;

/** Where the import puts matched pairs: the agreement register, through its API. */
interface PartnershipRegister {

	/** A pair of municipalities, smaller id first, so that order does not matter. */
	record Pair(long first, long second) {

		static Pair of(long a, long b) {
			return a < b ? new Pair(a, b) : new Pair(b, a);
		}
	}

	/**
	 * Registers each pair that has no sister-city agreement yet (active, unverified, source "public
	 * list" with its licence) and returns those it added; the others were already present.
	 */
	Set<Pair> register(Collection<Pair> pairs, Long accountId, String actorLabel);
}
