package org.citybridge.agreement.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.Agreements;

/**
 * Puts the import's pairs into the agreement register through {@link Agreements}, in one
 * transaction, a slice of pairs per statement ({@link Agreements#registerAllFromPublicList}).
 */
@Component
record RegisterThroughAgreements(Agreements agreements,
		TransactionTemplate transaction) implements PartnershipRegister {

	static final int SLICE = 5_000;

	@Override
	public Set<Pair> register(Map<Pair, String> pairs, ListSource source, Actor actor, String actorLabel) {
		if (pairs.isEmpty()) {
			return Set.of();
		}
		List<Pair> order = new ArrayList<>(pairs.keySet());
		List<Agreements.Listed> entries = new ArrayList<>(order.size());
		for (Pair pair : order) {
			entries.add(new Agreements.Listed(Set.of(pair.first(), pair.second()), source.forRow(pairs.get(pair))));
		}
		return this.transaction.execute(status -> {
			Set<Pair> added = new HashSet<>();
			// In slices, so that one statement's arrays stay a few megabytes.
			for (int from = 0; from < entries.size(); from += SLICE) {
				int to = Math.min(entries.size(), from + SLICE);
				List<Agreements.Registration> done = this.agreements.registerAllFromPublicList(AgreementType.SISTER_CITY,
						entries.subList(from, to), actor, actorLabel);
				for (int i = 0; i < done.size(); i++) {
					if (done.get(i).added()) {
						added.add(order.get(from + i));
					}
				}
			}
			return added;
		});
	}
}
