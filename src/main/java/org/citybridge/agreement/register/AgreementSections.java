package org.citybridge.agreement.register;

import java.util.Map;

import org.citybridge.municipality.ProfileSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the register adds to other features' pages. */
@Configuration(proxyBeanMethods = false)
class AgreementSections {

	/** The agreements a municipality is a party to, shown on its profile. */
	@Bean
	ProfileSection agreementsOnProfile(AgreementCatalogue catalogue) {
		return new ProfileSection("agreement/profile-section", 20,
				municipalityId -> Map.of("agreements", catalogue.ofMunicipality(municipalityId), "municipality", municipalityId));
	}
}
