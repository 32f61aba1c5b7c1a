package org.citybridge.matchmaking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The compact read model the suggestions are scored from: for every municipality, in primitive
 * arrays ordered by id, its country, kind, log population, offered and sought themes as bitmasks,
 * working languages, whether it seeks partners, and the graph of agreements that have not ended
 * (each edge with its agreement, so the evaluation can hide one): 15 MB for the 135,000
 * municipalities of GeoNames and 19,000 agreements (docs/benchmarks.md).
 *
 * <p>The copy is rebuilt when {@code matchmaking_data_version} (kept by deferred triggers on every
 * table it is built from, V42) differs from the version it was built at. That version is read
 * before the data, so a copy is never newer than its version says, and a change committed while a
 * copy is being read causes one more rebuild, never a stale copy. Networks and pending requests
 * are few per municipality and are read per call, not copied.
 */
@Component
class CandidateIndex {

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	private final Object loading = new Object();

	CandidateIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The copy that reflects at least every change committed before this call. */
	Snapshot current() {
		long version = this.jdbc.sql("SELECT version FROM matchmaking_data_version").query(Long.class).single();
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
	Snapshot load() {
		return load(this.jdbc.sql("SELECT version FROM matchmaking_data_version").query(Long.class).single());
	}

	private Snapshot load(long version) {
		Map<String, Integer> themeBits = new HashMap<>();
		List<String> themes = this.jdbc.sql("SELECT code FROM themes ORDER BY code").query(String.class).list();
		if (themes.size() > 64) {
			throw new IllegalStateException("The suggestions hold themes as 64-bit masks; there are " + themes.size());
		}
		themes.forEach(t -> themeBits.put(t, themeBits.size()));
		Builder b = new Builder();
		this.jdbc.sql("""
				SELECT id, country_code, kind, population, working_languages, seeking_partners FROM municipalities ORDER BY id
				""").query((ResultSet rs) -> {
			b.add(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), strings(rs.getArray(5)),
					rs.getBoolean(6));
		});
		Snapshot s = b.build(version);
		this.jdbc.sql("SELECT municipality_id, theme_code FROM municipality_offered_themes").query((ResultSet rs) -> {
			int i = s.index(rs.getLong(1));
			Integer bit = themeBits.get(rs.getString(2));
			if (i >= 0 && bit != null) {
				s.offers[i] |= 1L << bit;
			}
		});
		this.jdbc.sql("SELECT municipality_id, theme_code FROM municipality_sought_themes").query((ResultSet rs) -> {
			int i = s.index(rs.getLong(1));
			Integer bit = themeBits.get(rs.getString(2));
			if (i >= 0 && bit != null) {
				s.seeks[i] |= 1L << bit;
			}
		});
		s.themeBits = Map.copyOf(themeBits);
		LongList agreements = new LongList();
		IntList parties = new IntList();
		this.jdbc.sql("""
				SELECT p.agreement_id, p.municipality_id FROM agreement_parties p
				JOIN agreements g ON g.id = p.agreement_id AND g.status <> 'ENDED'
				ORDER BY p.agreement_id, p.municipality_id
				""").query((ResultSet rs) -> {
			int i = s.index(rs.getLong(2));
			if (i >= 0) {
				agreements.add(rs.getLong(1));
				parties.add(i);
			}
		});
		s.graph(agreements, parties);
		return s;
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	/** One immutable copy of the data, and the scoring over it. */
	static final class Snapshot {

		final long version;

		final int n;

		final long[] ids;

		final short[] country;

		final String[] countryCodes;

		final Map<String, Integer> countryIndex;

		/** Municipalities by country: members of country c are countryMembers[countryStart[c] ..]. */
		final int[] countryStart;

		final int[] countryMembers;

		final byte[] kind;

		final byte district;

		final int[] population;

		final double[] lnPopulation;

		final long[] offers;

		final long[] seeks;

		final boolean[] seeking;

		final int[] languageStart;

		final int[] languages;

		final Map<String, Integer> languageIndex;

		Map<String, Integer> themeBits;

		/** Edges of agreements that have not ended: neighbours of i are at edgeStart[i] ... */
		int[] edgeStart;

		int[] edgeOther;

		long[] edgeAgreement;

		Snapshot(long version, Builder b) {
			this.version = version;
			this.n = b.ids.size;
			this.ids = b.ids.toArray();
			this.countryCodes = b.countries.keySet().toArray(String[]::new);
			this.countryIndex = Map.copyOf(b.countries);
			for (Map.Entry<String, Integer> e : b.countries.entrySet()) {
				this.countryCodes[e.getValue()] = e.getKey();
			}
			this.country = new short[this.n];
			int[] counts = new int[this.countryCodes.length + 1];
			for (int i = 0; i < this.n; i++) {
				this.country[i] = (short) b.country.get(i);
				counts[this.country[i] + 1]++;
			}
			for (int c = 0; c < this.countryCodes.length; c++) {
				counts[c + 1] += counts[c];
			}
			this.countryStart = counts;
			this.countryMembers = new int[this.n];
			int[] fill = Arrays.copyOf(counts, counts.length);
			for (int i = 0; i < this.n; i++) {
				this.countryMembers[fill[this.country[i]]++] = i;
			}
			this.kind = new byte[this.n];
			for (int i = 0; i < this.n; i++) {
				this.kind[i] = (byte) b.kind.get(i);
			}
			this.district = (byte) b.kinds.getOrDefault("DISTRICT", -1).intValue();
			this.population = b.population.toArray();
			this.lnPopulation = new double[this.n];
			for (int i = 0; i < this.n; i++) {
				this.lnPopulation[i] = this.population[i] > 0 ? Math.log(this.population[i]) : Double.NaN;
			}
			this.offers = new long[this.n];
			this.seeks = new long[this.n];
			this.seeking = new boolean[this.n];
			for (int i = 0; i < this.n; i++) {
				this.seeking[i] = b.seeking.get(i) != 0;
			}
			this.languageStart = b.languageStart.toArray();
			this.languages = b.languages.toArray();
			this.languageIndex = Map.copyOf(b.languageIndex);
		}

		/** The position of a municipality, or a negative number when it is not in this copy. */
		int index(long id) {
			return Arrays.binarySearch(this.ids, id);
		}

		void graph(LongList agreements, IntList parties) {
			int[] degree = new int[this.n + 1];
			forEachPair(agreements, parties, (x, y, g) -> degree[x + 1]++);
			for (int i = 0; i < this.n; i++) {
				degree[i + 1] += degree[i];
			}
			this.edgeStart = degree;
			this.edgeOther = new int[degree[this.n]];
			this.edgeAgreement = new long[degree[this.n]];
			int[] fill = Arrays.copyOf(degree, degree.length);
			forEachPair(agreements, parties, (x, y, g) -> {
				int k = fill[x]++;
				this.edgeOther[k] = y;
				this.edgeAgreement[k] = g;
			});
		}

		private interface PairAction {

			void accept(int x, int y, long agreement);

		}

		/** Every ordered pair of distinct parties of the same agreement. */
		private static void forEachPair(LongList agreements, IntList parties, PairAction action) {
			int start = 0;
			while (start < agreements.size) {
				int end = start;
				while (end < agreements.size && agreements.values[end] == agreements.values[start]) {
					end++;
				}
				for (int x = start; x < end; x++) {
					for (int y = start; y < end; y++) {
						if (parties.values[x] != parties.values[y]) {
							action.accept(parties.values[x], parties.values[y], agreements.values[start]);
						}
					}
				}
				start = end;
			}
		}

		/** The number of signals {@link #signals} fills, in the order of {@link #score}. */
		static final int SIGNALS = 10;

		/**
		 * What one candidate scores on each signal, before weights: complementary themes, shared
		 * themes, size similarity (0 to 1), same kind, common language, shared networks, seeking,
		 * partners of A it partners with, partners in A's country, funding.
		 */
		void signals(Query q, int i, double[] out) {
			long bo = this.offers[i];
			long bs = this.seeks[i];
			out[0] = Long.bitCount(bo & q.aSeeks) + Long.bitCount(bs & q.aOffers);
			out[1] = Long.bitCount(bo & q.aOffers & ~q.aSeeks) + Long.bitCount(bs & q.aSeeks & ~q.aOffers);
			double ln = this.lnPopulation[i];
			out[2] = Double.isNaN(ln) || Double.isNaN(q.aLnPopulation) ? 0
					: Math.max(0, 1 - Math.abs(ln - q.aLnPopulation) / Math.log(10));
			out[3] = this.kind[i] == q.aKind ? 1 : 0;
			out[4] = 0;
			for (int k = this.languageStart[i]; k < this.languageStart[i + 1]; k++) {
				if (q.aLanguages[this.languages[k]]) {
					out[4] = 1;
					break;
				}
			}
			out[5] = q.networks[i];
			out[6] = this.seeking[i] ? 1 : 0;
			out[7] = q.partnerOfPartner[i];
			out[8] = q.likeA[i];
			out[9] = q.funding != null && q.funding[this.country[i]] ? 1 : 0;
		}

		/** The weighted sum of a candidate's signals, in the order of the weights. */
		static double score(SuggestionWeights w, double[] s) {
			return w.complementarity() * s[0] + w.sharedTheme() * s[1] + w.size() * s[2] + w.kind() * s[3]
					+ w.language() * s[4] + w.network() * s[5] + w.seeking() * s[6]
					+ w.partnerOfPartner() * Math.min(s[7], w.partnerOfPartnerCap())
					+ w.likeYou() * Math.min(s[8], w.likeYouCap()) + w.funding() * s[9];
		}

		/** Whether a municipality is a candidate for the query: not A, not a partner, within the filter. */
		boolean candidate(Query q, int i) {
			if (i == q.a || this.kind[i] == this.district || q.excluded[i]) {
				return false;
			}
			int c = this.country[i];
			if (!q.home && c == this.country[q.a]) {
				return false;
			}
			if (q.countries != null && !q.countries[c]) {
				return false;
			}
			if (q.themeFilter && ((this.offers[i] | this.seeks[i]) & q.themes) == 0) {
				return false;
			}
			int p = this.population[i];
			if (q.populationMin != null && (p <= 0 || p < q.populationMin)) {
				return false;
			}
			if (q.populationMax != null && (p <= 0 || p > q.populationMax)) {
				return false;
			}
			return !q.seekingOnly || this.seeking[i];
		}

		/** Every candidate's position and score, in the order of the directory (by id). */
		Scored scoreAll(Query q, SuggestionWeights w) {
			int[] candidates = new int[this.n];
			double[] scores = new double[this.n];
			double[] s = new double[SIGNALS];
			int m = 0;
			for (int i = 0; i < this.n; i++) {
				if (candidate(q, i)) {
					signals(q, i, s);
					candidates[m] = i;
					scores[m] = score(w, s);
					m++;
				}
			}
			return new Scored(candidates, scores, m);
		}
	}

	/** The candidates of one query with their scores; the first {@code size} entries count. */
	record Scored(int[] candidates, double[] scores, int size) {

		/** Candidates from {@code offset}, at most {@code limit}, best first; ties by id. */
		int[] page(int offset, int limit) {
			int wanted = (int) Math.min((long) offset + limit, this.size);
			if (wanted <= offset) {
				return new int[0];
			}
			// A bounded heap of the best `wanted` (positions in this result), worst on top.
			int[] heap = new int[wanted];
			int h = 0;
			for (int k = 0; k < this.size; k++) {
				if (h < wanted) {
					heap[h] = k;
					up(heap, h++);
				}
				else if (better(k, heap[0])) {
					heap[0] = k;
					down(heap, h);
				}
			}
			Integer[] sorted = new Integer[h];
			for (int k = 0; k < h; k++) {
				sorted[k] = heap[k];
			}
			Arrays.sort(sorted, (x, y) -> better(x, y) ? -1 : better(y, x) ? 1 : 0);
			int[] page = new int[h - offset];
			for (int k = offset; k < h; k++) {
				page[k - offset] = sorted[k];
			}
			return page;
		}

		/** The rank (1 = best) the candidate at this position has among all candidates. */
		long rankOf(int position) {
			long better = 0;
			for (int k = 0; k < this.size; k++) {
				if (better(k, position)) {
					better++;
				}
			}
			return better + 1;
		}

		/** Higher score first; equal scores by id, which is the order of the positions. */
		boolean better(int x, int y) {
			double sx = this.scores[x];
			double sy = this.scores[y];
			return sx > sy || (sx == sy && this.candidates[x] < this.candidates[y]);
		}

		private void up(int[] heap, int k) {
			while (k > 0) {
				int parent = (k - 1) / 2;
				if (better(heap[parent], heap[k])) {
					swap(heap, parent, k);
					k = parent;
				}
				else {
					return;
				}
			}
		}

		private void down(int[] heap, int size) {
			int k = 0;
			while (true) {
				int l = 2 * k + 1;
				int r = l + 1;
				int worst = k;
				if (l < size && better(heap[worst], heap[l])) {
					worst = l;
				}
				if (r < size && better(heap[worst], heap[r])) {
					worst = r;
				}
				if (worst == k) {
					return;
				}
				swap(heap, k, worst);
				k = worst;
			}
		}

		private static void swap(int[] heap, int x, int y) {
			int t = heap[x];
			heap[x] = heap[y];
			heap[y] = t;
		}
	}

	/**
	 * What one ranking needs about the subject A beyond the copy: its themes and languages, the
	 * filter resolved to masks, the per-candidate graph and network counts, the exclusions.
	 */
	static final class Query {

		final int a;

		long aOffers;

		long aSeeks;

		double aLnPopulation;

		byte aKind;

		boolean[] aLanguages;

		int[] networks;

		int[] partnerOfPartner;

		int[] likeA;

		boolean[] excluded;

		boolean[] funding;

		boolean home;

		boolean[] countries;

		boolean themeFilter;

		long themes;

		Integer populationMin;

		Integer populationMax;

		boolean seekingOnly;

		Query(int a) {
			this.a = a;
		}
	}

	/**
	 * The query for A: the graph signals with one agreement hidden (-1 for none), networks and
	 * pending requests as read for this call, the filter's countries (empty for any) and the
	 * countries whose municipalities a funding instrument is open to.
	 */
	Query query(Snapshot s, int a, SuggestionFilter filter, String[] targetCountries, String[] fundingCountries,
			long hiddenAgreement) {
		Query q = new Query(a);
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
	private static void graph(Snapshot s, Query q, long hidden) {
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

	/** Collects the rows of the municipality table, in id order. */
	static final class Builder {

		final LongList ids = new LongList();

		final IntList country = new IntList();

		final Map<String, Integer> countries = new HashMap<>();

		final IntList kind = new IntList();

		final Map<String, Integer> kinds = new HashMap<>();

		final IntList population = new IntList();

		final IntList seeking = new IntList();

		final IntList languageStart = new IntList();

		final IntList languages = new IntList();

		final Map<String, Integer> languageIndex = new HashMap<>();

		Builder() {
			this.languageStart.add(0);
		}

		void add(long id, String countryCode, String kindCode, Integer pop, String[] langs, boolean seeks) {
			this.ids.add(id);
			this.country.add(this.countries.computeIfAbsent(countryCode, c -> this.countries.size()));
			this.kind.add(this.kinds.computeIfAbsent(kindCode, k -> this.kinds.size()));
			this.population.add(pop == null ? 0 : pop);
			this.seeking.add(seeks ? 1 : 0);
			for (String l : langs) {
				this.languages.add(this.languageIndex.computeIfAbsent(l, x -> this.languageIndex.size()));
			}
			this.languageStart.add(this.languages.size);
		}

		Snapshot build(long version) {
			return new Snapshot(version, this);
		}
	}

	/** A growable list of ints without boxing. */
	static final class IntList {

		int[] values = new int[1024];

		int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int get(int i) {
			return this.values[i];
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}
	}

	/** A growable list of longs without boxing. */
	static final class LongList {

		long[] values = new long[1024];

		int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		long[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}
	}
}
