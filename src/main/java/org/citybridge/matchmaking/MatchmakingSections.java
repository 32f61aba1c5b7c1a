package org.citybridge.matchmaking;

import java.util.List;
import java.util.Map;

import org.citybridge.agreement.AgreementSection;
import org.citybridge.event.EventCatalogue;
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

	/**
	 * An agreement's page names the partnership requests it came from, to those who may read them
	 * (the two sides' officers, their networks' staff); nothing for anyone else.
	 */
	@Bean
	AgreementSection requestsOnAgreement(Requests requests) {
		return new AgreementSection("matchmaking/agreement-section", 10, agreementId -> {
			List<Requests.Request> origins = requests.leadingTo(Actor.current(), agreementId);
			return origins.isEmpty() ? null : Map.of("requests", origins);
		});
	}

	/** An agreement's page names, to everyone, the forum where it began at a meeting (issues 23 and 25). */
	@Bean
	AgreementSection forumOnAgreement(Requests requests, EventCatalogue events) {
		return new AgreementSection("matchmaking/agreement-forum-section", 5, agreementId -> {
			List<Map<String, Object>> forums = requests.forumsOf(agreementId).stream()
				.map(f -> {
					// The meeting's day while the meeting is kept, else the forum's days.
					Map<String, Object> forum = new java.util.HashMap<>();
					forum.put("event", events.byId(f.eventId()));
					forum.put("at", f.meetingAt());
					return forum;
				})
				.toList();
			return forums.isEmpty() ? null : Map.of("forums", forums);
		});
	}
}
