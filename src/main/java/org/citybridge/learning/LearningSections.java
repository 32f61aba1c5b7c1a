package org.citybridge.learning;

import java.util.List;
import java.util.Map;

import org.citybridge.agreement.AgreementSection;
import org.citybridge.municipality.ProfileSection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What learning adds to other features' pages: the published case studies, nothing when there are none. */
@Configuration(proxyBeanMethods = false)
class LearningSections {

	/** The published case studies a municipality took part in, on its profile. */
	@Bean
	ProfileSection caseStudiesOnProfile(CaseStudies caseStudies) {
		return new ProfileSection("learning/profile-section", 30,
				municipalityId -> listed(caseStudies.involving(municipalityId)));
	}

	/** The published case studies linked to an agreement, on its page. */
	@Bean
	AgreementSection caseStudiesOnAgreement(CaseStudies caseStudies) {
		return new AgreementSection("learning/agreement-section", 30,
				agreementId -> listed(caseStudies.linkedTo(agreementId)));
	}

	private static Map<String, Object> listed(List<CaseStudies.Listed> studies) {
		return studies.isEmpty() ? null : Map.of("caseStudies", studies);
	}
}
