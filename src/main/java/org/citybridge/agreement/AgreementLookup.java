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
	public record Summary(long id, String title, AgreementType type, AgreementStatus status, List<Long> partyIds,
			List<String> partyNames) {

		public String href() {
			return "/agreements/" + this.id;
		}
	}

	/** A party of an unverified agreement: its name and country. */
	public record Signatory(long id, String name, String countryCode) {
	}

	/**
	 * An agreement waiting for staff to verify it, with what they need to judge it: its parties and
	 * their countries, who proposed it (an account, with its municipality for an officer) or the
	 * list it was imported from, when it arrived and how many whole days it has waited.
	 */
	public record Unverified(long id, String title, List<Signatory> parties, String proposerName,
			String proposerMunicipality, AgreementSource.Kind source, String sourceName, java.time.Instant arrivedAt,
			long ageDays) {

		public String href() {
			return "/agreements/" + this.id;
		}

		public boolean imported() {
			return this.source != AgreementSource.Kind.MANUAL;
		}
	}

	/** An agreement's id, title, type and status, and its parties' ids and names (for the title in the reader's script). */
	private static final String COLUMNS = "SELECT a.id, a.title, a.type, a.status,"
			+ " ARRAY(SELECT m.id FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id"
			+ " WHERE p.agreement_id = a.id ORDER BY m.id),"
			+ " ARRAY(SELECT m.name FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id"
			+ " WHERE p.agreement_id = a.id ORDER BY m.id) FROM agreements a";

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

	/** How many agreements wait for verification. */
	public long unverifiedCount() {
		return this.jdbc.sql("SELECT count(*) FROM agreements WHERE verified_at IS NULL").query(Long.class).single();
	}

	/**
	 * Unverified agreements, the longest waiting first: the staff's work list. {@code offset} rows
	 * are skipped, at most {@code limit} returned.
	 */
	public List<Unverified> unverified(int limit, long offset) {
		List<Unverified> rows = this.jdbc.sql("""
				SELECT a.id, a.title, pa.display_name, pm.name, a.source, a.source_name, a.created_at,
				       floor(extract(epoch FROM now() - a.created_at) / 86400)::bigint,
				       ARRAY(SELECT m.id FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				             WHERE p.agreement_id = a.id ORDER BY m.name, m.id),
				       ARRAY(SELECT m.name FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				             WHERE p.agreement_id = a.id ORDER BY m.name, m.id),
				       ARRAY(SELECT m.country_code FROM agreement_parties p JOIN municipalities m ON m.id = p.municipality_id
				             WHERE p.agreement_id = a.id ORDER BY m.name, m.id)
				FROM agreements a
				LEFT JOIN accounts pa ON pa.id = coalesce(a.proposed_by_account_id, a.created_by_account_id)
				LEFT JOIN municipalities pm ON pm.id = pa.municipality_id
				WHERE a.verified_at IS NULL ORDER BY a.created_at, a.id LIMIT :limit OFFSET :offset
				""").param("limit", limit).param("offset", offset).query((rs, n) -> {
			Long[] ids = (Long[]) rs.getArray(9).getArray();
			String[] names = (String[]) rs.getArray(10).getArray();
			String[] countries = (String[]) rs.getArray(11).getArray();
			List<Signatory> parties = new java.util.ArrayList<>();
			for (int i = 0; i < ids.length; i++) {
				parties.add(new Signatory(ids[i], names[i], countries[i]));
			}
			return new Unverified(rs.getLong(1), rs.getString(2), List.copyOf(parties), rs.getString(3), rs.getString(4),
					AgreementSource.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
					rs.getLong(8));
		}).list();
		return rows;
	}

	private List<Summary> summaries(String sql, Map<String, ?> params) {
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), AgreementType.valueOf(rs.getString(3)),
					AgreementStatus.valueOf(rs.getString(4)), List.of((Long[]) rs.getArray(5).getArray()),
					List.of((String[]) rs.getArray(6).getArray())))
			.list();
	}
}
