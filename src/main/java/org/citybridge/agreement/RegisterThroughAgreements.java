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

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	RegisterThroughAgreements(Agreements agreements, TransactionTemplate transaction,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.agreements = agreements;
		this.transaction = transaction;
	}

	/** The pairs that have an open sister-city agreement already: one query, not one per pair. */
	private Set<Pair> present(java.util.Collection<Pair> pairs) {
		Long[] first = pairs.stream().map(Pair::first).toArray(Long[]::new);
		Long[] second = pairs.stream().map(Pair::second).toArray(Long[]::new);
		Set<Pair> present = new HashSet<>();
		this.jdbc.sql("""
				SELECT p.a, p.b FROM unnest(?::bigint[], ?::bigint[]) AS p (a, b)
				WHERE EXISTS (SELECT 1 FROM agreements g WHERE g.type = 'SISTER_CITY' AND g.status <> 'ENDED'
				    AND g.party_key = ARRAY[p.a, p.b])
				""").params(first, second).query(rs -> {
			present.add(new Pair(rs.getLong(1), rs.getLong(2)));
		});
		return present;
	}

	@Override
	public Set<Pair> register(Map<Pair, String> pairs, ListKind kind, String fileName, Actor actor, String actorLabel) {
		if (pairs.isEmpty()) {
			return Set.of();
		}
		return this.transaction.execute(status -> {
			Set<Pair> added = new HashSet<>();
			Set<Pair> present = present(pairs.keySet());
			pairs.forEach((pair, record) -> {
				if (present.contains(pair)) {
					return;
				}
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
