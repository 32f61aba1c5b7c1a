package org.citybridge.funding.pages;

import java.util.List;

import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.funding.Party;

/** One side of the finder: the chosen municipality, or the matches for what was typed. */
public record FinderSide(String key, Party chosen, String query, List<MunicipalitySummary> candidates,
		boolean searched) {

	public boolean noMatch() {
		return this.searched && this.candidates.isEmpty();
	}
}
