package org.citybridge.agreement.activities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.agreement.AgreementSection;
import org.citybridge.municipality.ProfileSection;
import org.citybridge.system.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the partners did, on an agreement's page and on each party's profile: activities and timelines. */
@Configuration(proxyBeanMethods = false)
class ActivitySections {

	/**
	 * An agreement's page lists its activities (with edit and remove for those who may) and its
	 * timeline; without activities it says who can add them.
	 */
	@Bean
	AgreementSection activitiesOnAgreement(ActivityReads reads, Activities activities) {
		return new AgreementSection("agreement/activities-section", 20, agreementId -> {
			Map<String, Object> model = new HashMap<>();
			model.put("agreementId", agreementId);
			model.put("activities", reads.ofAgreement(agreementId));
			model.put("timeline", reads.timeline(agreementId));
			model.put("parties", reads.parties(agreementId));
			model.put("mayRecord", activities.mayRecord(Actor.current(), agreementId));
			return model;
		});
	}

	/** A municipality's profile shows the timeline of its partnerships, when there is one. */
	@Bean
	ProfileSection timelineOnProfile(ActivityReads reads) {
		return new ProfileSection("agreement/timeline-section", 25, municipalityId -> {
			List<ActivityReads.Entry> timeline = reads.timelineOfMunicipality(municipalityId);
			return timeline.isEmpty() ? null : Map.of("timeline", timeline, "municipalityId", municipalityId);
		});
	}
}
