package org.citybridge.matchmaking;

import java.util.List;

import org.citybridge.funding.FundingFinder;

import org.springframework.stereotype.Component;

/**
 * The funding signal from the funding feature's eligibility data: the instruments a municipality
 * could use with a partner, by the partner's country group.
 */
@Component
record FundingFromFinder(FundingFinder finder) implements FundingFeasibility {

	@Override
	public List<Scheme> instrumentsFor(long municipalityId) {
		return this.finder.partnerGroupsFor(municipalityId)
			.entrySet()
			.stream()
			.map(e -> new Scheme(e.getKey(), e.getValue()))
			.toList();
	}
}
