package org.citybridge.matchmaking;

import java.util.Map;

import org.citybridge.municipality.ProfileSection;
import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;

/** A municipality's profile links to its partner suggestions, and its officers to sending a request. */
@Component
class SuggestionsOnProfile implements ProfileSection {

	@Override
	public String fragment() {
		return "matchmaking/profile-section";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Object> model(long municipalityId) {
		Actor actor = Actor.current();
		boolean mayRequest = RequestPolicy.maySend(actor, municipalityId);
		return Map.of("municipalityId", municipalityId, "mayRequest", mayRequest);
	}
}
