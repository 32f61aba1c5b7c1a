package org.citybridge.matchmaking;

import java.util.List;

/**
 * Every weight of the suggestion score, in one place: the SQL that ranks candidates takes them as
 * parameters, and the public "How suggestions work" page lists them from here. A candidate's
 * score is the sum of its signals' points; each signal with points becomes one reason.
 *
 * @param complementarity points per theme that one side offers and the other seeks (either way)
 * @param sharedTheme points per theme that both offer, or both seek
 * @param size points for the same population, falling on a log scale to 0 at ten times larger or smaller
 * @param kind points for the same kind of municipality (capital with capital, rural with rural)
 * @param language points for at least one common working language
 * @param network points per network both belong to
 * @param seeking points when the candidate is looking for partners now
 * @param partnerOfPartner points per partner of the municipality that the candidate is also a partner of
 * @param partnerOfPartnerCap at most this many such partners count
 * @param likeYou points per partner the candidate has in the municipality's own country
 * @param likeYouCap at most this many such partners count
 * @param funding points when a funding instrument is open to the pair (a hook until funding lands)
 */
public record SuggestionWeights(double complementarity, double sharedTheme, double size, double kind, double language,
		double network, double seeking, double partnerOfPartner, int partnerOfPartnerCap, double likeYou, int likeYouCap,
		double funding) {

	/**
	 * The weights the portal uses. The two graph signals were tuned on real partnerships (the
	 * Wikipedia pairs over the GeoNames directory: a hidden partner should rank high), on a sample
	 * of municipalities kept apart from the one the evaluation reports, see docs/benchmarks.md:
	 * partner of a partner from 8 to 32 points, partners in your country from 3 (at most 3) to 6 (at
	 * most 10). Size, kind and language changed the result too little there to move them; the
	 * theme weights cannot be tuned on that data, whose themes are random.
	 */
	public static final SuggestionWeights DEFAULT = new SuggestionWeights(10, 4, 8, 5, 6, 5, 4, 32, 3, 6, 10, 6);

	/** One line of the "How suggestions work" page: a signal, its weight, and the cap if it has one. */
	public record Line(String signal, double points, Integer cap) {
	}

	public List<Line> lines() {
		return List.of(new Line("complementarity", this.complementarity, null),
				new Line("sharedTheme", this.sharedTheme, null), new Line("size", this.size, null),
				new Line("kind", this.kind, null), new Line("language", this.language, null),
				new Line("network", this.network, null), new Line("seeking", this.seeking, null),
				new Line("partnerOfPartner", this.partnerOfPartner, this.partnerOfPartnerCap),
				new Line("likeYou", this.likeYou, this.likeYouCap), new Line("funding", this.funding, null));
	}
}
