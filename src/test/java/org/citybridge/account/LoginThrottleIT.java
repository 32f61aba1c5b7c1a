package org.citybridge.account;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.signin.LoginThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Issue 19: the sign-in throttle counted failures per address, so five wrong passwords for
 * {@code nobody@example.org} from a city hall's one NAT address refused every colleague's correct
 * sign-in for 15 minutes, without saying until when. Now it is per account, with pauses that grow,
 * and per address only at a far higher limit, on the address the container resolved.
 */
class LoginThrottleIT extends DemoDataIntegrationTest {

	@LocalServerPort
	int port;

	@BeforeEach
	void forgetEarlierFailures() {
		this.jdbc.sql("DELETE FROM login_throttle").update();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MvcTestResult signIn(String address, String email, String password) {
		return this.mvc.post().uri("/login").with(csrf()).with(from(address)).param("username", email)
			.param("password", password).exchange();
	}

	private Instant pausedUntil(String key) {
		return this.jdbc.sql("SELECT blocked_until FROM login_throttle WHERE throttle_key = ?")
			.param(key)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(null);
	}

	@Test
	void fiveFailuresOnOneAccountDoNotRefuseAnotherAccountFromTheSameAddress() {
		for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
			signIn("192.0.2.10", "nobody@example.org", "guess " + i);
		}
		assertThat(signIn("192.0.2.10", "nobody@example.org", "guess again").getResponse().getRedirectedUrl())
			.contains("/login?throttled=");

		MvcTestResult colleague = signIn("192.0.2.10", AccountTestSupport.OFFICER_GHENT, AccountTestSupport.PASSWORD);
		assertThat(colleague.getResponse().getRedirectedUrl()).doesNotContain("/login");
	}

	@Test
	void eachFurtherFailureOnAnAccountPausesItLongerAndThePageSaysUntilWhen() {
		String email = "paused.account@example.org";
		for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
			signIn("192.0.2.20", email, "guess " + i);
		}
		Instant first = pausedUntil(LoginThrottle.accountKey(email));
		assertThat(first).isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(70));

		// The pause ends; the next failure pauses for twice as long.
		this.jdbc.sql("UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE throttle_key = ?")
			.param(LoginThrottle.accountKey(email))
			.update();
		MvcTestResult again = signIn("192.0.2.20", email, "guess 6");
		Instant second = pausedUntil(LoginThrottle.accountKey(email));
		assertThat(second).isBetween(Instant.now().plusSeconds(110), Instant.now().plusSeconds(130));

		String page = again.getResponse().getRedirectedUrl();
		assertThat(page).isEqualTo("/login?throttled=" + second.getEpochSecond());
		String shown = org.citybridge.system.Moments.dateTime(second, java.time.ZoneOffset.UTC, java.util.Locale.ENGLISH);
		assertThat(this.mvc.get().uri(page)).hasStatusOk().bodyText().contains(shown).contains("Forgot your password?");
		assertThat(this.mvc.get().uri(page).cookie(new jakarta.servlet.http.Cookie("citybridge_tz", "Asia/Ulaanbaatar")))
			.bodyText()
			.contains("Asia/Ulaanbaatar");
		assertThat(this.mvc.get().uri("/login?throttled=not-a-time")).hasStatusOk().bodyText().contains("Too many failed attempts");
	}

	@Test
	void aSuccessForgetsTheAccountsFailures() {
		for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES - 1; i++) {
			signIn("192.0.2.30", AccountTestSupport.OFFICER_GHENT, "guess " + i);
		}
		assertThat(signIn("192.0.2.30", AccountTestSupport.OFFICER_GHENT, AccountTestSupport.PASSWORD).getResponse()
			.getRedirectedUrl()).doesNotContain("/login");
		assertThat(signIn("192.0.2.30", AccountTestSupport.OFFICER_GHENT, "one slip").getResponse().getRedirectedUrl())
			.contains("/login?error");
	}

	@Test
	void aHundredFailuresFromOneAddressPauseThatAddressOnly() {
		for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
			signIn("192.0.2.40", "sprayed" + i + "@example.org", "guess");
		}
		assertThat(signIn("192.0.2.40", AccountTestSupport.OFFICER_GHENT, AccountTestSupport.PASSWORD).getResponse()
			.getRedirectedUrl()).contains("/login?throttled=");
		assertThat(signIn("192.0.2.41", AccountTestSupport.OFFICER_GHENT, AccountTestSupport.PASSWORD).getResponse()
			.getRedirectedUrl()).doesNotContain("/login");
	}

	/**
	 * Through the real servlet container, as a client sends it: with no forward-headers strategy
	 * configured, an X-Forwarded-For header neither hides the sender (the failure counts on the
	 * connection's address) nor blames the address it names.
	 */
	@Test
	void aSpoofedForwardedHeaderChangesNothingWhenNoProxyIsConfigured() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String base = "http://localhost:" + this.port;
		String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String body = "username=" + URLEncoder.encode("spoofer@example.org", StandardCharsets.UTF_8) + "&password=wrong&_csrf="
				+ URLEncoder.encode(AccountTestSupport.csrfToken(form), StandardCharsets.UTF_8);
		HttpResponse<String> failed = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "198.51.100.23")
			.header("Forwarded", "for=198.51.100.23")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/login?error"));

		assertThat(this.jdbc.sql("SELECT throttle_key FROM login_throttle WHERE throttle_key LIKE 'address:%'")
			.query(String.class)
			.list()).hasSize(1).allMatch(key -> key.equals("address:127.0.0.1") || key.equals("address:0:0:0:0:0:0:0:1"));
	}
}
