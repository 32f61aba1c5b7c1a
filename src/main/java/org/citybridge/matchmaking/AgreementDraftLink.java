package org.citybridge.matchmaking;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link to a draft agreement in the register, prefilled with the two parties of an accepted
 * request. The register's form reads its parties from the query.
 */
final class AgreementDraftLink {

	private AgreementDraftLink() {
	}

	static String of(long firstParty, long secondParty) {
		return UriComponentsBuilder.fromPath("/agreements/new")
			.queryParam("party", firstParty)
			.queryParam("party", secondParty)
			.build()
			.toUriString();
	}
}
