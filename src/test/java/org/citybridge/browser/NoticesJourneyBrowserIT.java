package org.citybridge.browser;

import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
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
import static org.citybridge.DemoPlaces.NIS;
import static org.citybridge.browser.Journeys.follow;
import static org.citybridge.browser.Journeys.path;

/**
 * Issue 19, in English and in Mongolian, on a phone: Niš's officer (who reads French) asks Darkhan
 * for a partnership; Darkhan's officer (who reads Mongolian) signs in and lands on a home that
 * names Darkhan and shows the waiting request, answers it, and Niš's officer is told, in French;
 * NALAS's staff sign in, find the draft agreement among the unverified with the two countries and
 * who proposed it, verify it, and both officers are told, each in their own language.
 */
@BrowserTest
class NoticesJourneyBrowserIT {

	static final String OFFICER_NIS = "officer.nis@citybridge.example";

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

	long nis;

	@BeforeEach
	void site() {
		AccountTestSupport.loadDemoData(this.context);
		this.site = new BrowserSite(this.port, this.context);
		this.darkhan = this.site.municipalityId(DARKHAN);
		this.nis = this.site.municipalityId(NIS);
		Long[] pair = { Math.min(this.darkhan, this.nis), Math.max(this.darkhan, this.nis) };
		this.jdbc.sql("""
				DELETE FROM partnership_requests WHERE least(from_municipality_id, to_municipality_id) = ?
				  AND greatest(from_municipality_id, to_municipality_id) = ?
				""").params(pair[0], pair[1]).update();
		this.jdbc.sql("DELETE FROM agreements WHERE party_key = ?").param(pair).update();
		this.jdbc.sql("UPDATE accounts SET language = 'fr' WHERE email = ?").param(OFFICER_NIS).update();
		this.jdbc.sql("UPDATE accounts SET language = 'mn' WHERE email = ?").param(AccountTestSupport.OFFICER_DARKHAN).update();
	}

	@AfterEach
	void languagesAsTheDemoHasThem() {
		this.jdbc.sql("UPDATE accounts SET language = 'en' WHERE email IN (?, ?)")
			.params(OFFICER_NIS, AccountTestSupport.OFFICER_DARKHAN)
			.update();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void aRequestAnsweredAndItsAgreementVerifiedReachTheOfficersInTheirLanguages(String language) {
		Locale locale = Locale.forLanguageTag(language);
		long mailsBefore = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM outbox_messages").query(Long.class).single();
		try (BrowserContext browser = Chromium.phone(language)) {
			Page page = browser.newPage();

			// Niš's officer asks Darkhan.
			Journeys.signIn(page, this.site, OFFICER_NIS, false);
			page.navigate(this.site.url("/municipalities/" + this.darkhan + "/requests/new"));
			page.fill("#message", "Niš would like to exchange experience on water and sanitation with Darkhan.");
			follow(page, "main form button[type=submit]");
			String requestPath = path(page);
			Journeys.signOut(page);

			// Darkhan's officer lands on a home that names Darkhan, with the request waiting.
			Journeys.signIn(page, this.site, AccountTestSupport.OFFICER_DARKHAN, true);
			assertThat(path(page)).isEqualTo("/home");
			// On Mongolian pages the place is named in Cyrillic (PlaceNames).
			boolean mn = "mn".equals(language);
			assertThat(page.locator("h1").innerText()).isEqualTo(text(locale, "myhome.officer.title", mn ? "Дархан" : "Darkhan"));
			follow(page, "section[aria-labelledby=waiting-heading] a[href='" + requestPath + "']");
			follow(page, "main form[action$='/accept'] button");
			assertThat(page.locator(".flash").innerText()).isEqualTo(text(locale, "matchmaking.flash.accepted"));
			Journeys.signOut(page);

			// Niš's officer was told, in French, by mail and in the portal.
			assertThat(mailsTo(OFFICER_NIS, mailsBefore))
				.contains(text(Locale.FRENCH, "notice.kind.REQUEST_ACCEPTED.subject", "Niš", "Darkhan"));

			// NALAS's staff: the draft among the unverified, with both countries and who proposed it.
			Journeys.signIn(page, this.site, AccountTestSupport.STAFF_NALAS, true);
			assertThat(path(page)).isEqualTo("/home");
			follow(page, "main a[href='/agreements/unverified']");
			String title = mn ? "Дархан – Ниш" : "Darkhan – Niš";
			Locator unverified = Journeys.itemLabelled(page, title);
			String row = unverified.innerText();
			assertThat(row).contains(country(locale, "MN"), country(locale, "RS"));
			assertThat(row).doesNotContain(text(locale, "agreement.unverified.proposerUnknown"));
			follow(page, unverified.locator("a[href^='/agreements/']"));
			follow(page, "main form[action$='/verify'] button");
			assertThat(page.locator("main").innerText()).contains(text(locale, "agreement.verified"));
			Journeys.signOut(page);

			// Both officers were told, each in their own language.
			assertThat(mailsTo(OFFICER_NIS, mailsBefore))
				.contains(text(Locale.FRENCH, "notice.kind.AGREEMENT_VERIFIED.subject", "Darkhan – Niš"));
			assertThat(mailsTo(AccountTestSupport.OFFICER_DARKHAN, mailsBefore))
				.contains(text(Locale.forLanguageTag("mn"), "notice.kind.AGREEMENT_VERIFIED.subject", "Darkhan – Niš"));

			// And Darkhan's officer finds the notice in the portal, under the header's count.
			Journeys.signIn(page, this.site, AccountTestSupport.OFFICER_DARKHAN, true);
			assertThat(page.locator("header a[href='/notices'] .badge.count").count()).isOne();
			follow(page, "header a[href='/notices']");
			assertThat(page.locator("main").innerText())
				.contains(text(locale, "notice.kind.AGREEMENT_VERIFIED.text", "Darkhan – Niš"));
		}
	}

	private List<String> mailsTo(String email, long after) {
		return this.jdbc.sql("SELECT subject FROM outbox_messages WHERE recipient = ? AND id > ? ORDER BY id")
			.params(email, after)
			.query(String.class)
			.list();
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private String country(Locale locale, String code) {
		return this.context.getBean(org.citybridge.system.DisplayNames.class).country(code, locale);
	}
}
