package org.citybridge.matchmaking;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link to a new agreement in the register for the two parties of an accepted request, in the
 * register form's own parameter ({@code partyIds}). The form does not read it from a GET query yet;
 * until it does, the link opens an empty form.
 */
final class AgreementDraftLink {

	private AgreementDraftLink() {
	}

	static String of(long firstParty, long secondParty) {
		return UriComponentsBuilder.fromPath("/agreements/new")
			.queryParam("partyIds", firstParty)
			.queryParam("partyIds", secondParty)
			.build()
			.toUriString();
	}
}
