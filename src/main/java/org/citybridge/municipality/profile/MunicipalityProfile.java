package org.citybridge.municipality.profile;

import java.math.BigDecimal;
import java.util.List;
import org.citybridge.municipality.Municipality;
import org.citybridge.municipality.MunicipalityKind;

/** What a profile page shows, read in one go so that the template triggers no lazy loading. */
public record MunicipalityProfile(long id, String name, String nativeName, String geonamesName, List<String> alternateNames,
		String countryCode, String division, MunicipalityKind kind, Integer population, BigDecimal areaKm2,
		BigDecimal latitude, BigDecimal longitude, String website, List<String> workingLanguages,
		boolean seekingPartners, Long geonamesId, List<String> offeredThemes, List<String> soughtThemes,
		String districtOf, String contactName, String contactEmail) {

	static MunicipalityProfile of(Municipality m, String districtOf) {
		return new MunicipalityProfile(m.getId(), m.getName(), m.getNativeName(), m.getGeonamesName(),
				List.copyOf(m.getAlternateNames()), m.getCountryCode(), m.getDivision(), m.getKind(),
				m.getPopulation(), m.getAreaKm2(), m.getLatitude(), m.getLongitude(), m.getWebsite(),
				List.copyOf(m.getWorkingLanguages()), m.isSeekingPartners(), m.getGeonamesId(),
				m.getOfferedThemes().stream().sorted().toList(), m.getSoughtThemes().stream().sorted().toList(), districtOf,
				m.isContactPublic() ? m.getContactName() : null, m.isContactPublic() ? m.getContactEmail() : null);
	}

	/** The GeoNames spelling, shown only where it differs from the usual one. */
	public boolean showsGeonamesName() {
		return this.geonamesName != null && !this.geonamesName.equals(this.name);
	}
}
