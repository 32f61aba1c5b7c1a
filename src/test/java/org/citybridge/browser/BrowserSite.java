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

	/** One case at a time brings the world's load into its state and back. */
	private static final Object WORLD_LOAD = new Object();

	@Override
	public com.microsoft.playwright.Response whileWorldLoads(
			java.util.function.Supplier<com.microsoft.playwright.Response> visit) {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = this.context
			.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		synchronized (WORLD_LOAD) {
			long run = jdbc.sql("""
					INSERT INTO import_runs (file_name, skip_invalid, rows_done, heartbeat_at)
					VALUES ('geonames-cities1000.csv.gz', true, 65000, now() + interval '1 hour') RETURNING id
					""").query(Long.class).single();
			try {
				jdbc.sql("INSERT INTO world_loads (places_total, partnerships_total, place_run_id, attempts) VALUES (135233, 25917, ?, 1)")
					.param(run)
					.update();
				return visit.get();
			}
			finally {
				jdbc.sql("DELETE FROM world_loads").update();
				jdbc.sql("DELETE FROM import_runs WHERE id = ?").param(run).update();
			}
		}
	}

	@Override
	public long ambiguousPartnershipRowId() {
		return org.citybridge.agreement.imports.PartnershipImportTestSupport.ambiguousRowId(this.context);
	}

	@Override
	public String delegateEmail() {
		String email = "delegate.pages@citybridge.example";
		org.springframework.jdbc.core.simple.JdbcClient jdbc = this.context
			.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		jdbc.sql("""
				INSERT INTO accounts (email, display_name, password_hash, role, enabled)
				SELECT ?, 'Dana Delegate', password_hash, 'DELEGATE', true FROM accounts WHERE email = ?
				ON CONFLICT ((lower(email))) DO NOTHING
				""").params(email, AccountTestSupport.ADMIN).update();
		jdbc.sql("""
				INSERT INTO agenda_stars (account_id, session_id)
				SELECT a.id, min(s.id) FROM accounts a, sessions s JOIN events e ON e.id = s.event_id
				WHERE a.email = ? AND e.slug = ? GROUP BY a.id
				ON CONFLICT DO NOTHING
				""").params(email, PageCatalog.BRUSSELS_FORUM).update();
		return email;
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
	public long sessionId(String title) {
		return this.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("SELECT s.id FROM sessions s JOIN events e ON e.id = s.event_id WHERE e.slug = ? AND starts_with(s.title, ?)")
			.params(PageCatalog.BRUSSELS_FORUM, title)
			.query(Long.class)
			.single();
	}

	@Override
	public String signUpPath() {
		return AccountTestSupport.newSignUpPath(this.context);
	}

	@Override
	public String resetPath(String email) {
		return AccountTestSupport.newResetPath(this.context, email);
	}
}
