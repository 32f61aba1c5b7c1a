package org.citybridge.system.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous public pages kept rendered (issue 21): served again while nothing they show has
 * changed, rendered anew as soon as anything has, whoever wrote it; never one visitor's page for
 * another language, another cookie, a session or a signed-in visitor.
 */
@IntegrationTest
class PublicPageCachingIT {

	/** Tables no public page shows (V71); every other table must advance the content version. */
	static final List<String> NOT_SHOWN = List.of("flyway_schema_history", "spring_session",
			"spring_session_attributes", "shedlock", "login_throttle", "rate_limits", "content_version",
			"matchmaking_data_version", "municipality_directory_version", "home_visits", "outbox_messages",
			"audit_entries", "account_tokens");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	final HttpClient http = HttpClient.newHttpClient();

	Long place;

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("ALTER TABLE municipalities ENABLE TRIGGER a_content_changed").update();
		if (this.place != null) {
			this.jdbc.sql("DELETE FROM municipalities WHERE id = ?").param(this.place).update();
		}
	}

	@Test
	void aPageIsServedAsRenderedUntilAnyChangeOfWhatItShowsIsCommitted() throws Exception {
		this.place = this.jdbc.sql("""
				INSERT INTO municipalities (name, country_code, kind, latitude, longitude)
				VALUES ('Cachetown', 'BE', 'TOWN', 50.85, 4.35) RETURNING id""").query(Long.class).single();
		String path = "/municipalities/" + this.place;
		awayFromTheEndOfAMinute();
		assertThat(get(path, "en").body()).contains("Cachetown");

		// A change that does not advance the version (its trigger switched off for this test) is not
		// seen: the page comes from memory, not from a new rendering.
		this.jdbc.sql("ALTER TABLE municipalities DISABLE TRIGGER a_content_changed").update();
		this.jdbc.sql("UPDATE municipalities SET name = 'Unseen' WHERE id = ?").param(this.place).update();
		HttpResponse<String> kept = get(path, "en");
		assertThat(kept.body()).contains("Cachetown").doesNotContain("Unseen");
		assertThat(kept.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(kept.headers().firstValue("ETag")).isPresent();

		// Any committed change, here by a script beside the portal, is seen on the next visit.
		this.jdbc.sql("ALTER TABLE municipalities ENABLE TRIGGER a_content_changed").update();
		this.jdbc.sql("UPDATE municipalities SET name = 'Renamed town' WHERE id = ?").param(this.place).update();
		assertThat(get(path, "en").body()).contains("Renamed town");
	}

	@Test
	void languagesAndCookiesAreNeverMixedUp() throws Exception {
		awayFromTheEndOfAMinute();
		for (int round = 0; round < 2; round++) {
			assertThat(get("/privacy", "en").body()).contains("<html lang=\"en\"");
			assertThat(get("/privacy", "fr").body()).contains("<html lang=\"fr\"");
			HttpResponse<String> mongolian = this.http.send(HttpRequest.newBuilder(uri("/privacy"))
				.header("Accept-Language", "en").header("Cookie", PortalLocaleResolver.COOKIE + "=mn").build(), HttpResponse.BodyHandlers.ofString());
			assertThat(mongolian.body()).contains("<html lang=\"mn\"");
		}
	}

	@Test
	void aSignedInVisitorIsNeverServedTheAnonymousPage() throws Exception {
		awayFromTheEndOfAMinute();
		assertThat(get("/privacy", "en").body()).doesNotContain("action=\"/logout\"");
		AccountTestSupport.loadDemoData(this.context);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + enc(AccountTestSupport.OFFICER_DARKHAN) + "&password="
					+ enc(AccountTestSupport.PASSWORD) + "&_csrf=" + enc(AccountTestSupport.csrfToken(loginPage))))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/privacy"))
			.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.body()).contains("action=\"/logout\"");
		assertThat(signedIn.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
	}

	@Test
	void everyTableAPublicPageCouldShowAdvancesTheContentVersion() {
		List<String> without = this.jdbc.sql("""
				SELECT t.tablename FROM pg_tables t WHERE t.schemaname = current_schema()
				AND (NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('%I', t.tablename)::regclass
				        AND g.tgname = 'a_content_changed')
				    OR NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('%I', t.tablename)::regclass
				        AND g.tgname = 'a_content_truncated'))
				ORDER BY 1""").query(String.class).list();
		assertThat(without).as("tables without the content version's triggers: add them in a migration (as V71)"
				+ " or, if no public page shows them, to the list of V71 and of this test")
			.containsExactlyInAnyOrderElementsOf(NOT_SHOWN);
		long before = version();
		this.jdbc.sql("UPDATE themes SET code = code WHERE code = (SELECT min(code) FROM themes)").update();
		assertThat(version()).isEqualTo(before + 1);
	}

	private long version() {
		return this.jdbc.sql("SELECT version FROM content_version").query(Long.class).single();
	}

	/** The pages of one minute are kept apart from the next one's: the steps of a test stay in one. */
	private static void awayFromTheEndOfAMinute() throws InterruptedException {
		int second = LocalTime.now(ZoneOffset.UTC).getSecond();
		if (second > 45) {
			Thread.sleep((61 - second) * 1000L);
		}
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}
}
