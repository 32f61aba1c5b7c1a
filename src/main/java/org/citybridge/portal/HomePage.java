package org.citybridge.portal;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.citybridge.funding.FundingDeadlines;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.portal.world.WorldLoadProgress;

import org.springframework.stereotype.Service;

/**
 * What the home page shows: how many places the directory holds, the next funding deadlines, and,
 * while the world loads after a first start with demo data, how far it has come.
 */
@Service
record HomePage(MunicipalitySearch municipalities, FundingDeadlines deadlines, WorldLoadProgress world) {

	/** The home page's figures and deadlines; {@code viewerZone} is the zone the visitor chose, if any. */
	record View(long municipalityCount, long countryCount, List<FundingDeadlines.Shown> deadlines, String viewerZone,
			WorldLoadProgress.Loading worldLoad) {
	}

	/** The page, with deadlines in the viewer's zone when they chose one (null: each call's own zone). */
	View view(ZoneId viewer, Locale locale) {
		return new View(this.municipalities.count(), this.municipalities.countCountries(),
				this.deadlines.upcoming(viewer, locale), (viewer == null) ? null : viewer.getId(),
				this.world.now().orElse(null));
	}
}
