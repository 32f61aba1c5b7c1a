package org.citybridge.event.attendance;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.citybridge.event.programme.AgendaMarkup;
import org.citybridge.event.EventDemoData;
import org.citybridge.event.EventFixtures;
import org.citybridge.event.IcsParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Personal agendas by account and by address, the private calendar address, and registering through the pages. */
class PersonalAgendaIT extends DemoDataIntegrationTest {

	static final String EVENT = "/events/" + EventDemoData.SLUG;

	long twinning;

	long sisterCities;

	long closing;

	long plenary;

	@BeforeEach
	void setUp() {
		this.context.getBean(EventDemoData.class).load();
		this.twinning = id("Twinning and TAIEX%");
		this.sisterCities = id("Sister-city agreements%");
		this.closing = id("Closing plenary%");
		this.plenary = id("Four strategic%");
		this.jdbc.sql("DELETE FROM agenda_stars").update();
		this.jdbc.sql("DELETE FROM agenda_feeds").update();
		this.jdbc.sql("DELETE FROM registrations").update();
	}

	long id(String title) {
		return this.jdbc.sql("SELECT id FROM sessions WHERE title LIKE ?").param(title).query(Long.class).single();
	}

	static String text(MvcTestResult result) throws Exception {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	@Test
	void theAgendasStarFormsCarryTheVisitorsCsrfTokenSoStarringFromThePageWorks() throws Exception {
		// The agenda's entries are written in Java (AgendaMarkup), so their forms get the token from the controller.
		MockHttpSession session = new MockHttpSession();
		String page = text(this.mvc.get().uri(EVENT + "/agenda?tz=event").session(session).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.exchange());
		int form = page.indexOf("<form action=\"" + EVENT + "/sessions/" + this.twinning + "/star\"");
		assertThat(form).isPositive();
		Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(field.find(form)).isTrue();
		assertThat(this.mvc.post().uri(EVENT + "/sessions/" + this.twinning + "/star").session(session)
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("_csrf", "forged").param("starred", "true")).hasStatus(403);
		assertThat(this.mvc.post().uri(EVENT + "/sessions/" + this.twinning + "/star").session(session)
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("_csrf", field.group(1)).param("starred", "true"))
			.hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT count(*) FROM agenda_stars WHERE session_id = ?").param(this.twinning).query(Long.class)
			.single()).isEqualTo(1);
		// An anonymous visitor's page has no forms to post, only links that keep the list in the address.
		assertThat(this.mvc.get().uri(EVENT + "/agenda?tz=event")).hasStatusOk().bodyText()
			.doesNotContain("/star\"", "_csrf\" value").contains("/agenda?s=" + this.twinning);
	}

	@Test
	void aDelegateWithoutAnAccountKeepsTheirListInTheAddressWithClashWarningsAndACalendarFile() throws Exception {
		String mine = EVENT + "/my?s=" + this.twinning + "," + this.sisterCities + "," + this.closing + ",abc,-1,999999999";
		assertThat(this.mvc.get().uri(mine)).hasStatusOk().bodyText()
			.contains("Twinning and TAIEX", "Sister-city agreements", "Closing plenary", "2 sessions overlap",
					"Overlaps with: Sister-city agreements", "/my.ics?s=" + this.sisterCities + "," + this.twinning + "," + this.closing);
		MvcTestResult ics = this.mvc.get().uri(EVENT + "/my.ics?s=" + this.twinning + "," + this.closing).exchange();
		assertThat(ics).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
		assertThat(IcsParser.events(IcsParser.parse(text(ics)))).hasSize(2);
		assertThat(this.mvc.get().uri(EVENT + "/agenda?s=" + this.twinning)).hasStatusOk().bodyText()
			.contains("In your agenda", "/agenda?s=" + this.twinning + "," + this.plenary, "My agenda (1)");
		assertThat(this.mvc.get().uri(EVENT + "/my")).hasStatusOk().bodyText().contains("No sessions chosen yet.");
		assertThat(this.mvc.get().uri(EVENT + "/my?s=" + "1,".repeat(5000))).hasStatusOk();
	}

