package org.citybridge.matchmaking.ranking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.citybridge.matchmaking.SuggestionFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The compact read model the suggestions are scored from ({@link Snapshot}): 15 MB for the 135,000
 * municipalities of GeoNames and 19,000 agreements (docs/benchmarks.md), and the query of one
 * ranking over it ({@link RankingQuery}).
 *
 * <p>The copy is rebuilt when {@code matchmaking_data_version} (kept by deferred triggers on every
 * table it is built from, V42) differs from the version it was built at. That version is read
 * before the data, so a copy is never newer than its version says, and a change committed while a
 * copy is being read causes one more rebuild, never a stale copy. Networks and pending requests
 * are few per municipality and are read per call, not copied.
 */
@Component
public class CandidateIndex {

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	private final Object loading = new Object();

	CandidateIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The copy that reflects at least every change committed before this call. */
	public Snapshot current() {
		long version = version();
		Snapshot s = this.snapshot;
		if (s != null && s.version >= version) {
			return s;
		}
		synchronized (this.loading) {
			s = this.snapshot;
			if (s == null || s.version < version) {
				s = load(version);
				this.snapshot = s;
			}
			return s;
		}
	}

	/** A new copy, read now; the benchmark times it (the one-off cost after a change). */
	public Snapshot load() {
		return load(version());
	}

	private long version() {
		return this.jdbc.sql("SELECT version FROM matchmaking_data_version").query(Long.class).single();
	}

	private Snapshot load(long version) {
		SnapshotBuilder b = new SnapshotBuilder();
		b.themes(this.jdbc.sql("SELECT code FROM themes ORDER BY code").query(String.class).list());
		this.jdbc.sql("""
				SELECT id, country_code, kind, population, working_languages, seeking_partners FROM municipalities ORDER BY id
				""").query((ResultSet rs) -> {
			b.add(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), strings(rs.getArray(5)),
					rs.getBoolean(6));
		});
		this.jdbc.sql("SELECT municipality_id, theme_code FROM municipality_offered_themes")
			.query((ResultSet rs) -> b.offers(rs.getLong(1), rs.getString(2)));
		this.jdbc.sql("SELECT municipality_id, theme_code FROM municipality_sought_themes")
			.query((ResultSet rs) -> b.seeks(rs.getLong(1), rs.getString(2)));
		this.jdbc.sql("""
				SELECT p.agreement_id, p.municipality_id FROM agreement_parties p
				JOIN agreements g ON g.id = p.agreement_id AND g.status <> 'ENDED'
				ORDER BY p.agreement_id, p.municipality_id
				""").query((ResultSet rs) -> b.party(rs.getLong(1), rs.getLong(2)));
		return b.build(version);
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	/**
	 * The query for A: the graph signals with one agreement hidden (-1 for none), networks and
	 * pending requests as read for this call, the filter's countries (empty for any) and the
	 * countries whose municipalities a funding instrument is open to.
	 */
	public RankingQuery query(Snapshot s, int a, SuggestionFilter filter, String[] targetCountries, String[] fundingCountries,
			long hiddenAgreement) {
		RankingQuery q = new RankingQuery(a);
		q.aOffers = s.offers[a];
		q.aSeeks = s.seeks[a];
		q.aLnPopulation = s.lnPopulation[a];
		q.aKind = s.kind[a];
		q.aLanguages = new boolean[s.languageIndex.size()];
		for (int k = s.languageStart[a]; k < s.languageStart[a + 1]; k++) {
			q.aLanguages[s.languages[k]] = true;
		}
		long aId = s.ids[a];
		q.networks = new int[s.n];
		this.jdbc.sql("""
				SELECT om.municipality_id, count(*) FROM organisation_members om
				WHERE om.organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id = ?)
				GROUP BY om.municipality_id
				""").param(aId).query((ResultSet rs) -> {
			int i = s.index(rs.getLong(1));
			if (i >= 0) {
				q.networks[i] = rs.getInt(2);
			}
		});
		q.excluded = new boolean[s.n];
		this.jdbc.sql("""
				SELECT CASE WHEN from_municipality_id = ? THEN to_municipality_id ELSE from_municipality_id END
				FROM partnership_requests WHERE status = 'PENDING' AND (from_municipality_id = ? OR to_municipality_id = ?)
				""").params(aId, aId, aId).query((ResultSet rs) -> {
			int i = s.index(rs.getLong(1));
			if (i >= 0) {
				q.excluded[i] = true;
			}
		});
		graph(s, q, hiddenAgreement);
		if (fundingCountries.length > 0) {
			q.funding = countries(s, fundingCountries);
		}
		q.home = filter.homeCountry();
		q.countries = targetCountries.length == 0 ? null : countries(s, targetCountries);
		q.themeFilter = !filter.themes().isEmpty();
		for (String theme : filter.themes()) {
			Integer bit = s.themeBits.get(theme);
			if (bit != null) {
				q.themes |= 1L << bit;
			}
		}
		q.populationMin = filter.populationMin();
		q.populationMax = filter.populationMax();
		q.seekingOnly = filter.seekingOnly();
		return q;
	}

	private static boolean[] countries(Snapshot s, String[] codes) {
		boolean[] allowed = new boolean[s.countryCodes.length];
		for (String code : codes) {
			Integer c = s.countryIndex.get(code);
			if (c != null) {
				allowed[c] = true;
			}
		}
		return allowed;
	}

	/**
	 * The graph signals, over agreements that have not ended, the hidden one left out: A's partners
	 * (excluded), for each municipality the number of A's partners it partners with, and the number
	 * of municipalities of A's country (A itself aside) it partners with; each counted once however
	 * many agreements link the two.
	 */
	private static void graph(Snapshot s, RankingQuery q, long hidden) {
		int a = q.a;
		q.partnerOfPartner = new int[s.n];
		q.likeA = new int[s.n];
		int[] stamp = new int[s.n];
		int mark = 0;
		IntList partners = new IntList();
		mark++;
		for (int k = s.edgeStart[a]; k < s.edgeStart[a + 1]; k++) {
			int p = s.edgeOther[k];
			if (s.edgeAgreement[k] != hidden && stamp[p] != mark) {
				stamp[p] = mark;
				partners.add(p);
				q.excluded[p] = true;
			}
		}
		for (int j = 0; j < partners.size; j++) {
			int p = partners.values[j];
			mark++;
			for (int k = s.edgeStart[p]; k < s.edgeStart[p + 1]; k++) {
				int m = s.edgeOther[k];
				if (s.edgeAgreement[k] != hidden && stamp[m] != mark) {
					stamp[m] = mark;
					q.partnerOfPartner[m]++;
				}
			}
		}
		int country = s.country[a];
		for (int j = s.countryStart[country]; j < s.countryStart[country + 1]; j++) {
			int c = s.countryMembers[j];
			if (c == a || s.edgeStart[c] == s.edgeStart[c + 1]) {
				continue;
			}
			mark++;
			for (int k = s.edgeStart[c]; k < s.edgeStart[c + 1]; k++) {
				int m = s.edgeOther[k];
				if (s.edgeAgreement[k] != hidden && stamp[m] != mark) {
					stamp[m] = mark;
					q.likeA[m]++;
				}
			}
		}
	}
}
