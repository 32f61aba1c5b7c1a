package org.citybridge.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.browser.Journeys.follow;

/**
 * The journeys of visitors without an account, walked on a phone in English and Mongolian: a
 * journalist from the home page through the register, its map, its statistics, its downloads and
 * the open-data page, each one step from the others; a delegate choosing three sessions on the
 * agenda without leaving it (with JavaScript in place, without it one request each, back at the
 * session), then taking them to a calendar; and a visitor who signs in to register for an event
 * and comes back to it, then signs out and is told so.
 */
@BrowserTest
class PublicJourneysBrowserIT {

	/** Where the page's own content starts on a phone, below the header and the demo banner. */
	static final String CONTENT_TOP = "() => Math.round(document.querySelector('main').getBoundingClientRect().top + window.scrollY)";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	BrowserSite site;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.context.getBean(org.citybridge.event.EventDemoData.class).load();
		this.context.getBean(org.citybridge.agreement.AgreementDemoData.class).load();
		this.site = new BrowserSite(this.port, this.context);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn", "fr" })
	void fromTheHomePageThroughTheRegisterItsMapStatisticsDownloadsAndOpenData(String language) {
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			page.navigate(this.site.url("/"));
			assertThat(((Number) page.evaluate(CONTENT_TOP)).intValue()).as("header and demo banner on a phone")
				.isLessThan(250);

			page.click("main nav.views-nav a[href='/agreements']");
			page.waitForURL("**/agreements");
			assertThat(page.locator("main nav.views-nav a[aria-current=page]").getAttribute("href")).isEqualTo("/agreements");
			// Stacked on a phone, each cell still says which column it is.
			Object labels = page.evaluate("""
					() => [...document.querySelectorAll('table.results tbody tr:first-child td:not(:first-child)')]
					  .map(td => getComputedStyle(td, '::before').content)
					""");
			assertThat((List<?>) labels).hasSize(4).allSatisfy(label -> assertThat(String.valueOf(label)).isNotIn("none", "", "normal"));

			page.click("main nav.views-nav a[href^='/agreements/map']");
			page.waitForURL("**/agreements/map");
			assertThat(page.locator("main svg").count()).isPositive();

			page.click("main nav.views-nav a[href^='/agreements/stats']");
			page.waitForURL("**/agreements/stats");
			assertThat(page.locator("main h2").count()).isGreaterThanOrEqualTo(4);

			Download csv = page.waitForDownload(() -> page.click("main nav.views-nav a[href^='/agreements.csv']"));
			assertThat(csv.suggestedFilename()).isEqualTo("agreements.csv");
			Download geojson = page.waitForDownload(() -> page.click("main nav.views-nav a[href^='/agreements.geojson']"));
			assertThat(geojson.suggestedFilename()).isEqualTo("agreements.geojson");

			page.click("main nav.views-nav a[href='/open-data']");
			page.waitForURL("**/open-data");
			assertThat(page.locator("main nav.views-nav a[aria-current=page]").getAttribute("href")).isEqualTo("/open-data");
			page.click("main nav.views-nav a[href='/agreements']");
			page.waitForURL("**/agreements");

			// The footer of every page leads to the map, the statistics and the open data too.
			assertThat(page.locator("footer a[href='/agreements/map']").count()).isEqualTo(1);
			assertThat(page.locator("footer a[href='/open-data']").count()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void appliedFiltersFoldIntoASummaryThatSaysHowManyAreChosen(String language) {
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			page.navigate(this.site.url("/agreements"));
			page.click("main details.filters summary");
			page.fill("#country-find", "mn".equals(language) ? "Монгол" : "Mongol");
			assertThat(page.locator("#country label:visible").count()).as("the list narrowed as one types").isBetween(1, 3);
			page.check("#country input[value=MN]");
			page.click("main details.filters button[type=submit]");
			page.waitForURL(url -> url.contains("/agreements?") && url.contains("country=MN"));
			assertThat(page.locator("main details.filters").getAttribute("open")).as("filters folded once applied").isNull();
			assertThat(page.textContent("main details.filters summary")).contains("1");
			assertThat(page.locator("#country input[value=MN]").isChecked()).isTrue();
			assertThat(page.locator("table.results tbody tr").count()).isPositive();

			// No result: the filters stay open, to change them.
			page.navigate(this.site.url("/agreements?country=MN&from=2999"));
			assertThat(page.locator("main details.filters").getAttribute("open")).isNotNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void aDelegateAddsThreeSessionsWithoutLeavingTheAgendaThenTakesThemToACalendar(String language) {
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			page.navigate(this.site.url(PageCatalog.AGENDA + "?tz=event"));
			// The filters are folded: from them, the first "Add to my agenda" is a few Tab presses away.
			page.focus("main details.filters summary");
			int presses = 0;
			while (!String.valueOf(page.evaluate("() => document.activeElement.id")).startsWith("choose-") && presses < 40) {
				page.keyboard().press("Tab");
				presses++;
			}
			assertThat(presses).as("Tab presses from the filters to the first Add").isLessThanOrEqualTo(15);
			List<Request> navigations = new ArrayList<>();
			List<Request> requests = new ArrayList<>();
			page.onRequest(r -> {
				if (r.isNavigationRequest()) {
					navigations.add(r);
				}
				else if (r.url().contains("/agenda?")) {
					requests.add(r);
				}
			});
			List<String> chosen = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String id = page.locator("main a[id^=choose-]").first().getAttribute("id");
				page.waitForResponse(r -> r.url().contains("/agenda?") && r.status() == 200, () -> page.click("#" + id));
				// The clicked link has that id too: wait for its replacement (a span) to hold the focus.
				page.waitForFunction(
						"id => document.activeElement && document.activeElement.id === id && document.activeElement.tagName === 'SPAN'",
						id);
				assertThat(page.locator("span#" + id).count()).as("%s is now in the list", id).isEqualTo(1);
				chosen.add(id.substring("choose-".length()));
			}
			assertThat(navigations).as("no page load while choosing").isEmpty();
			assertThat(requests).as("one request per session").hasSize(3);
			assertThat(page.url()).contains("s=" + String.join(",", chosen));

			page.waitForResponse(r -> r.request().isNavigationRequest(), () -> page.click("main .agenda-links a[href*='/my?s=']"));
			assertThat(page.locator("main li.session, main .session").count()).isGreaterThanOrEqualTo(3);
			Download calendar = page.waitForDownload(() -> page.click("main a[href*='/my.ics?s=']"));
			assertThat(calendar.suggestedFilename()).endsWith(".ics");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void withoutJavaScriptEachAddIsOneRequestBackAtTheSession(String language) {
		try (BrowserContext browser = Chromium.context(language, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT, false)) {
			Page page = browser.newPage();
			page.navigate(this.site.url(PageCatalog.AGENDA + "?tz=event"));
			for (int i = 0; i < 3; i++) {
				String id = page.locator("main a[id^=choose-]").nth(1).getAttribute("id");
				String session = id.substring("choose-".length());
				follow(page, "#" + id);
				assertThat(page.url()).contains("/agenda?").contains("#session-" + session);
				assertThat(page.locator("span#" + id).count()).isEqualTo(1);
				Object top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", "session-" + session);
				assertThat(((Number) top).doubleValue()).as("back at the session, not at the top").isBetween(-5.0,
						(double) Chromium.PHONE_HEIGHT);
			}
			assertThat(page.textContent("main .agenda-links")).contains("(3)");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void signingInToRegisterComesBackToTheEventAndSigningOutSaysSo(String language) {
		String slug = "journey-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name, registration_open)
				VALUES (?, 'Journey forum', 'FORUM', (SELECT id FROM organisations WHERE short_name = 'NALAS'),
				        current_date + 30, current_date + 31, 'Europe/Brussels', 'Hall', true)
				""").param(slug).update();
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			page.navigate(this.site.url("/events/" + slug));
			page.click("#registration a[href^='/login']");
			page.waitForURL("**/login?next=**");
			page.fill("#username", AccountTestSupport.OFFICER_DARKHAN);
			page.fill("#password", AccountTestSupport.PASSWORD);
			follow(page, "main form button[type=submit]");
			assertThat(page.url()).isEqualTo(this.site.url("/events/" + slug));
			assertThat(page.locator("#registration form button[type=submit]").count()).as("now the register button").isEqualTo(1);

			follow(page, "header form.sign-out button");
			assertThat(page.locator("main p.flash[role=status]").count()).as("told they are signed out").isEqualTo(1);
			assertThat(page.locator("header a[href='/login']").count()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example/", "https://evil.example/", "/\\evil.example" })
	void signingInNeverSendsTheVisitorToAnotherSite(String next) {
		try (BrowserContext browser = Chromium.desktop("en")) {
			Page page = browser.newPage();
			page.navigate(this.site.url("/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
			page.fill("#username", AccountTestSupport.OFFICER_DARKHAN);
			page.fill("#password", AccountTestSupport.PASSWORD);
			follow(page, "main form button[type=submit]");
			assertThat(page.url()).startsWith(this.site.url("/"));
		}
	}
}
