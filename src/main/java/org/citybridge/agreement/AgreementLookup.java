package org.citybridge.agreement;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small read API of the register for other features: the agreements some municipalities are
 * parties to (to choose from), agreements by id (to show), and which of some agreements involve
 * some municipalities (to check a choice).
 */
@Service
@Transactional(readOnly = true)
public class AgreementLookup {

	/** How many agreements {@link #involvingAny} returns at most. */
	public static final int LIMIT = 200;

	/** An agreement as another feature shows it. */
	public record Summary(long id, String title, AgreementType type, AgreementStatus status) {

		public String href() {
			return "/agreements/" + this.id;
		}
	}

	private static final String COLUMNS = "SELECT a.id, a.title, a.type, a.status FROM agreements a";

	private final JdbcClient jdbc;

	AgreementLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Agreements having at least one of the municipalities as a party, open ones first, then by title. */
	public List<Summary> involvingAny(Collection<Long> municipalityIds) {
		if (municipalityIds.isEmpty()) {
			return List.of();
		}
		return summaries(COLUMNS + " WHERE EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id"
				+ " AND p.municipality_id IN (:ids)) ORDER BY (a.status = 'ENDED'), lower(a.title), a.id LIMIT " + LIMIT,
				Map.of("ids", municipalityIds));
	}

	/** The agreements with these ids, by title; ids that name none are left out. */
	public List<Summary> byIds(Collection<Long> agreementIds) {
		if (agreementIds.isEmpty()) {
			return List.of();
		}
		return summaries(COLUMNS + " WHERE a.id IN (:ids) ORDER BY lower(a.title), a.id", Map.of("ids", agreementIds));
	}

	/** Those of the agreements that have at least one of the municipalities as a party. */
	public Set<Long> involving(Collection<Long> agreementIds, Collection<Long> municipalityIds) {
		if (agreementIds.isEmpty() || municipalityIds.isEmpty()) {
			return Set.of();
		}
		return this.jdbc.sql("SELECT DISTINCT agreement_id FROM agreement_parties WHERE agreement_id IN (:agreements)"
				+ " AND municipality_id IN (:municipalities)")
			.param("agreements", agreementIds)
			.param("municipalities", municipalityIds)
			.query(Long.class)
			.list()
			.stream()
			.collect(Collectors.toSet());
	}

	private List<Summary> summaries(String sql, Map<String, ?> params) {
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), AgreementType.valueOf(rs.getString(3)),
					AgreementStatus.valueOf(rs.getString(4))))
			.list();
	}
}
