package org.citybridge.municipality;

import java.util.List;

/**
 * One line of the directory.
 *
 * @param districtOf the name of the city this place is a district of, or {@code null}
 * @param topThemes up to three themes it offers, in the vocabulary's order
 */
public record MunicipalitySummary(long id, String name, String nativeName, String countryCode, String division,
		MunicipalityKind kind, Integer population, boolean seekingPartners, String districtOf, List<String> topThemes) {

	/**
	 * The profile's address. Written here rather than with a template link expression: each of
	 * those asks the static resource chain whether the path is an asset, a classpath lookup per
	 * link that made a page of results several times slower under load.
	 */
	public String href() {
		return "/municipalities/" + this.id;
	}

	MunicipalitySummary withThemes(List<String> themes) {
		return new MunicipalitySummary(this.id, this.name, this.nativeName, this.countryCode, this.division, this.kind,
				this.population, this.seekingPartners, this.districtOf, List.copyOf(themes));
	}
}
