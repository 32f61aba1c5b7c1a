package org.citybridge.browser;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import net.fortuna.ical4j.model.component.VEvent;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.event.EventDemoData;
import org.citybridge.event.IcsParser;
import org.citybridge.event.MeetingDemoData;
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

/**
 * Issue 23, meetings at a forum, on a phone, in English and in Mongolian: Darkhan's officer (without
 * JavaScript) opts in from the upcoming demo forum's page, sees suggested meetings with reasons,
 * asks Ghent's officer for the first slot free for both; a second booking of the same slot and a
 * slot over a session they registered for are refused with a message naming why; Ghent's officer
 * accepts; both find the meeting, with its table, in their schedule and in its calendar file,
 * read back with ical4j.
 */
@BrowserTest
class MeetingJourneyBrowserIT {

	static final String EVENT = "/events/" + EventDemoData.UPCOMING_SLUG;

	static final String MEETINGS = EVENT + "/meetings";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	BrowserSite site;

	long event;

	long darkhan;

	long ghent;

	@BeforeEach
	void setUp() {
		AccountTestSupport.loadDemoData(this.context);
		this.context.getBean(EventDemoData.class).load();
		this.context.getBean(MeetingDemoData.class).load();
		this.site = new BrowserSite(this.port, this.context);
		this.event = this.jdbc.sql("SELECT id FROM events WHERE slug = ?").param(EventDemoData.UPCOMING_SLUG).query(Long.class).single();
		this.darkhan = account(AccountTestSupport.OFFICER_DARKHAN);
		this.ghent = account(AccountTestSupport.OFFICER_GHENT);
		clean();
		for (long person : List.of(this.darkhan, this.ghent)) {
			this.jdbc.sql("INSERT INTO registrations (event_id, account_id, status) VALUES (?, ?, 'WAITING')").params(this.event, person)
				.update();
		}
		this.jdbc.sql("""
				INSERT INTO meeting_profiles (event_id, account_id, person_name, municipality_id, represents, country_code, offers, seeks,
				                              languages)
				SELECT ?, ?, 'Griet Officer (Ghent)', m.id, 'Ghent', 'BE',
				       ARRAY(SELECT theme_code FROM municipality_offered_themes WHERE municipality_id = m.id),
				       ARRAY(SELECT theme_code FROM municipality_sought_themes WHERE municipality_id = m.id), '{nl,en,fr}'
				FROM municipalities m WHERE m.geonames_id = 2797656
				""").params(this.event, this.ghent).update();
	}

	@AfterEach
	void clean() {
		this.jdbc.sql("DELETE FROM meeting_profiles WHERE event_id = ? AND account_id IN (?, ?)").params(this.event, this.darkhan, this.ghent)
			.update();
		this.jdbc.sql("DELETE FROM registrations WHERE event_id = ? AND account_id IN (?, ?)").params(this.event, this.darkhan, this.ghent)
			.update();
		this.jdbc.sql("DELETE FROM sessions WHERE event_id = ? AND title LIKE 'Journey briefing%'").param(this.event).update();
	}

