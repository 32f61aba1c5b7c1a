package org.citybridge.browser;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.browser.Journeys.follow;
import static org.citybridge.browser.Journeys.path;

/**
 * Journey 4 of issue 18, on a phone, in English and in Mongolian: NALAS's staff invite an officer
 * of Šabac, naming it as they know it (part of its name, then picking it among the names that
 * fit); the mail in the outbox says who invites and for which municipality and country, in the
 * page's language; the invitee follows its link, sets a password and signs in as Šabac's officer.
 * Every step is a click or a form; the invitee's first page is the link in the mail.
 */
@BrowserTest
class InvitationJourneyBrowserIT {

	/** GeoNames id of Šabac, Serbia, a member of NALAS in the demo data. */
	static final long SABAC = 3191376L;

	static final String PASSWORD = "a long passphrase for the officer of Šabac";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MessageSource messages;

	BrowserSite site;

	String tag;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.site = new BrowserSite(this.port, this.context);
		this.tag = AccountTestSupport.tag();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void staffInviteAnOfficerOfAMunicipalityTheyNameAndTheInviteeSetsAPasswordFromTheMail(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String email = "officer-" + this.tag + "@sabac.example";
		String name = "Jelena " + this.tag;
		String serbia = new Locale("", "RS").getDisplayCountry(locale);
		long sabac = this.site.municipalityId(SABAC);
		String link;

		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			signIn(page, AccountTestSupport.STAFF_NALAS);
			follow(page, "main a[href='/account/invitations']");
			assertThat(page.textContent("h1")).isEqualTo(text(locale, "account.invite.title"));

			page.fill("#displayName", name);
			page.fill("#email", email);
			page.fill("#municipality", "Saba");
			follow(page, "main form button[type=submit]");
			assertThat(page.textContent("#municipality-error")).isEqualTo(text(locale, "account.invite.municipality.similar", "Saba"));
			assertThat(page.inputValue("#email")).isEqualTo(email);
			// Named in the reader's script: Шабац on Mongolian pages, Šabac else (PlaceNames).
			Locator sabacChoice = page.locator("main fieldset.candidates label")
				.filter(new Locator.FilterOptions().setHasText(Pattern.compile("Šabac|Шабац")));
			assertThat(sabacChoice.innerText()).contains(serbia);
			sabacChoice.locator("input[type=radio]").check();
			follow(page, "main form button[type=submit]");

			assertThat(page.textContent("main [role=status]"))
				.contains(text(locale, "account.invite.sent.officer", name, "Šabac", serbia));
			assertThat(page.locator("#invitation-link").count()).isOne();
		}

		// The mail, as the outbox keeps it: who invites, for which municipality, in the page's language.
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			signIn(page, AccountTestSupport.ADMIN);
			follow(page, "main a[href='/admin/outbox']");
			Locator mail = page.locator("article.outbox-message:has-text('" + email + "')").first();
			assertThat(mail.locator("h2").innerText())
				.isEqualTo(text(locale, "account.mail.invitation.subject.municipality", "Šabac"));
			String body = mail.locator("pre").innerText();
			assertThat(body).contains(AccountTestSupport.STAFF_NALAS, "NALAS",
					text(locale, "account.mail.invitation.officer", "Šabac", serbia));
			Matcher url = Pattern.compile("https?://\\S+/invitations/\\S+").matcher(body);
			assertThat(url.find()).as("the mail carries the invitation link").isTrue();
			link = url.group();
		}

		// The invitee: from the link in the mail to their own account.
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			// The mail's link names the portal's public address; the tests' portal runs on a port of localhost.
			page.navigate(this.site.url(java.net.URI.create(link).getRawPath()));
			page.fill("#password", PASSWORD);
			page.fill("#confirmation", PASSWORD);
			follow(page, "main form button[type=submit]");
			assertThat(path(page)).isEqualTo("/login");
			assertThat(page.textContent(".flash")).isEqualTo(text(locale, "account.invitation.accepted"));
			page.fill("#username", email);
			page.fill("#password", PASSWORD);
			follow(page, "main form button[type=submit]");
			assertThat(path(page)).isEqualTo("/home");
			follow(page, ".account-nav a[href='/account']");
			assertThat(page.textContent("main")).contains(name, text(locale, "account.role.OFFICER"));
			assertThat(page.locator("main a[href='/municipalities/" + sabac + "']").count()).isOne();
		}
	}

	private void signIn(Page page, String email) {
		Journeys.signIn(page, this.site, email, false);
		assertThat(path(page)).isEqualTo("/home");
		follow(page, ".account-nav a[href='/account']");
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}
}
