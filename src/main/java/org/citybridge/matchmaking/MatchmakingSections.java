package org.citybridge.matchmaking;

import java.util.Map;

import org.citybridge.municipality.ProfileSection;
import org.citybridge.system.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What matchmaking adds to other features' pages. */
@Configuration(proxyBeanMethods = false)
class MatchmakingSections {

	/** A municipality's profile links to its partner suggestions, and its officers to sending a request. */
	@Bean
	ProfileSection partnerSuggestionsOnProfile() {
		return new ProfileSection("matchmaking/profile-section", 20, municipalityId -> Map.of("municipalityId",
				municipalityId, "mayRequest", RequestPolicy.maySend(Actor.current(), municipalityId)));
	}
}
