package org.citybridge.browser;

import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.FundingDemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.browser.Journeys.follow;
import static org.citybridge.browser.Journeys.path;

/**
 * Journey 1 of issue 18, on a phone, in English and in Mongolian: Darkhan's officer finds Ghent
 * among the partner suggestions, reads why, sends a request (the suggestion's themes ticked, an
 * instrument chosen among the pair's); Ghent's officer reads it (the header's count goes down on
 * the page itself) and accepts it; a draft agreement exists at once, linked from the request, and
 * names the request as its origin; CEMR's staff complete and verify it; no second draft is
 * offered. Every step is a click or a form, from the sign-in page on.
 */
@BrowserTest
class RequestJourneyBrowserIT {

	static final String CITY_PARTNERSHIP_FUND = "example-city-partnership-fund";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	BrowserSite site;

	long darkhan;

	long ghent;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.context.getBean(FundingDemoData.class).load();
		this.site = new BrowserSite(this.port, this.context);
		this.darkhan = this.site.municipalityId(DARKHAN);
		this.ghent = this.site.municipalityId(GHENT);
		// Each language walks the journey from the start: no request or agreement of the pair yet.
		this.jdbc.sql("""
				DELETE FROM partnership_requests WHERE least(from_municipality_id, to_municipality_id) = ?
				  AND greatest(from_municipality_id, to_municipality_id) = ?
				""").params(Math.min(this.darkhan, this.ghent), Math.max(this.darkhan, this.ghent)).update();
		this.jdbc.sql("DELETE FROM agreements WHERE party_key = ?")
			.param(new Long[] { Math.min(this.darkhan, this.ghent), Math.max(this.darkhan, this.ghent) })
			.update();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void fromASuggestionToAVerifiedDraftAgreement(String language) {
		Locale locale = Locale.forLanguageTag(language);
		// Places are named in the reader's script: Cyrillic first on Mongolian pages.
		boolean mn = language.equals("mn");
		String ghent = mn ? "Гент" : "Ghent";
		String pair = mn ? "Дархан – Гент" : "Darkhan – Ghent";
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();

			// Darkhan's officer: requests → find partners → Ghent, and why.
			Journeys.signIn(page, this.site, AccountTestSupport.OFFICER_DARKHAN, false);
			follow(page, ".account-nav a[href='/requests']");
			follow(page, "main a[href='/municipalities/" + this.darkhan + "/partners']");
			Locator ghentCard = suggestion(page, ghent);
			// The instrument in the page's language, and so kept as the funding the draft agreement used.
			String fund = "mn".equals(language) ? "Хотуудын түншлэлийн сан (жишээ)" : "City Partnership Fund (example)";
			String reasons = ghentCard.locator("ul.reasons").innerText();
			assertThat(reasons).contains(text(locale, "theme.SMART_CITY"))
				.contains(fund)
				.doesNotContain("EX-CPF", "EX-TEF");
			follow(page, "main a[href='/partners/how']");
			assertThat(page.locator("main").innerText()).contains(text(locale, "matchmaking.how.minor"));
			back(page);

			// The request form, its themes ticked from the suggestion; an instrument chosen among the pair's.
			follow(page, suggestionSelector(ghent) + " a[href*='/requests/new']");
			assertThat(page.url()).contains("themes=SMART_CITY");
			assertThat(page.isChecked("input[name=themes][value=SMART_CITY]")).isTrue();
			assertThat(page.isChecked("input[name=themes][value=HEALTH]")).isFalse();
			assertThat(page.locator("main fieldset:has(input[name=proposedInstrument])").innerText())
				.contains(fund, text(locale, "matchmaking.request.instrument.none"))
				.doesNotContain("Civic Society Grant");
			page.check("input[name=proposedInstrument][value='" + CITY_PARTNERSHIP_FUND + "']");
			page.fill("#message", "Darkhan would like to learn from Ghent's smart-city services.");
			follow(page, "main form button[type=submit]");
			assertThat(page.locator(".flash").innerText()).isEqualTo(text(locale, "matchmaking.flash.sent"));
			String requestPath = path(page);
			assertThat(page.locator("main").innerText()).contains(fund);
			Journeys.signOut(page);

			// Ghent's officer: one unread request, in the header and on the page, until marked read.
			// (Other tests of the run may have left Ghent other unread requests: the count is relative.)
			Journeys.signIn(page, this.site, AccountTestSupport.OFFICER_GHENT, true);
			int unread = unread(page);
			assertThat(unread).isPositive();
			follow(page, ".account-nav a[href='/requests']");
			follow(page, "main table a[href='" + requestPath + "']");
			assertThat(unread(page)).isEqualTo(unread);
			follow(page, "main form[action$='/read'] button");
			assertThat(unread(page)).as("the header's count on the request page, once read").isEqualTo(unread - 1);
			assertThat(page.locator("main form[action$='/read']").count()).isZero();

			// Accepting opens the draft agreement at once; the request links to it, and to no form.
			follow(page, "main form[action$='/accept'] button");
			assertThat(page.locator(".flash").innerText()).isEqualTo(text(locale, "matchmaking.flash.accepted"));
			assertThat(unread(page)).isEqualTo(unread - 1);
			Locator agreementLink = page.locator("section[aria-labelledby=agreement-heading] a");
			assertThat(agreementLink.innerText()).contains(pair);
			assertThat(page.locator("main a[href^='/agreements/new']").count()).isZero();
			follow(page, "section[aria-labelledby=agreement-heading] a");
			String agreementPath = path(page);
			assertThat(page.locator("h1").innerText()).isEqualTo(pair);
			String agreement = page.locator("main").innerText();
			assertThat(agreement).contains(text(locale, "agreement.status.DRAFT"), text(locale, "agreement.unverified"),
					text(locale, "theme.SMART_CITY"), fund);
			assertThat(page.locator("section[aria-labelledby=origin-heading] a[href='" + requestPath + "']").count())
				.isOne();
			Journeys.signOut(page);

			// CEMR's staff (Ghent is a member) find it among the unverified, complete and verify it.
			Journeys.signIn(page, this.site, AccountTestSupport.STAFF_CEMR, true);
			follow(page, "header a[href='/agreements']");
			follow(page, "main a[href='/agreements/unverified']");
			follow(page, Journeys.itemLabelled(page, pair).locator("a[href='" + agreementPath + "']"));
			assertThat(page.locator("section[aria-labelledby=origin-heading] a[href='" + requestPath + "']").count())
				.isOne();
			follow(page, "main a[href='" + agreementPath + "/edit']");
			assertThat(page.inputValue("#title")).isEqualTo("Darkhan – Ghent");
			assertThat(page.inputValue("#fundingUsed")).isEqualTo(fund);
			page.fill("#notes", "Both councils approve the draft in March.");
			follow(page, "main form button[name=action][value=save]");
			follow(page, "main form[action$='/verify'] button");
			assertThat(page.locator("main").innerText()).contains(text(locale, "agreement.verified"),
					"Both councils approve the draft in March.");

			// The request still leads to this agreement, and offers no second draft.
			follow(page, "section[aria-labelledby=origin-heading] a[href='" + requestPath + "']");
			assertThat(page.locator("section[aria-labelledby=agreement-heading] a[href='" + agreementPath + "']").count())
				.isOne();
			assertThat(page.locator("main a[href^='/agreements/new'], main form[action$='/accept']").count()).isZero();
			assertThat(this.jdbc.sql("SELECT count(*) FROM agreements WHERE party_key = ?")
				.param(new Long[] { Math.min(this.darkhan, this.ghent), Math.max(this.darkhan, this.ghent) })
				.query(Long.class).single()).isOne();
		}
	}

	/** The header's count of unread requests, 0 when it shows none. */
	private static int unread(Page page) {
		Locator badge = page.locator(".account-nav a[href='/requests'] .badge.count");
		return badge.count() == 0 ? 0 : Integer.parseInt(badge.innerText().strip());
	}

	private static String suggestionSelector(String name) {
		return "ol.suggestions > li:has(h2 a:text-is('" + name + "'))";
	}

	/** The municipality's suggestion, going through the pages of suggestions as a reader would. */
	private static Locator suggestion(Page page, String name) {
		for (int pages = 0; pages < 10; pages++) {
			Locator card = page.locator(suggestionSelector(name));
			if (card.count() == 1) {
				return card;
			}
			follow(page, "main a[rel=next]");
		}
		throw new AssertionError(name + " is not among the suggestions");
	}

	private String text(Locale locale, String key) {
		return this.messages.getMessage(key, null, locale);
	}

	private static void back(Page page) {
		page.goBack();
		page.waitForLoadState();
	}
}
