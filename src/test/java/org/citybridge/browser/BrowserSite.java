package org.citybridge.browser;

import java.util.UUID;

import org.citybridge.account.AccountTestSupport;

import org.springframework.context.ApplicationContext;

import static org.citybridge.DemoPlaces.DARKHAN;

/** The running portal as the browser tests see it. */
record BrowserSite(int port, ApplicationContext context) implements PageType.Site {

	@Override
	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Override
	public long ambiguousPartnershipRowId() {
		return org.citybridge.agreement.imports.PartnershipImportTestSupport.ambiguousRowId(this.context);
	}

	@Override
	public long municipalityId(long geonamesId) {
		return AccountTestSupport.municipalityId(this.context, geonamesId);
	}

	@Override
	public long organisationId(String shortName) {
		return this.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("SELECT id FROM organisations WHERE short_name = ?")
			.param(shortName)
			.query(Long.class)
			.single();
	}

	@Override
	public String invitationPath() {
		return AccountTestSupport.newInvitationPath(this.context,
				"invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@citybridge.example", municipalityId(DARKHAN));
	}

	@Override
	public String resetPath(String email) {
		return AccountTestSupport.newResetPath(this.context, email);
	}
}
