package org.citybridge.matchmaking;

import java.util.List;
import java.util.Set;

import org.citybridge.country.CountryGroup;

/**
 * The hook for the funding signal: which funding instruments a municipality could use together
 * with a partner, by the partner's country group. Until the funding feature offers a finder, the
 * portal has no instrument data and {@link #NONE} answers; a bean of this type replaces it.
 */
public interface FundingFeasibility {

	/** An instrument open to the municipality together with a partner from one of the groups. */
	record Scheme(String name, Set<CountryGroup> partnerGroups) {
	}

	/** Nothing is known about funding: no candidate gets funding points. */
	FundingFeasibility NONE = municipalityId -> List.of();

	List<Scheme> instrumentsFor(long municipalityId);
}