	long account(String email) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(email).query(Long.class).single();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn" })
	void optInFindBookAcceptAndBothHaveItInTheirScheduleAndCalendar(String language) {
		Locale locale = Locale.forLanguageTag(language);
		long bonn = account("demo.delegate.bonn@citybridge.example");
		try (BrowserContext noScript = Chromium.context(language, Chromium.PHONE_WIDTH, Chromium.PHONE_HEIGHT, false);
				BrowserContext other = Chromium.phone(language)) {
			Page page = noScript.newPage();
			PageCatalog.signIn(page, this.site, AccountTestSupport.OFFICER_DARKHAN);
			page.navigate(this.site.url(EVENT));

			// From the event's page to the opt-in form, filled from Darkhan's profile; consent given.
			follow(page, "main a[href$='/meetings/join']");
			assertThat(page.inputValue("#represents")).isEqualTo("Darkhan");
			page.check("#consent1");
			follow(page, "main form[action$='/meetings/join'] button[type=submit]");
			assertThat(path(page)).isEqualTo(MEETINGS);
			assertThat(page.locator("#suggested-heading").innerText()).isEqualTo(text(locale, "meeting.list.suggested"));
			assertThat(page.locator("main .reasons li").count()).as("reasons why someone fits").isPositive();
			assertThat(page.locator("main").innerText()).contains("Griet Officer (Ghent)");

			// A second tab keeps Bonn's page open with its free slots, as a person would.
			Page bonnTab = noScript.newPage();
			bonnTab.navigate(this.site.url(MEETINGS + "/people/" + bonn));

			// Ask Ghent's officer for the first slot free for both.
			follow(page, "main a[href$='/meetings/people/" + this.ghent + "']");
			page.check("input[name=slot][value=first]");
			page.fill("#message", "Water supply and district heating");
			follow(page, "main form[action*='/meetings/people/'] button[type=submit]");
			assertThat(path(page)).isEqualTo(MEETINGS + "/mine");
			assertThat(page.locator(".flash").innerText()).isEqualTo(text(locale, "meeting.request.flash.sent"));
			Instant slot = this.jdbc.sql("SELECT starts_at FROM meetings WHERE event_id = ? AND requester_id = ? AND invitee_id = ?")
				.params(this.event, this.darkhan, this.ghent).query(Timestamp.class).single().toInstant();

			// The same slot with Bonn, from the page opened before: refused, the person told why.
			bonnTab.check("input[name=slot][value='" + slot + "']");
			follow(bonnTab, "main form[action*='/meetings/people/'] button[type=submit]");
			assertThat(bonnTab.locator("#slot-error").innerText()).isEqualTo(text(locale, "meeting.request.error.youBusy"));

			// A slot over a session Darkhan registered for meanwhile: refused, the session named.
			Instant later = slot.plusSeconds(2400);
			long briefing = this.jdbc.sql("""
					INSERT INTO sessions (event_id, title, starts_at, ends_at, kind, capacity) VALUES (?, ?, ?, ?, 'WORKSHOP', 20) RETURNING id
					""").params(this.event, "Journey briefing " + language, Timestamp.from(later), Timestamp.from(later.plusSeconds(1200)))
				.query(Long.class).single();
			this.jdbc.sql("INSERT INTO registrations (event_id, session_id, account_id, status) VALUES (?, ?, ?, 'WAITING')")
				.params(this.event, briefing, this.darkhan).update();
			bonnTab.check("input[name=slot][value='" + later + "']");
			follow(bonnTab, "main form[action*='/meetings/people/'] button[type=submit]");
			assertThat(bonnTab.locator("#slot-error").innerText())
				.isEqualTo(this.messages.getMessage("meeting.request.error.yourSession", new Object[] { "Journey briefing " + language },
						locale));

			// Ghent's officer accepts from their schedule; the meeting gets a table.
			Page ghentPage = other.newPage();
			PageCatalog.signIn(ghentPage, this.site, AccountTestSupport.OFFICER_GHENT);
			ghentPage.navigate(this.site.url(MEETINGS + "/mine"));
			assertThat(ghentPage.locator("#answer-heading").innerText()).isEqualTo(text(locale, "meeting.schedule.toAnswer"));
			follow(ghentPage, "main form[action$='/accept'] button[type=submit]");
			assertThat(ghentPage.locator(".flash").innerText()).isEqualTo(text(locale, "meeting.answer.flash.accepted"));
			Integer table = this.jdbc.sql("""
					SELECT t.number FROM meetings m JOIN meeting_tables t ON t.id = m.table_id
					WHERE m.event_id = ? AND m.requester_id = ? AND m.invitee_id = ? AND m.status = 'ACCEPTED'
					""").params(this.event, this.darkhan, this.ghent).query(Integer.class).single();
			String tableText = this.messages.getMessage("meeting.schedule.table", new Object[] { table }, locale);
			assertThat(ghentPage.locator("main .meeting-schedule").innerText()).contains("Bat-Erdene", tableText);

			// Darkhan's schedule shows it beside their session, in the event's zone and their own.
			page.navigate(this.site.url(MEETINGS + "/mine?tz=Asia/Ulaanbaatar"));
			String schedule = page.locator("main .meeting-schedule").innerText();
			assertThat(schedule).contains("Griet Officer (Ghent)", tableText, text(locale, "meeting.status.ACCEPTED"),
					"Journey briefing " + language);
			assertThat(page.locator("main .meeting-schedule .session-times.dual").count()).isPositive();

			// Both calendar files carry the meeting, read back with ical4j.
			for (Page side : List.of(page, ghentPage)) {
				String ics = side.context().request().get(this.site.url(MEETINGS + "/mine.ics")).text();
				List<VEvent> events = IcsParser.events(IcsParser.parse(ics));
				assertThat(events).extracting(e -> IcsParser.text(e, "UID"))
					.anySatisfy(uid -> assertThat(uid).startsWith("meeting-"));
				assertThat(events).extracting(e -> IcsParser.text(e, "STATUS")).contains("CONFIRMED");
			}
		}
	}

	private static void follow(Page page, String selector) {
		page.waitForResponse(r -> r.request().isNavigationRequest(), () -> page.click(selector));
	}

	private static String path(Page page) {
		return URI.create(page.url()).getPath();
	}

	private String text(Locale locale, String key) {
		return this.messages.getMessage(key, null, locale);
	}
}
