package org.citybridge.browser;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.event.EventDemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.browser.Journeys.follow;
import static org.citybridge.browser.Journeys.path;

/**
 * Issue 19, the delegate's journey, on a phone, in English and in Mongolian: a person with no
 * account finds the upcoming forum, goes from its registration to creating an account, follows
 * the link the portal mailed (read from the outbox, as no mail server runs here), comes back to the
 * event signed in, registers, and finds the registration on their home page. Every step is a click
 * or a form, from the list of events on.
 */
@BrowserTest
class DelegateJourneyBrowserIT {

	private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+(/signup/confirm/[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	BrowserSite site;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.context.getBean(EventDemoData.class).load();
		this.site = new BrowserSite(this.port, this.context);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void fromTheEventToAnAccountAndBackToRegister(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String email = "delegate." + language + "." + System.nanoTime() + "@example.org";
		String event = "/events/" + EventDemoData.UPCOMING_SLUG;
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			page.navigate(this.site.url("/events"));
			follow(page, "main a[href='" + event + "']");
			assertThat(page.locator("#registration").innerText()).contains(text(locale, "event.registration.signUp"));

			// From the event's registration to the sign-up form, which keeps where to return.
			follow(page, "#registration a[href^='/signup']");
			assertThat(path(page)).isEqualTo("/signup");
			page.fill("#email", email);
			page.fill("#displayName", "Oyuna Delegate");
			page.fill("#password", "a long delegate passphrase");
			page.fill("#confirmation", "a long delegate passphrase");
			follow(page, "main form button[type=submit]");
			assertThat(page.locator("h1").innerText()).isEqualTo(text(locale, "account.signup.sent.title"));
			assertThat(this.jdbc.sql("SELECT enabled FROM accounts WHERE lower(email) = lower(?)").param(email)
				.query(Boolean.class).single()).as("unusable until the link is followed").isFalse();

			// The mail, in the page's language, carries the single-use link.
			String body = this.jdbc.sql("SELECT subject || ' ' || body FROM outbox_messages WHERE recipient = ? ORDER BY id DESC LIMIT 1")
				.param(email).query(String.class).single();
			Matcher link = CONFIRM_LINK.matcher(body);
			assertThat(link.find()).as("a confirmation link in %s", body).isTrue();
			page.navigate(this.site.url(link.group(1)));
			page.fill("#password", "a long delegate passphrase");
			follow(page, "main form button[type=submit]");

			// Back on the event, signed in: register.
			assertThat(URI.create(page.url()).getPath()).isEqualTo(event);
			assertThat(page.locator(".sign-out").count()).isOne();
			follow(page, "#registration form button[type=submit]");
			assertThat(page.locator("#registration").innerText()).contains(text(locale, "event.registration.youConfirmed"));

			// The home page lists the registration, with its seat confirmed.
			follow(page, "header a[href='/home']");
			// The event's title in the reader's language where the demo data gives one (issue 20).
			String title = switch (language) {
				case "mn" -> "Европ–Монголын хотуудын түншлэлийн дараагийн форум (туршилтын)";
				case "fr" -> "Forum de suivi sur les partenariats entre villes européennes et mongoles (démo)";
				default -> "Follow-up forum on European–Mongolian city partnerships (demo)";
			};
			assertThat(page.locator("main").innerText()).contains(title,
					text(locale, "myhome.delegate.confirmed"));
			assertThat(page.locator("main a[href='" + event + "']").count()).isPositive();

			// The link works once.
			page.navigate(this.site.url(link.group(1)));
			assertThat(page.locator("main").innerText()).contains(text(locale, "account.signup.confirm.invalid"));
		}
	}

	private String text(Locale locale, String key) {
		return this.messages.getMessage(key, null, locale);
	}
}
