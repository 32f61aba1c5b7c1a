package org.citybridge.browser;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementDemoData;
import org.citybridge.agreement.activities.CheckIns;
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
import static org.citybridge.DemoPlaces.KAPOSVAR;
import static org.citybridge.browser.Journeys.follow;

/**
 * Issue 25's journey, in English and in Mongolian: Darkhan's officer opens the yearly check-in
 * from the notice, answers "yes — here is what we did" and records a study visit to Kaposvár; it
 * appears on the agreement's timeline, on Darkhan's profile and in the register's "active in the
 * last 2 years" filter. Every step is a click or a form, from the sign-in page on.
 */
@BrowserTest
class ActivityJourneyBrowserIT {

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

	long agreement;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.context.getBean(AgreementDemoData.class).load();
		this.site = new BrowserSite(this.port, this.context);
		this.darkhan = this.site.municipalityId(DARKHAN);
		this.agreement = PageCatalog.agreementBetween(this.site, KAPOSVAR, DARKHAN);
		// Each language walks the journey from the start: a partnership signed years ago, silent since.
		this.jdbc.sql("DELETE FROM agreement_activities WHERE agreement_id = ?").param(this.agreement).update();
		this.jdbc.sql("DELETE FROM agreement_check_ins WHERE agreement_id = ?").param(this.agreement).update();
		this.jdbc.sql("UPDATE agreements SET signed_on = ?, status = 'ACTIVE' WHERE id = ?")
			.params(LocalDate.now(ZoneOffset.UTC).minusYears(3), this.agreement).update();
		this.context.getBean(CheckIns.class).round();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void darkhansOfficerAnswersTheCheckInWithAStudyVisitToKaposvar(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String title = "mn".equals(language) ? "Капошвар хотын усан хангамжийн туршлага судлах айлчлал"
				: "Study visit to the water works of Kaposvár";
		long notice = this.jdbc.sql("""
				SELECT n.id FROM notices n JOIN accounts a ON a.id = n.account_id
				WHERE a.email = ? AND n.kind = 'CHECK_IN' AND n.link = ? ORDER BY n.id DESC LIMIT 1
				""").params(AccountTestSupport.OFFICER_DARKHAN, "/agreements/" + this.agreement + "/check-in")
			.query(Long.class).single();
		try (BrowserContext browser = Chromium.desktop(language)) {
			Page page = browser.newPage();
			Journeys.signIn(page, this.site, AccountTestSupport.OFFICER_DARKHAN, false);
			page.navigate(this.site.url("/notices"));
			follow(page, "main form[action='/notices/" + notice + "/open'] button");
			assertThat(Journeys.path(page)).isEqualTo("/agreements/" + this.agreement + "/check-in");
			assertThat(page.locator("h1").innerText()).isEqualTo(text(locale, "activity.checkIn.title"));

			// One step: "yes" opens the activity form.
			follow(page, "main button[value=ALIVE]");
			assertThat(Journeys.path(page)).isEqualTo("/agreements/" + this.agreement + "/activities/new");
			page.selectOption("#kind", "STUDY_VISIT");
			page.fill("#title", title);
			page.fill("#startsOn", LocalDate.now(ZoneOffset.UTC).minusMonths(1).toString());
			page.selectOption("#placeId", new SelectOption().setValue(String.valueOf(this.site.municipalityId(KAPOSVAR))));
			page.fill("#participants", "9");
			page.check("input[name=themes][value=WATER_SANITATION]");
			follow(page, "main form button[type=submit]");
			assertThat(page.locator(".flash").innerText()).isEqualTo(text(locale, "activity.flash.recorded"));
			assertThat(page.locator("#timeline-heading + ol").innerText())
				.contains(text(locale, "activity.kind.STUDY_VISIT"), title);

			// Darkhan's profile, and the register's "active in the last 2 years".
			page.navigate(this.site.url("/municipalities/" + this.darkhan));
			assertThat(page.locator("section[aria-labelledby=timeline-heading]").innerText()).contains(title);
			page.navigate(this.site.url("/agreements?active=2&size=100&country=HU"));
			assertThat(page.locator("main a[href='/agreements/" + this.agreement + "']").count()).isPositive();
		}
	}

	private String text(Locale locale, String key) {
		return this.messages.getMessage(key, null, locale);
	}
}
