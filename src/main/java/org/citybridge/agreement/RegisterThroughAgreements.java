package org.citybridge.agreement;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts the import's pairs into the agreement register through {@link Agreements}, in one transaction. */
@Component
class RegisterThroughAgreements implements PartnershipRegister {

	private final Agreements agreements;

	private final TransactionTemplate transaction;

	RegisterThroughAgreements(Agreements agreements, TransactionTemplate transaction) {
		this.agreements = agreements;
		this.transaction = transaction;
	}

	@Override
	public Set<Pair> register(Map<Pair, String> pairs, ListKind kind, String fileName, Actor actor, String actorLabel) {
		return this.transaction.execute(status -> {
			Set<Pair> added = new HashSet<>();
			pairs.forEach((pair, record) -> {
				AgreementSource source = kind == ListKind.WIKIPEDIA ? AgreementSource.wikipedia(record)
						: AgreementSource.csvUpload(fileName, record);
				Set<Long> parties = Set.of(pair.first(), pair.second());
				Agreements.Registration r = actor == null
						? this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, parties, source)
						: this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, parties, source, actor,
								actorLabel);
				if (r.added()) {
					added.add(pair);
				}
			});
			return added;
		});
	}
}
