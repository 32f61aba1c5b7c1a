package org.citybridge.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.net.URI;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, finding 10: while the database was out of reach, anonymous pages hung 30 s and
 * signed-in pages 60 s, then showed Tomcat's bare "HTTP Status 500" without the security headers,
 * and health took 30 s to say DOWN. Here the portal reaches PostgreSQL through a relay the test
 * cuts (in a context of its own); requests go over a plain socket, as a browser's do.
 */
@IntegrationTest
@TestPropertySource(properties = "citybridge.test.outage=relay")
class OutageIT {

	static TcpProxy relay;

	/** The portal's database connection, through the relay. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Relay {

		@Bean
		static BeanPostProcessor throughTheRelay() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof JdbcConnectionDetails details)) {
						return bean;
					}
					try {
						URI uri = URI.create(details.getJdbcUrl().substring("jdbc:".length()));
						relay = new TcpProxy(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort());
						String url = "jdbc:postgresql://127.0.0.1:" + relay.port() + uri.getRawPath()
								+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
						return new JdbcConnectionDetails() {
							@Override
							public String getUsername() {
								return details.getUsername();
							}

							@Override
							public String getPassword() {
								return details.getPassword();
							}

							@Override
							public String getJdbcUrl() {
								return url;
							}
						};
					}
					catch (java.io.IOException ex) {
						throw new IllegalStateException(ex);
					}
				}
			};
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void withTheDatabaseOutOfReachEveryPageSaysSoWithinSecondsInThePortalsOwnPageAndHeaders() throws Exception {
		AccountTestSupport.loadDemoData(this.context);
		String session = signIn();
		relay.cut();
		try {
			for (String[] request : new String[][] { { "/", null }, { "/municipalities?q=darkhan", null },
					{ "/account", session }, { "/", session } }) {
				long start = System.nanoTime();
				String answer = get(request[0], request[1], "fr");
				long millis = (System.nanoTime() - start) / 1_000_000;
				assertThat(answer).as(request[0] + (request[1] == null ? "" : " signed in"))
					.startsWith("HTTP/1.1 503").contains("Retry-After: 60")
					.contains("Content-Security-Policy: default-src 'self'")
					.contains("Le portail ne parvient pas à joindre sa base de données")
					.doesNotContain("HTTP Status 500").doesNotContain("Exception");
				assertThat(millis).as("time to answer " + request[0]).isLessThan(5_000);
			}
			long start = System.nanoTime();
			assertThat(get("/actuator/health", null, "en")).startsWith("HTTP/1.1 503").contains("\"status\":\"DOWN\"");
			assertThat((System.nanoTime() - start) / 1_000_000).as("health").isLessThan(2_000);
		}
		finally {
			relay.restore();
		}
		// Back as soon as the database is: the pool reconnects on the next request.
		String back = get("/", session, "en");
		for (int i = 0; i < 20 && !back.startsWith("HTTP/1.1 200"); i++) {
			Thread.sleep(250);
			back = get("/", session, "en");
		}
		assertThat(back).startsWith("HTTP/1.1 200").contains("Sign out");
	}

	@Test
	void requestsTomcatRefusesItselfGetThePortalsPageAndHeadersInTheVisitorsLanguage() throws Exception {
		for (String path : new String[] { "/%", "/a%00b" }) {
			String answer = RawHttp.send(this.port,
					"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: mn\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("Content-Security-Policy: default-src 'self'")
				.contains("X-Content-Type-Options: nosniff").contains("X-Frame-Options: DENY").contains("<html lang=\"mn\">")
				.doesNotContain("HTTP Status 400").doesNotContain("Apache Tomcat");
		}
		String tooLarge = RawHttp.send(this.port, "GET /privacy HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(tooLarge).startsWith("HTTP/1.1 400").contains("The request could not be understood")
			.contains("Content-Security-Policy: default-src 'self'");
		// A bar typed into the address bar is no longer refused by Tomcat.
		assertThat(RawHttp.send(this.port, "GET /municipalities?q=a|b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 200");
	}

	private String signIn() throws Exception {
		String form = RawHttp.send(this.port, "GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		String cookie = RawHttp.match(form, "(?i)Set-Cookie: (SESSION=[^;]+)");
		String body = "username=" + URLEncoder.encode(AccountTestSupport.ADMIN, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(AccountTestSupport.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(AccountTestSupport.csrfToken(form), StandardCharsets.UTF_8);
		String answer = RawHttp.send(this.port, "POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: " + cookie
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
		assertThat(answer).startsWith("HTTP/1.1 302");
		String session = RawHttp.match(answer, "(?i)Set-Cookie: (SESSION=[^;]+)");
		assertThat(get("/account", session, "en")).startsWith("HTTP/1.1 200");
		return session;
	}

	private String get(String path, String session, String language) throws Exception {
		return RawHttp.send(this.port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: " + language
				+ "\r\nConnection: close\r\n" + (session == null ? "" : "Cookie: " + session + "\r\n") + "\r\n");
	}
}
