package org.citybridge.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.citybridge.IntegrationTest;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions live in PostgreSQL, change id on sign-in, and end when an admin deactivates the account. */
@IntegrationTest
class SessionsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountAdministration administration;

	@BeforeEach
	void demoData() {
		AccountTestSupport.loadDemoData(this.context);
	}

	@Test
	void aSessionIsKeptInPostgresAndEndsWhenTheAccountIsDeactivated() throws Exception {
		String email = "session.holder@citybridge.example";
		this.jdbc.sql("INSERT INTO accounts (email, display_name, password_hash, role, enabled) "
				+ "SELECT ?, 'Session Holder', password_hash, 'ADMIN', true FROM accounts WHERE email = ? "
				+ "ON CONFLICT ((lower(email))) DO UPDATE SET enabled = true").params(email, AccountTestSupport.ADMIN).update();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
		String before = sessionCookie(browser);
		HttpResponse<String> signIn = browser.send(post("/login", "username=" + enc(email) + "&password="
				+ enc(AccountTestSupport.PASSWORD) + "&_csrf=" + enc(AccountTestSupport.csrfToken(loginPage))), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/home"));
		assertThat(sessionCookie(browser)).as("session fixation: a new id after sign-in").isNotEqualTo(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(browser.send(get("/account"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

		long id = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(email).query(Long.class).single();
		long adminId = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(AccountTestSupport.ADMIN).query(Long.class).single();
		this.administration.deactivate(new Actor(adminId, Actor.Role.ADMIN, null, null), id);

		HttpResponse<String> after = browser.send(get("/account"), HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email)
			.query(Long.class).single()).isZero();
	}

	/** A new account with the demo password, for a test that changes its credentials. */
	private String holder(String name) {
		String email = name + "@citybridge.example";
		this.jdbc.sql("INSERT INTO accounts (email, display_name, password_hash, role, enabled) "
				+ "SELECT ?, 'Session Holder', password_hash, 'ADMIN', true FROM accounts WHERE email = ?")
			.params(email, AccountTestSupport.ADMIN).update();
		return email;
	}

	/** A browser of its own, signed in as the account. */
	private HttpClient signedIn(String email) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> signIn = browser.send(post("/login", "username=" + enc(email) + "&password="
				+ enc(AccountTestSupport.PASSWORD) + "&_csrf=" + enc(AccountTestSupport.csrfToken(loginPage))), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(status(browser, "/account")).isEqualTo(200);
		return browser;
	}

	private int status(HttpClient browser, String path) throws Exception {
		return browser.send(get(path), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private HttpResponse<String> postFromAccountPage(HttpClient browser, String path, String form) throws Exception {
		String page = browser.send(get("/account"), HttpResponse.BodyHandlers.ofString()).body();
		return browser.send(post(path, form + "&_csrf=" + enc(AccountTestSupport.csrfToken(page))), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void changingThePasswordEndsTheAccountsOtherSessionsButNotTheOneThatChangedIt() throws Exception {
		String email = holder("password.changer");
		HttpClient here = signedIn(email);
		HttpClient elsewhere = signedIn(email);
		HttpResponse<String> changed = postFromAccountPage(here, "/account/password", "current="
				+ enc(AccountTestSupport.PASSWORD) + "&password=" + enc("a brand new passphrase 2026") + "&confirmation="
				+ enc("a brand new passphrase 2026"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(status(here, "/account")).isEqualTo(200);
		assertThat(status(elsewhere, "/account")).as("the other session is signed out").isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPasswordResetEndsEverySessionAndEveryOlderResetLink() throws Exception {
		String email = holder("password.resetter");
		HttpClient stolen = signedIn(email);
		String older = AccountTestSupport.newResetPath(this.context, email);
		String link = AccountTestSupport.newResetPath(this.context, email);
		HttpClient owner = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String form = owner.send(get(link), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> reset = owner.send(post(link, "password=" + enc("a brand new passphrase 2026")
				+ "&confirmation=" + enc("a brand new passphrase 2026") + "&_csrf=" + enc(AccountTestSupport.csrfToken(form))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(status(stolen, "/account")).as("the session opened before the reset").isEqualTo(302);
		assertThat(owner.send(get(older), HttpResponse.BodyHandlers.ofString()).body())
			.as("an older reset link").doesNotContain("name=\"confirmation\"");
	}

	@Test
	void erasingTheAccountEndsItsOtherSessionsBeforeAnythingElseCanWriteAsIt() throws Exception {
		String email = holder("eraser");
		HttpClient here = signedIn(email);
		HttpClient elsewhere = signedIn(email);
		HttpResponse<String> erased = postFromAccountPage(here, "/account/erase", "confirm=yes");
		assertThat(erased.statusCode()).isEqualTo(302);
		assertThat(status(elsewhere, "/account")).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(email)
			.query(Long.class).single()).isZero();
	}

	private String sessionCookie(HttpClient browser) {
		return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html").build();
	}

	private HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}
}
