package org.citybridge.matchmaking.searches;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An expression of interest: what the municipality would bring, in a few words. */
record InterestForm(@NotBlank(message = "{search.interest.message.required}")
		@Size(max = 2000, message = "{search.interest.message.size}") String message) {

	static InterestForm empty() {
		return new InterestForm("");
	}
}
