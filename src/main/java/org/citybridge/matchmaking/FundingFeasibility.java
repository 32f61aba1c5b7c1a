package org.citybridge.matchmaking;

import java.util.List;
import java.util.Set;

import org.citybridge.country.CountryGroup;

/**
 * The hook for funding: which funding instruments a municipality could use together with a
 * partner, by the partner's country group (a signal of the suggestions), and which ones a pair
 * could use (the choices of a request's proposed instrument). Without the funding feature's
 * finder the portal has no instrument data and {@link #NONE} answers; a bean of this type
 * replaces it.
 */
public interface FundingFeasibility {

	/**
	 * An instrument, by its name in the reader's language (with the name's language when it is not
	 * the reader's: the page marks it), open to the municipality together with a partner from one of
	 * the groups.
	 */
	record Scheme(String name, String nameLang, Set<CountryGroup> partnerGroups) {
	}

	/**
	 * An instrument a pair could use: its slug (what a form sends), its name (with its language when
	 * that is not the reader's: the page marks it), and whether it is plainly eligible or has
	 * conditions someone must check.
	 */
	record Usable(long id, String slug, String name, String nameLang, boolean eligible) {
	}

	/** A name in the reader's language, with its language when it is not the reader's (the page marks it). */
	record Name(String text, String lang) {
	}

	/** Nothing is known about funding: no candidate gets funding points, no pair any instrument. */
	FundingFeasibility NONE = municipalityId -> List.of();

	List<Scheme> instrumentsFor(long municipalityId);

	/** The instruments the two municipalities could use together, eligible ones first. */
	default List<Usable> usableBy(long first, long second) {
		return List.of();
	}

	/** An instrument's name in the reader's language; empty when it is no longer listed. */
	default java.util.Optional<Name> instrumentName(long instrumentId) {
		return java.util.Optional.empty();
	}
}
