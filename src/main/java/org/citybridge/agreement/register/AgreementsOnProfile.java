package org.citybridge.agreement.register;

import java.util.Map;

import org.citybridge.municipality.ProfileSection;

import org.springframework.stereotype.Component;

/** The agreements a municipality is a party to, shown on its profile. */
@Component
record AgreementsOnProfile(AgreementCatalogue catalogue) implements ProfileSection {

	@Override
	public String fragment() {
		return "agreement/profile-section";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Object> model(long municipalityId) {
		return Map.of("agreements", this.catalogue.ofMunicipality(municipalityId));
	}
}
