package org.citybridge.agreement.imports;

import java.util.Map;
import java.util.Set;

import org.citybridge.system.Actor;

/** Where the import puts matched pairs: the agreement register, through its API. */
interface PartnershipRegister {

	/** A pair of municipalities, smaller id first, so that order does not matter. */
	record Pair(long first, long second) {

		static Pair of(long a, long b) {
			return a < b ? new Pair(a, b) : new Pair(b, a);
		}
	}

	/** Whose list it is: Wikipedia's (source "public list" with its licence) or staff's own file. */
	enum ListKind {
		WIKIPEDIA, OWN
	}

	/**
	 * Registers each pair (with the row it came from, as the list spelled it) that has no
	 * sister-city agreement yet, active and unverified, and returns those it added; the others were
	 * already present. {@code actor} is null for the command line (the system).
	 */
	Set<Pair> register(Map<Pair, String> pairs, ListKind kind, String fileName, Actor actor, String actorLabel);
}
