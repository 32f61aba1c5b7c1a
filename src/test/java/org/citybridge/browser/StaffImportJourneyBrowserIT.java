package org.citybridge.browser;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.municipality.NewMunicipality;
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
 * Journey 3 of issue 18, on a phone, in English and in Mongolian: NALAS's staff sign in, open the
 * partnership import, upload a list of their own (refused until they choose its source, then named
 * and attributed by them), read the report row by row (a matched row, an ambiguous one with its
 * candidates, an unmatched one with its reason), choose the municipality of the ambiguous row in
 * the review, and open the partnership in the register, under the source they chose. Every step
 * is a click or a form, from the home page on.
 */
@BrowserTest
class StaffImportJourneyBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MessageSource messages;

	@Autowired
	MunicipalityRecords records;

	BrowserSite site;

	/** A made-up word per run, so that each language's list names places of its own. */
	String tag;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.site = new BrowserSite(this.port, this.context);
		this.tag = AccountTestSupport.tag();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void staffImportTheirOwnListReadEachRowReviewTheAmbiguousOneAndFindItInTheRegister(String language) {
		Locale locale = Locale.forLanguageTag(language);
		place("Mostovo" + this.tag, "RS", 44.50, 20.50);
		place("Partnerville" + this.tag, "BE", 51.00, 4.00);
		long twin = place("Twinburg" + this.tag, "RS", 45.00, 19.00);
		place("Twinburg" + this.tag, "RS", 45.04, 19.04);
		byte[] csv = ("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
				+ "Mostovo" + this.tag + ",Serbia,44.50,20.50,Partnerville" + this.tag + ",Belgium,51.00,4.00\n"
				+ "Twinburg" + this.tag + ",Serbia,45.02,19.02,Partnerville" + this.tag + ",Belgium,51.00,4.00\n"
				+ "Atlantis" + this.tag + ",Atlantis,0,0,Partnerville" + this.tag + ",Belgium,51.00,4.00\n")
			.getBytes(StandardCharsets.UTF_8);
		FilePayload file = new FilePayload("our-partnerships.csv", "text/csv", csv);
		String sourceName = "NALAS survey " + this.tag;
		String attribution = "Compiled by NALAS staff " + this.tag;

		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			Journeys.signIn(page, this.site, AccountTestSupport.STAFF_NALAS, false);
			assertThat(path(page)).isEqualTo("/home");

			follow(page, "main a[href='/agreements/import']");
			assertThat(page.textContent("h1")).isEqualTo(text(locale, "agreement.imports.title"));
			assertThat(page.locator("input[name=list]:checked").count()).as("no source is chosen for staff").isZero();

			// Without a source the upload comes back, the reason next to the choice.
			page.setInputFiles("#file", file);
			follow(page, "main form button[type=submit]");
			assertThat(page.textContent("#list-error")).isEqualTo(text(locale, "agreement.imports.source.required"));

			page.setInputFiles("#file", file);
			page.check("input[name=list][value=OWN]");
			page.fill("#sourceName", sourceName);
			page.fill("#sourceAttribution", attribution);
			follow(page, "main form button[type=submit]");
			assertThat(path(page)).startsWith("/agreements/imports/");
			// The page follows the run by itself; its report comes once the run ended.
			page.waitForSelector("#rows-heading", new Page.WaitForSelectorOptions().setTimeout(60_000));
			assertThat(page.textContent("#import-progress")).contains(sourceName, attribution);

			Locator matched = page.locator("#line-2");
			assertThat(matched.innerText()).contains(text(locale, "agreement.imports.outcome.MATCHED"), "Mostovo" + this.tag,
					"Partnerville" + this.tag);
			Locator ambiguous = page.locator("#line-3");
			assertThat(ambiguous.innerText()).contains(text(locale, "agreement.imports.outcome.AMBIGUOUS"))
				.contains(text(locale, "agreement.imports.row.ambiguous", "Twinburg" + this.tag, "Serbia", 2));
			assertThat(ambiguous.locator("li li").count()).isEqualTo(2);
			Locator unmatched = page.locator("#line-4");
			assertThat(unmatched.innerText()).contains(text(locale, "agreement.imports.outcome.UNMATCHED"),
					text(locale, "agreement.imports.reason.UNKNOWN_COUNTRY"), "Atlantis" + this.tag);
			assertThat(stackedWithinTheScreen(page)).as("the report's rows fit a phone").isTrue();

			// From the report to the ambiguous row's review, and from there to the register.
			follow(page, "#line-3 a[href^='/agreements/import/review/']");
			assertThat(page.textContent("h1")).isEqualTo(text(locale, "agreement.imports.review.row.title", 3));
			page.check("input[name=first][value='" + twin + "']");
			follow(page, "main form button[type=submit]");
			assertThat(page.textContent(".flash")).isEqualTo(text(locale, "agreement.imports.review.flash.added"));
			follow(page, "main a:text-is('" + text(locale, "agreement.imports.review.registered") + "')");
			assertThat(path(page)).matches("/agreements/\\d+");
			assertThat(page.textContent("h1")).contains("Twinburg" + this.tag, "Partnerville" + this.tag);
			String source = page.textContent("section[aria-labelledby=source-heading]");
			assertThat(source).contains(sourceName, attribution).doesNotContain("Wikipedia");
		}
	}

	/** Whether no part of the main content reaches past the phone's width (no sideways scrolling). */
	private static boolean stackedWithinTheScreen(Page page) {
		return (Boolean) page.evaluate("() => document.querySelector('main').scrollWidth <= window.innerWidth");
	}

	private long place(String name, String country, double lat, double lng) {
		return this.records.add(new NewMunicipality(name, null, null, country, MunicipalityKind.TOWN, 10_000,
				BigDecimal.valueOf(lat), BigDecimal.valueOf(lng)));
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}
}
