package org.citybridge.browser;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.event.EventDemoData;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meeting pages of issue 23 in the page gate, on the upcoming demo forum (booking open): the
 * organiser's page, the opt-in form, the participants' list, a participant with free slots, the
 * personal schedule, each also in a state with errors. Darkhan's officer takes part (registered
 * and opted in by the setup, as the demo data cannot sign in for them).
 */
final class MeetingPageTypes {

	static final String EVENT = "/events/" + EventDemoData.UPCOMING_SLUG;

	static final String MEETINGS = EVENT + "/meetings";

	private MeetingPageTypes() {
	}

	static List<PageType> all() {
		return List.of(
				new PageType("meeting-setup", "/events/{slug}/manage/meetings", true,
						(page, site) -> PageCatalog.signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/meetings")),
				new PageType("meeting-setup-invalid", "/events/{slug}/manage/meetings", false, (page, site) -> {
					PageCatalog.signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/meetings");
					page.fill("#day", "");
					return send(page, "form[action$='/manage/meetings/windows']");
				}),
				new PageType("meeting-join", "/events/{slug}/meetings/join", true,
						(page, site) -> participant(page, site, MEETINGS + "/join")),
				new PageType("meeting-join-invalid", "/events/{slug}/meetings/join", false, (page, site) -> {
					participant(page, site, MEETINGS + "/join");
					page.fill("#represents", "");
					page.uncheck("#consent1");
					return send(page, "main form[action$='/meetings/join']");
				}),
				new PageType("meeting-participants", "/events/{slug}/meetings", true,
						(page, site) -> participant(page, site, MEETINGS)),
				new PageType("meeting-participants-filtered", "/events/{slug}/meetings", false,
						(page, site) -> participant(page, site, MEETINGS + "?country=BE&language=fr")),
				new PageType("meeting-person", "/events/{slug}/meetings/people/{id}", true,
						(page, site) -> participant(page, site, MEETINGS + "/people/" + demoDelegate(site, "ghent") + "?tz=Asia/Ulaanbaatar")),
				new PageType("meeting-person-invalid", "/events/{slug}/meetings/people/{id}", false, (page, site) -> {
					participant(page, site, MEETINGS + "/people/" + demoDelegate(site, "bonn"));
					page.fill("#message", "x".repeat(501));
					return send(page, "main form[action*='/meetings/people/']");
				}),
				new PageType("meeting-schedule", "/events/{slug}/meetings/mine", true,
						(page, site) -> participant(page, site, MEETINGS + "/mine?tz=Asia/Ulaanbaatar")),
				new PageType("meeting-setup-table-in-use", "/events/{slug}/manage/meetings", false, (page, site) -> {
					// The demo's accepted meeting is at table 1: removing it is refused, the message next to the number.
					PageCatalog.signedIn(page, site, AccountTestSupport.STAFF_CEMR, EVENT + "/manage/meetings");
					page.fill("#number", "1");
					return send(page, "form[action$='/manage/meetings/tables/delete']");
				}),
				new PageType("agreement-detail-forum", "/agreements/{id}", false, (page, site) -> {
					PageCatalog.acceptedRequest(page, site);
					heldMeetingLedToTheRequest(site);
					return PageCatalog.follow(page, "section[aria-labelledby=agreement-heading] a");
				}),
				new PageType("agreement-list-forum", "/agreements", false, (page, site) -> {
					PageCatalog.acceptedRequest(page, site);
					heldMeetingLedToTheRequest(site);
					return page.navigate(site.url("/agreements?forum=" + EventDemoData.SLUG));
				}),
				new PageType("meeting-setup-held-origin", "/events/{slug}/manage/meetings", false, (page, site) -> {
					// The organiser's list with the meeting the accepted request continued: it stays held, no
					// "missed" is offered, and the list says why. (Marking it missed from a page read before the
					// request, refused with the request named, is MeetingOriginIT's, in the three languages.)
					PageCatalog.acceptedRequest(page, site);
					long meeting = heldMeetingLedToTheRequest(site);
					page.context().clearCookies();
					Response shown = PageCatalog.signedIn(page, site, AccountTestSupport.STAFF_CEMR,
							"/events/" + EventDemoData.SLUG + "/manage/meetings");
					if (page.locator("form[action$='/manage/meetings/" + meeting + "/mark']").count() > 0) {
						throw new IllegalStateException("The organiser is offered to mark a meeting that began a request");
					}
					return shown;
				}));
	}

	/**
	 * People representing Ghent and Niš met at the demo forum (a meeting marked held), and the
	 * request from Ghent to Niš that {@link PageCatalog#acceptedRequest} accepted continued it: the
	 * agreement it opened began at that forum. Accounts of their own, so that no other test's
	 * officers are taken at the forum.
	 */
	private static long heldMeetingLedToTheRequest(PageType.Site site) {
		JdbcClient jdbc = jdbc(site);
		long event = jdbc.sql("SELECT id FROM events WHERE slug = ?").param(EventDemoData.SLUG).query(Long.class).single();
		long[] people = new long[2];
		String[] cities = { "ghent", "nis" };
		long[] places = { site.municipalityId(org.citybridge.DemoPlaces.GHENT), site.municipalityId(org.citybridge.DemoPlaces.NIS) };
		for (int i = 0; i < 2; i++) {
			String email = "gate.forum." + cities[i] + "@citybridge.example";
			jdbc.sql("""
					INSERT INTO accounts (email, display_name, role) SELECT ?, ?, 'DELEGATE'
					WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE email = ?)
					""").params(email, "Forum delegate " + cities[i], email).update();
			people[i] = jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(email).query(Long.class).single();
			jdbc.sql("""
					INSERT INTO meeting_profiles (event_id, account_id, person_name, municipality_id, represents, country_code)
					SELECT ?, ?, ?, m.id, m.name, m.country_code FROM municipalities m WHERE m.id = ?
					ON CONFLICT (event_id, account_id) DO NOTHING
					""").params(event, people[i], "Forum delegate " + cities[i], places[i]).update();
		}
		// At a table of its own (the organiser's page lists the meetings placed at tables).
		jdbc.sql("""
				INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, status, table_id)
				SELECT ?, ?, ?, TIMESTAMPTZ '2025-02-17 10:40 Europe/Brussels', TIMESTAMPTZ '2025-02-17 11:00 Europe/Brussels', 'HELD',
				       (SELECT id FROM meeting_tables WHERE event_id = ? AND number = 10)
				WHERE NOT EXISTS (SELECT 1 FROM meetings WHERE event_id = ? AND requester_id = ? AND invitee_id = ?)
				""").params(event, people[0], people[1], event, event, people[0], people[1]).update();
		long meeting = jdbc.sql("SELECT id FROM meetings WHERE event_id = ? AND requester_id = ? AND invitee_id = ?")
			.params(event, people[0], people[1]).query(Long.class).single();
		jdbc.sql("""
				UPDATE partnership_requests r SET meeting_id = ?
				WHERE r.status = 'ACCEPTED' AND r.from_municipality_id = ? AND r.to_municipality_id = ?
				""").params(meeting, places[0], places[1]).update();
		return meeting;
	}

	private static Response send(Page page, String form) {
		return page.waitForResponse(r -> r.request().isNavigationRequest(), () -> page.click(form + " button[type=submit]"));
	}

	private static long demoDelegate(PageType.Site site, String key) {
		return jdbc(site).sql("SELECT id FROM accounts WHERE email = ?").param("demo.delegate." + key + "@citybridge.example")
			.query(Long.class).single();
	}

	private static JdbcClient jdbc(PageType.Site site) {
		return ((BrowserSite) site).context().getBean(JdbcClient.class);
	}

	/**
	 * Darkhan's officer with a seat at the upcoming demo forum and a meeting profile, asked for a
	 * meeting by Bonn's demo delegate (a request to answer on the schedule); then the page.
	 */
	private static Response participant(Page page, PageType.Site site, String path) {
		JdbcClient jdbc = jdbc(site);
		long event = jdbc.sql("SELECT id FROM events WHERE slug = ?").param(EventDemoData.UPCOMING_SLUG).query(Long.class).single();
		long me = jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(AccountTestSupport.OFFICER_DARKHAN).query(Long.class).single();
		try {
			jdbc.sql("""
					INSERT INTO registrations (event_id, account_id, status) SELECT ?, ?, 'WAITING'
					WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = ? AND target = 0 AND account_id = ?)
					""").params(event, me, event, me).update();
		}
		catch (DuplicateKeyException ex) {
			// Another case, run side by side, gave the officer the seat between the check and the insert
			// (the constraint is deferrable, so ON CONFLICT cannot name it): the seat is there, as wanted.
		}
		jdbc.sql("""
				INSERT INTO meeting_profiles (event_id, account_id, person_name, municipality_id, represents, country_code, offers,
				                              languages, interpretation)
				SELECT ?, ?, 'Bat-Erdene', m.id, 'Darkhan', 'MN', '{WATER_SANITATION}', '{mn,en}', 'EN'
				FROM municipalities m WHERE m.geonames_id = 2031964
				ON CONFLICT (event_id, account_id) DO NOTHING
				""").params(event, me).update();
		long bonn = demoDelegate(site, "bonn");
		// One case at a time (two run side by side), and not in a slot where either already has a
		// meeting (another case may have booked one there): the portal's exclusion would refuse it.
		synchronized (MeetingPageTypes.class) {
			jdbc.sql("""
					INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, message)
					SELECT w.event_id, ?, ?, w.ends_at - interval '20 minutes', w.ends_at, NULL
					FROM meeting_windows w WHERE w.event_id = ?
					AND NOT EXISTS (SELECT 1 FROM meetings WHERE event_id = ? AND invitee_id = ?)
					AND NOT EXISTS (SELECT 1 FROM meeting_sides s WHERE s.busy AND s.account_id IN (?, ?)
					                AND s.during && tstzrange(w.ends_at - interval '20 minutes', w.ends_at))
					ORDER BY w.starts_at LIMIT 1
					""").params(bonn, me, event, event, me, bonn, me).update();
		}
		return PageCatalog.signedIn(page, site, AccountTestSupport.OFFICER_DARKHAN, path);
	}
}
