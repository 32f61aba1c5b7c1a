package org.citybridge.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links in mails and files are made from the configured public address, whatever host a request
 * names: a password reset asked for with {@code Host: evil.example} (or {@code X-Forwarded-Host})
 * mails a link to the portal, not to that host. Requests are sent over a plain socket, as an
 * attacker sends them (Java's HTTP client will not send a Host header of one's choosing).
 */
@IntegrationTest
class PublicUrlIT {

	static final String EVIL = "evil.example";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPasswordResetMailLinksToThePortalWhateverHostTheRequestNamed() throws Exception {
		AccountTestSupport.loadDemoData(this.context);
		this.jdbc.sql("DELETE FROM rate_limits WHERE limit_key LIKE 'password-reset:%'").update();
		long before = this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ?").param(AccountTestSupport.OFFICER_GHENT)
			.query(Long.class).single();
		String form = send("GET /password-reset HTTP/1.1\r\nConnection: close\r\nHost: " + EVIL + "\r\n\r\n");
		String cookie = RawHttp.match(form, "(?i)Set-Cookie: (SESSION=[^;]+)");
		String token = AccountTestSupport.csrfToken(form);
		String body = "email=" + URLEncoder.encode(AccountTestSupport.OFFICER_GHENT, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		String answer = send("POST /password-reset HTTP/1.1\r\nConnection: close\r\nHost: " + EVIL + "\r\nX-Forwarded-Host: " + EVIL
				+ "\r\nX-Forwarded-Proto: https\r\nForwarded: host=" + EVIL + "\r\nCookie: " + cookie
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(answer).doesNotContain(EVIL);
		AccountTestSupport.awaitMail(this.context, AccountTestSupport.OFFICER_GHENT, before);
		String mail = this.jdbc.sql("SELECT body FROM outbox_messages WHERE recipient = ? ORDER BY id DESC LIMIT 1")
			.param(AccountTestSupport.OFFICER_GHENT)
			.query(String.class)
			.single();
		assertThat(mail).contains("http://citybridge.test/password-reset/").doesNotContain(EVIL);
	}

	@Test
	void feedsAndOpenDataLinkToThePortalToo() throws Exception {
		for (String path : new String[] { "/funding/deadlines.ics", "/agreements.atom", "/agreements.json" }) {
			String answer = send("GET " + path + " HTTP/1.1\r\nConnection: close\r\nHost: " + EVIL + "\r\nX-Forwarded-Host: " + EVIL + "\r\n\r\n");
			assertThat(answer).as(path).startsWith("HTTP/1.1 200").doesNotContain(EVIL);
		}
		assertThat(send("GET /agreements.atom HTTP/1.1\r\nConnection: close\r\nHost: " + EVIL + "\r\n\r\n")).contains("http://citybridge.test/");
	}

	private String send(String request) throws IOException {
		return RawHttp.send(this.port, request);
	}
}
