package org.citybridge.browser;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The running portal as the browser tests see it. */
record BrowserSite(int port, JdbcClient jdbc) implements PageType.Site {

	@Override
	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Override
	public long municipalityId(long geonamesId) {
		return this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?")
			.param(geonamesId)
			.query(Long.class)
			.single();
	}
}
