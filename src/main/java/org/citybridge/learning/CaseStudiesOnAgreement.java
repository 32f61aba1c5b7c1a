package org.citybridge.learning;

import java.util.List;
import java.util.Map;

import org.citybridge.agreement.AgreementSection;

import org.springframework.stereotype.Component;

/** The published case studies linked to an agreement, on its page; nothing when none. */
@Component
record CaseStudiesOnAgreement(CaseStudies caseStudies) implements AgreementSection {

	@Override
	public String fragment() {
		return "learning/agreement-section";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Map<String, Object> model(long agreementId) {
		List<CaseStudies.Listed> studies = this.caseStudies.linkedTo(agreementId);
		return studies.isEmpty() ? null : Map.of("caseStudies", studies);
	}
}
