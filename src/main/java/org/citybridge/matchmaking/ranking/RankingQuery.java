package org.citybridge.matchmaking.ranking;

/**
 * What one ranking needs about the subject A beyond the copy: its themes and languages, the
 * filter resolved to masks, the per-candidate graph and network counts, the exclusions.
 */
public final class RankingQuery {

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

	RankingQuery(int a) {
		this.a = a;
	}
}
