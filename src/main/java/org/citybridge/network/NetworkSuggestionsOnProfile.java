package org.citybridge.network;

import java.util.Map;

import org.citybridge.municipality.ProfileSection;

import org.springframework.stereotype.Component;

/** Networks the municipality might join, with the reasons, on its profile. */
@Component
record NetworkSuggestionsOnProfile(NetworkSuggestions suggestions) implements ProfileSection {

	@Override
	public String fragment() {
		return "network/suggestions-section";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Object> model(long municipalityId) {
		return Map.of("suggestions", this.suggestions.forMunicipality(municipalityId));
	}
}
