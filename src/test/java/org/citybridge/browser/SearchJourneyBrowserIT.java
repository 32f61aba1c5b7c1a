package org.citybridge.browser;

import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.matchmaking.PartnerSearchDemoData;
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
 * The partner searches' journey of issue 24, in English and in Mongolian: Darkhan's officer finds
 * Ghent's demonstration search (a CERV Networks of Towns application on energy) among the searches
 * that fit Darkhan on their home, reads why, expresses interest; Ghent's officer finds it waiting,
 * accepts; the search's page then checks the group of Ghent and Darkhan against the instrument's
 * group rules and says what is missing, Darkhan not counting toward the eligible countries.
 */
@BrowserTest
class SearchJourneyBrowserIT {

	static final String TITLE = "Local energy communities: a network of towns (demonstration)";

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
		this.context.getBean(FundingDemoData.class).load();
		this.context.getBean(PartnerSearchDemoData.class).load();
		this.site = new BrowserSite(this.port, this.context);
		// Each language walks the journey from the start: nobody has expressed interest yet.
		this.jdbc.sql("DELETE FROM partner_search_interests WHERE search_id IN (SELECT id FROM partner_searches WHERE title = ?)")
			.param(TITLE).update();
	}

	/** The journey leaves no interest behind: the page gate shows the search's form of interest to Darkhan. */
	@org.junit.jupiter.api.AfterEach
	void noInterestLeft() {
		this.jdbc.sql("DELETE FROM partner_search_interests WHERE search_id IN (SELECT id FROM partner_searches WHERE title = ?)")
			.param(TITLE).update();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void darkhanFindsGhentsSearchIsAcceptedAndTheGroupCheckSaysWhatIsMissing(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String darkhan = "mn".equals(language) ? "Дархан" : "Darkhan";
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();

			// Darkhan's officer: home → the searches that fit → Ghent's, with why.
			Journeys.signIn(page, this.site, AccountTestSupport.OFFICER_DARKHAN, false);
			follow(page, ".account-nav a[href='/home']");
			String fits = page.locator("section[aria-labelledby=search-fits-heading]").innerText();
			assertThat(fits).contains(TITLE, text(locale, "search.fit.offers", text(locale, "theme.EDUCATION_YOUTH")));
			follow(page, "section[aria-labelledby=search-fits-heading] a:has-text('Local energy communities')");
			String searchPath = path(page);
			assertThat(page.locator("h1").innerText()).isEqualTo(TITLE);
			page.fill("#message", "Darkhan brings its schools' experience of saving energy.");
			follow(page, "form[action$='/interests'] button[type=submit]");
			assertThat(page.locator(".flash").innerText()).isEqualTo(text(locale, "search.flash.interested"));
			assertThat(page.locator("main").innerText()).contains(text(locale, "search.own.PENDING"));
			Journeys.signOut(page);

			// Ghent's officer: the search, Darkhan's interest waiting; accepts it.
			Journeys.signIn(page, this.site, AccountTestSupport.OFFICER_GHENT, true);
			page.navigate(this.site.url("/partner-searches"));
			follow(page, "main a[href='" + searchPath + "']");
			assertThat(page.locator("section[aria-labelledby=pending-heading]").innerText()).contains(darkhan);
			follow(page, "section[aria-labelledby=pending-heading] form[action$='/accept'] button");
			assertThat(page.locator(".flash").innerText()).isEqualTo(text(locale, "search.flash.accepted"));

			// The group, Ghent and Darkhan, against CERV Networks of Towns: what is still missing, in words.
			String check = page.locator("section.group-check").innerText();
			assertThat(check).contains(
					text(locale, "funding.consortium.minEligibleCountries.failed", 4, 1, 3),
					text(locale, "funding.consortium.minFromGroup.failed", 2, 1, 1, text(locale, "funding.group.phrase.EU_MEMBER")),
					text(locale, "funding.consortium.notCounted", darkhan, 1));
			assertThat(page.locator("section[aria-labelledby=group-heading]").innerText()).contains(darkhan);
			Journeys.signOut(page);

			// The public sees how many, not who.
			page.navigate(this.site.url(searchPath));
			assertThat(page.locator("section[aria-labelledby=group-heading]").innerText()).doesNotContain(darkhan)
				.contains(text(locale, "search.group.hidden"));
		}
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args.length == 0 ? null : args, locale);
	}
}
