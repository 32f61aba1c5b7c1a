package org.citybridge.browser;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 6 of issue 18, at phone width: forms that name a place, a language or a country take
 * its name in the page's language, never an internal number or code. An officer writes a case
 * study choosing its municipality and agreement by name, previews it, is told that its image will
 * not be shown, and submits it; staff name a funding instrument's exception country by name,
 * are told when a name means no country, and find the country named on the instrument's page.
 */
@BrowserTest
class NamesNotNumbersJourneyBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	BrowserSite site;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.context.getBean(org.citybridge.agreement.AgreementDemoData.class).load();
		this.context.getBean(org.citybridge.funding.FundingDemoData.class).load();
		this.site = new BrowserSite(this.port, this.context);
	}

	/** The page's language, Ghent's name as typed there (English, its own, French) and what the preview calls itself. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "en, Ghent, Preview", "mn, Gent, Урьдчилан харах", "fr, Gand, Aperçu" })
	void anOfficerWritesACaseStudyNamingItsPartnerPreviewsItAndSubmitsIt(String language, String ghent,
			String previewHeading) {
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			PageCatalog.signIn(page, this.site, AccountTestSupport.OFFICER_DARKHAN);
			page.navigate(this.site.url("/learn"));
			page.click("main a[href$='/learn/case-studies/new']");
			page.waitForURL("**/learn/case-studies/new");

			// Darkhan, the officer's own municipality, is chosen already: by its name, not its number.
			Locator chosen = page.locator("main form ul.plain").first();
			// In the reader's script: Дархан on Mongolian pages (PlaceNames).
			assertThat(chosen.textContent()).contains("mn".equals(language) ? "Дархан" : "Darkhan");
			assertThat(page.locator("#municipalities").count()).as("no field for numbers").isZero();

			String title = "Winter markets " + UUID.randomUUID().toString().substring(0, 8);
			page.fill("#title", title);
			page.fill("#summary", "Two cities share how they run winter markets.");
			page.fill("#body", "## Plan\n\nThe market opens at **dawn**.\n\n![Map of the stalls](https://example.org/map.png)");

			page.fill("#municipalitySearch", ghent);
			clickAndWait(page, "main form button[name=action][value=search]");
			Locator add = page.locator("main form li:has-text('" + ("mn".equals(language) ? "Гент" : "Ghent") + "') button[name=addMunicipality]");
			assertThat(add.count()).as("Ghent offered for " + ghent).isPositive();
			clickAndWait(add.first());
			assertThat(page.locator("main form input[name=municipalityIds]").count()).isEqualTo(2);
			assertThat(page.inputValue("#title")).as("values kept").isEqualTo(title);

			// The agreements of the municipalities chosen are offered by their titles.
			Locator agreements = page.locator("main form input[name=agreements]");
			String agreementTitle = null;
			if (agreements.count() > 0) {
				agreements.first().check();
				String label = page.locator("main form label:has(input[name=agreements]) span").first().textContent().strip();
				// The label is the agreement's title, then its type and state in brackets.
				agreementTitle = label.substring(0, label.lastIndexOf(" ("));
			}

			clickAndWait(page, "main form button[name=action][value=preview]");
			Locator preview = page.locator("section.preview");
			assertThat(preview.locator("h2").textContent()).isEqualTo(previewHeading);
			assertThat(preview.locator(".case-body strong").textContent()).isEqualTo("dawn");
			assertThat(preview.locator("img").count()).isZero();
			Locator warning = page.locator("#body-images");
			assertThat(warning.isVisible()).isTrue();
			assertThat(warning.textContent()).contains("https://example.org/map.png");
			assertThat(page.inputValue("#title")).isEqualTo(title);
			assertThat(page.inputValue("#body")).contains("![Map of the stalls]");
			assertWithinPhoneWidth(page);

			clickAndWait(page, "main form button[name=action][value=save]");
			page.waitForURL(url -> url.matches(".*/learn/case-studies/\\d+$"));
			assertThat(page.textContent("h1")).isEqualTo(title);
			// The municipalities by name in the page's script: Cyrillic on a Mongolian page.
			boolean cyrillic = "mn".equals(language);
			assertThat(page.textContent("main dl.facts")).contains(cyrillic ? "Дархан" : "Darkhan")
				.contains(cyrillic ? "Гент" : "Ghent");
			assertThat(agreementTitle).as("Darkhan's agreements are offered by title").isNotNull();
			assertThat(page.textContent("main dl.facts")).contains(agreementTitle);
			assertThat(page.textContent("main")).contains("https://example.org/map.png");
		}
	}

	/** The page's language, a name that means no country, and Serbia's name as typed there. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "en, Atlantis, Serbia", "mn, Атлантис, Серби" })
	void staffNameAnExceptionCountryByItsName(String language, String nowhere, String serbia) {
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();
			PageCatalog.signIn(page, this.site, AccountTestSupport.STAFF_CEMR);
			page.navigate(this.site.url("/funding"));
			clickAndWait(page, "main a[href$='/funding/" + PageCatalog.FUNDING_EXAMPLE + "']");
			String instrument = page.url();
			clickAndWait(page, "main a[href$='/edit']");

			// The countries already named show by their names, each in a field offering every country's name.
			assertThat(page.locator("input[name=leadAlso]").first().getAttribute("list")).isEqualTo("country-names");
			assertThat(page.locator("#country-names option").count()).isGreaterThan(240);
			for (Locator field : page.locator("fieldset.names input").all()) {
				assertThat(field.inputValue()).as("a name, never a code").doesNotMatch("[A-Z]{2}");
			}

			Locator empty = page.locator("input[name=partnerAlso]").last();
			empty.fill(nowhere);
			clickAndWait(page, "main form button[type=submit]");
			assertThat(page.locator("#partnerAlso-error").textContent()).contains(nowhere);
			assertThat(page.locator("input[name=partnerAlso]").first().inputValue()).as("the value typed comes back")
				.isEqualTo(nowhere);

			page.locator("input[name=partnerAlso]").first().fill(serbia);
			clickAndWait(page, "main form button[type=submit]");
			page.waitForURL(instrument);
			assertThat(page.textContent("main")).contains(serbia);
			assertWithinPhoneWidth(page);

			// And back as it was, for the other tests that read the example: the field emptied is no exception.
			clickAndWait(page, "main a[href$='/edit']");
			assertThat(page.locator("input[name=partnerAlso]").first().inputValue()).isEqualTo(serbia);
			page.locator("input[name=partnerAlso]").first().fill("");
			clickAndWait(page, "main form button[type=submit]");
			page.waitForURL(instrument);
			assertThat(page.textContent("main")).doesNotContain(serbia);
		}
	}

	static void clickAndWait(Page page, String selector) {
		clickAndWait(page.locator(selector).first());
	}

	static void clickAndWait(Locator button) {
		button.page().waitForNavigation(button::click);
	}

	static void assertWithinPhoneWidth(Page page) {
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
	}
}
