package org.citybridge.matchmaking.searches;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells each partner search's author side, once, that the search has passed its expiry date. The
 * round runs every hour on one instance (the ShedLock row {@code partner-search-expiry}), as the
 * yearly check-in does; {@link PartnerSearches#announceExpired()} marks each search as told in the
 * statement that picks it, so neither a second round nor a second instance tells anyone twice.
 */
@Component
class SearchExpiryNotices {

	private static final Logger log = LoggerFactory.getLogger(SearchExpiryNotices.class);

	private final PartnerSearches searches;

	SearchExpiryNotices(PartnerSearches searches) {
		this.searches = searches;
	}

	/** Every hour by default, since a search expires at the end of a day in its call's zone; {@code citybridge.search-expiry.cron} changes it. */
	@Scheduled(cron = "${citybridge.search-expiry.cron:0 20 * * * *}", zone = "UTC")
	@SchedulerLock(name = "partner-search-expiry", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void hourly() {
		int told = this.searches.announceExpired();
		log.info("Partner-search expiry round: {} search(es) announced as expired", told);
	}
}
