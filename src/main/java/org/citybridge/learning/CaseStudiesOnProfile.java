package org.citybridge.learning;

import java.util.List;
import java.util.Map;

import org.citybridge.municipality.ProfileSection;

import org.springframework.stereotype.Component;

/** The published case studies a municipality took part in, on its profile; nothing when none. */
@Component
record CaseStudiesOnProfile(CaseStudies caseStudies) implements ProfileSection {

	@Override
	public String fragment() {
		return "learning/profile-section";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Map<String, Object> model(long municipalityId) {
		List<CaseStudies.Listed> studies = this.caseStudies.involving(municipalityId);
		return studies.isEmpty() ? null : Map.of("caseStudies", studies);
	}
}