	@Test
	void starringGoesBackToTheDayOfTheAgendaItWasGivenOn() {
		assertThat(this.mvc.post().uri(EVENT + "/sessions/" + this.twinning + "/star").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("starred", "true").param("day", "2025-02-18"))
			.hasStatus3xxRedirection().redirectedUrl().isEqualTo(EVENT + "/agenda?day=2025-02-18#session-" + this.twinning);
		assertThat(this.mvc.post().uri(EVENT + "/sessions/" + this.twinning + "/star").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("starred", "false").param("day", "//evil.example"))
			.hasStatus3xxRedirection().redirectedUrl().isEqualTo(EVENT + "/agenda#session-" + this.twinning);
	}

	@Test
	void aSignedInDelegateStarsSessionsWithoutJavaScriptAndSeesClashes() {
		assertThat(this.mvc.post().uri(EVENT + "/sessions/" + this.twinning + "/star").with(csrf()).param("starred", "true"))
			.hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.post().uri(EVENT + "/sessions/" + this.twinning + "/star").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("starred", "true")).hasStatus3xxRedirection();
		this.mvc.post().uri(EVENT + "/sessions/" + this.sisterCities + "/star").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("starred", "true").exchange();
		assertThat(this.mvc.get().uri(EVENT + "/my").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("The sessions you starred", "Twinning and TAIEX", "2 sessions overlap", "Make a private calendar address");
		assertThat(this.mvc.get().uri(EVENT + "/agenda").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("Remove from my agenda<span class=\"visually-hidden\">: Twinning and TAIEX");
		this.mvc.post().uri(EVENT + "/sessions/" + this.sisterCities + "/star").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("starred", "false").param("back", "my").exchange();
		assertThat(this.mvc.get().uri(EVENT + "/my").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.doesNotContain("sessions overlap").doesNotContain("Sister-city agreements</a>");
		assertThat(this.mvc.post().uri(EVENT + "/sessions/abc/star").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(404);
		assertThat(this.mvc.post().uri(EVENT + "/sessions/" + this.twinning + "/star").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(403);
	}

	@Test
	void thePrivateCalendarAddressIsStoredHashedServesTheStarredSessionsAndCanBeRevoked() throws Exception {
		this.mvc.post().uri(EVENT + "/sessions/" + this.plenary + "/star").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).param("starred", "true").exchange();
		MvcTestResult made = this.mvc.post().uri(EVENT + "/my/feed").with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT)).exchange();
		assertThat(made).hasStatus3xxRedirection();
		String url = (String) made.getMvcResult().getFlashMap().get("feedUrl");
		assertThat(url).contains("/events/feeds/").endsWith(".ics");
		String path = url.substring(url.indexOf("/events/feeds/"));
		String token = path.substring("/events/feeds/".length(), path.length() - 4);
		assertThat(this.jdbc.sql("SELECT count(*) FROM agenda_feeds WHERE token_hash = ?").param(PersonalAgendas.hash(token))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM agenda_feeds WHERE encode(token_hash, 'escape') LIKE ?")
			.param("%" + token + "%").query(Long.class).single()).isZero();
		MvcTestResult feed = this.mvc.get().uri(path).exchange();
		assertThat(feed).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
		assertThat(IcsParser.events(IcsParser.parse(text(feed)))).extracting(e -> IcsParser.text(e, "UID"))
			.containsExactly("session-" + this.plenary + "@citybridge");
		assertThat(this.mvc.get().uri(EVENT + "/my").with(as(AccountTestSupport.OFFICER_GHENT))).bodyText()
			.contains("You have a private calendar address");

		// A new address revokes the old one; revoking ends the new one.
		MvcTestResult again = this.mvc.post().uri(EVENT + "/my/feed").with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT)).exchange();
		assertThat(this.mvc.get().uri(path)).hasStatus(404);
		String second = ((String) again.getMvcResult().getFlashMap().get("feedUrl"));
		String secondPath = second.substring(second.indexOf("/events/feeds/"));
		assertThat(this.mvc.get().uri(secondPath)).hasStatusOk();
		this.mvc.post().uri(EVENT + "/my/feed/revoke").with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT)).exchange();
		assertThat(this.mvc.get().uri(secondPath)).hasStatus(404);
		assertThat(this.mvc.get().uri("/events/feeds/not-a-token.ics")).hasStatus(404);
		assertThat(this.mvc.post().uri(EVENT + "/my/feed").with(csrf())).hasStatus3xxRedirection().redirectedUrl()
			.contains("/login");
	}

	@Test
	void aDelegateRegistersForAWorkshopThroughItsPageAndCancels() {
		// The demo forum of February 2025 is over: its workshops no longer take registrations.
		String demo = EVENT + "/sessions/" + this.twinning;
		assertThat(this.mvc.get().uri(demo).with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
			.contains("This event has ended: registration is closed.").doesNotContain("Join the waiting list");
		assertThat(this.mvc.post().uri(demo + "/registration").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus3xxRedirection().flash().containsEntry("refusal", "event.registration.error.ended");
		// An event of next year, with a workshop of 25 seats and a plenary without registration.
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1);
		String slug = "future-forum-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		long event = this.jdbc.sql("""
				INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name)
				SELECT ?, 'Future forum', 'FORUM', host_organisation_id, ?, ?, 'Europe/Brussels', 'Hall' FROM events WHERE slug = ?
				RETURNING id
				""").params(slug, day, day, EventDemoData.SLUG).query(Long.class).single();
		java.util.function.BiFunction<String, Integer, Long> session = (title, capacity) -> this.jdbc.sql("""
				INSERT INTO sessions (event_id, title, starts_at, ends_at, kind, capacity)
				VALUES (?, ?, ?, ?, 'WORKSHOP', ?) RETURNING id
				""").params(event, title, java.sql.Timestamp.from(day.atTime(10, 0).atZone(EventFixtures.BRUSSELS).toInstant()),
				java.sql.Timestamp.from(day.atTime(11, 0).atZone(EventFixtures.BRUSSELS).toInstant()), capacity)
			.query(Long.class).single();
		long workshop = session.apply("Future workshop", 25);
		long plenary = session.apply("Future plenary", null);
		String page = "/events/" + slug + "/sessions/" + workshop;
		assertThat(this.mvc.get().uri(page)).hasStatusOk().bodyText().contains("25 seats: 0 taken, 0 on the waiting list.",
				"Sign in to register");
		assertThat(this.mvc.post().uri(page + "/registration").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus3xxRedirection().flash().containsEntry("flash", "event.registration.flash.confirmed");
		assertThat(this.mvc.get().uri(page).with(as(AccountTestSupport.STAFF_NALAS))).bodyText()
			.contains("25 seats: 1 taken", "your seat is confirmed", "Cancel my registration");
		assertThat(this.mvc.post().uri(page + "/registration").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.flash().containsEntry("refusal", "event.registration.error.already");
		assertThat(this.mvc.post().uri(page + "/registration").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("action", "cancel")).flash().containsEntry("flash", "event.registration.flash.cancelled");
		assertThat(this.mvc.post().uri("/events/" + slug + "/sessions/" + plenary + "/registration").with(csrf())
			.with(as(AccountTestSupport.STAFF_NALAS))).flash().containsEntry("refusal", "event.registration.error.noSeats");
		assertThat(this.mvc.post().uri("/events/" + slug + "/registration").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS)))
			.flash().containsEntry("refusal", "event.registration.error.closed");
		assertThat(this.mvc.post().uri(page + "/registration").with(csrf())).hasStatus3xxRedirection().redirectedUrl()
			.contains("/login");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'registration'").query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		this.jdbc.sql("DELETE FROM events WHERE id = ?").param(event).update();
	}
}
