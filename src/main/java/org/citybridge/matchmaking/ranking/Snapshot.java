package org.citybridge.matchmaking.ranking;

import java.util.Arrays;
import java.util.Map;

import org.citybridge.matchmaking.SuggestionWeights;

/**
 * One immutable copy of what the suggestions are scored from, and the scoring over it: for every
 * municipality, in primitive arrays ordered by id, its country, kind, population, offered and
 * sought themes as bitmasks, working languages, whether it seeks partners, and the graph of the
 * agreements that have not ended. Every field is set here, from a {@link SnapshotBuilder}, and
 * never changed after.
 */
public final class Snapshot {

	/** The number of signals {@link #signals} fills, in the order of {@link #score}. */
	public static final int SIGNALS = 10;

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

	final Map<String, Integer> themeBits;

	/** Edges of agreements that have not ended: neighbours of i are at edgeStart[i] ... */
	final int[] edgeStart;

	final int[] edgeOther;

	final long[] edgeAgreement;

	Snapshot(long version, SnapshotBuilder b) {
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
		this.offers = (b.offers == null) ? new long[this.n] : Arrays.copyOf(b.offers, this.n);
		this.seeks = (b.seeks == null) ? new long[this.n] : Arrays.copyOf(b.seeks, this.n);
		this.seeking = new boolean[this.n];
		for (int i = 0; i < this.n; i++) {
			this.seeking[i] = b.seeking.get(i) != 0;
		}
		this.languageStart = b.languageStart.toArray();
		this.languages = b.languages.toArray();
		this.languageIndex = Map.copyOf(b.languageIndex);
		this.themeBits = Map.copyOf(b.themeBits);
		int[] degree = new int[this.n + 1];
		forEachPair(b.edgeAgreements, b.edgeParties, (x, y, g) -> degree[x + 1]++);
		for (int i = 0; i < this.n; i++) {
			degree[i + 1] += degree[i];
		}
		this.edgeStart = degree;
		int[] other = new int[degree[this.n]];
		long[] agreement = new long[degree[this.n]];
		int[] next = Arrays.copyOf(degree, degree.length);
		forEachPair(b.edgeAgreements, b.edgeParties, (x, y, g) -> {
			int k = next[x]++;
			other[k] = y;
			agreement[k] = g;
		});
		this.edgeOther = other;
		this.edgeAgreement = agreement;
	}

	/** The position of a municipality, or a negative number when it is not in this copy. */
	public int index(long id) {
		return Arrays.binarySearch(this.ids, id);
	}

	/** How many municipalities the copy holds. */
	public int size() {
		return this.n;
	}

	/** The id of the municipality at a position. */
	public long id(int position) {
		return this.ids[position];
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

	/**
	 * What one candidate scores on each signal, before weights: complementary themes, shared
	 * themes, size similarity (0 to 1), same kind, common language, shared networks, seeking,
	 * partners of A it partners with, partners in A's country, funding.
	 */
	public void signals(RankingQuery q, int i, double[] out) {
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
	public static double score(SuggestionWeights w, double[] s) {
		return w.complementarity() * s[0] + w.sharedTheme() * s[1] + w.size() * s[2] + w.kind() * s[3]
				+ w.language() * s[4] + w.network() * s[5] + w.seeking() * s[6]
				+ w.partnerOfPartner() * Math.min(s[7], w.partnerOfPartnerCap())
				+ w.likeYou() * Math.min(s[8], w.likeYouCap()) + w.funding() * s[9];
	}

	/** Whether a municipality is a candidate for the query: not A, not a partner, within the filter. */
	boolean candidate(RankingQuery q, int i) {
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
	public Scored scoreAll(RankingQuery q, SuggestionWeights w) {
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
