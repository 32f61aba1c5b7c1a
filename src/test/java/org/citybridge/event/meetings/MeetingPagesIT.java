package org.citybridge.event.meetings;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.event.EventDemoData;
import org.citybridge.event.IcsParser;
import org.citybridge.event.MeetingDemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The meeting pages over HTTP on the demo data's upcoming forum (booking open): opting in, the list
 * with reasons, asking, the schedule and its calendar, the organiser's page; and every forbidden
 * path answered 403 (or the sign-in page for a visitor), nothing changed.
 */
class MeetingPagesIT extends DemoDataIntegrationTest {

	static final String SLUG = EventDemoData.UPCOMING_SLUG;

	static final String BASE = "/events/" + SLUG + "/meetings";

	long event;

	@BeforeEach
	void setUp() {
		this.context.getBean(EventDemoData.class).load();
		this.context.getBean(MeetingDemoData.class).load();
		this.event = this.jdbc.sql("SELECT id FROM events WHERE slug = ?").param(SLUG).query(Long.class).single();
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("""
				DELETE FROM meeting_profiles WHERE event_id = ? AND account_id IN (SELECT id FROM accounts WHERE email = ?)
				""").params(this.event, AccountTestSupport.OFFICER_DARKHAN).update();
		this.jdbc.sql("""
				DELETE FROM registrations WHERE event_id = ? AND account_id IN (SELECT id FROM accounts WHERE email = ?)
				""").params(this.event, AccountTestSupport.OFFICER_DARKHAN).update();
	}

	long demoDelegate(String key) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param("demo.delegate." + key + "@citybridge.example")
			.query(Long.class).single();
	}

	void optIn(String email) {
		assertThat(this.mvc.post().uri("/events/" + SLUG + "/registration").with(csrf()).with(as(email)).param("action", "register"))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri(BASE + "/join").with(as(email))).hasStatusOk().bodyText()
			.contains("Take part in meetings").contains("Darkhan");
		assertThat(this.mvc.post().uri(BASE + "/join").with(csrf()).with(as(email))
			.param("personName", "Bat-Erdene").param("represents", "Darkhan").param("countryCode", "MN")
			.param("offers", "WATER_SANITATION").param("languages", "mn", "en").param("interpretation", "EN").param("consent", "true"))
			.hasStatus3xxRedirection().hasRedirectedUrl(BASE);
	}

	@Test
	void aRegisteredDelegateOptsInFindsReasonsAsksAndSeesItInTheScheduleAndCalendar() throws Exception {
		String me = AccountTestSupport.OFFICER_DARKHAN;
		optIn(me);

		assertThat(this.mvc.get().uri(BASE).with(as(me))).hasStatusOk().bodyText()
			.contains("Suggested meetings", "Delegate of Ghent (demo)", "Why this fits you");
		assertThat(this.mvc.get().uri(BASE + "?country=BE&theme=nonsense&language=zz").with(as(me))).hasStatusOk().bodyText()
			.contains("Delegate of Ghent (demo)").doesNotContain("Delegate of Bonn (demo)");
		assertThat(this.mvc.get().uri(BASE + "?page=abc").with(as(me))).hasStatusOk();
		assertThat(this.mvc.get().uri(BASE + "?page=-5").with(as(me))).hasStatusOk();
		assertThat(this.mvc.get().uri(BASE + "?page=99999999999999999999").with(as(me))).hasStatusOk();

		long ghent = demoDelegate("ghent");
		assertThat(this.mvc.get().uri(BASE + "/people/" + ghent).with(as(me))).hasStatusOk().bodyText()
			.contains("The first slot free for both of us");
		assertThat(this.mvc.post().uri(BASE + "/people/" + ghent).with(csrf()).with(as(me)).param("slot", "first")
			.param("message", "<script>alert(1)</script>")).hasStatus3xxRedirection().hasRedirectedUrl(BASE + "/mine");
		// Ghent's demo delegate has a meeting at 14:00: the first common slot is 14:20.
		MvcTestResult schedule = this.mvc.get().uri(BASE + "/mine?tz=Asia/Ulaanbaatar").with(as(me)).exchange();
		assertThat(schedule).hasStatusOk().bodyText().contains("Meeting with", "Delegate of Ghent (demo)", "Requested")
			.doesNotContain("<script>alert");

		// The same slot again: refused, the values kept, the message next to the field.
		assertThat(this.mvc.post().uri(BASE + "/people/" + demoDelegate("bonn")).with(csrf()).with(as(me))
			.param("slot", this.jdbc.sql("SELECT starts_at FROM meetings WHERE event_id = ? AND invitee_id = ?")
				.params(this.event, ghent).query(java.time.OffsetDateTime.class).list().stream()
				.map(t -> t.toInstant()).max(java.util.Comparator.naturalOrder()).orElseThrow().toString())
			.param("message", "Again")).hasStatusOk().bodyText().contains("You already have a meeting in this slot.", "Again");

		MvcTestResult ics = this.mvc.get().uri(BASE + "/mine.ics").with(as(me)).exchange();
		assertThat(ics).hasStatusOk();
		assertThat(IcsParser.events(IcsParser.parse(ics.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))))
			.extracting(e -> IcsParser.text(e, "SUMMARY")).contains("Meeting: Delegate of Ghent (demo) (Ghent)");
	}

	@Test
	void theOptInFormKeepsTheValuesAndNeedsConsent() {
		String me = AccountTestSupport.OFFICER_DARKHAN;
		this.mvc.post().uri("/events/" + SLUG + "/registration").with(csrf()).with(as(me)).param("action", "register").exchange();
		assertThat(this.mvc.post().uri(BASE + "/join").with(csrf()).with(as(me))
			.param("personName", "Bat-Erdene <b>").param("represents", "").param("countryCode", "MN"))
			.hasStatusOk().bodyText().contains("Bat-Erdene &lt;b&gt;", "Tick the box to agree to be listed.",
					"Enter the municipality or organisation you represent.");
		assertThat(this.jdbc.sql("SELECT count(*) FROM meeting_profiles WHERE event_id = ? AND person_name LIKE 'Bat-Erdene%'")
			.param(this.event).query(Long.class).single()).isZero();
	}

	@Test
	void theHostsStaffSeeTheOrganisersPageAndOthersAreRefused() {
		assertThat(this.mvc.get().uri("/events/" + SLUG + "/manage/meetings").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatusOk().bodyText().contains("Meeting programme", "Tables and interpretation per slot", "Mongolian ↔ English");
		assertThat(this.mvc.get().uri("/events/" + SLUG + "/manage/meetings").with(as("staff.nalas@citybridge.example")))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/events/" + SLUG + "/manage/meetings/tables").with(csrf())
			.with(as("staff.nalas@citybridge.example")).param("count", "5")).hasStatus(403);
		assertThat(this.mvc.post().uri("/events/" + SLUG + "/manage/meetings/windows").with(csrf())
			.with(as(AccountTestSupport.STAFF_CEMR)).param("day", "").param("startTime", "25:99").param("endTime", "10:00"))
			.hasStatusOk().bodyText().contains("Enter the day.");
		assertThat(this.mvc.post().uri("/events/" + SLUG + "/manage/meetings/1/mark").with(csrf())
			.with(as(AccountTestSupport.OFFICER_GHENT)).param("outcome", "HELD")).hasStatus(403);
	}

	@Test
	void aTableWithAnAcceptedMeetingStaysWithTheMessageNextToTheNumber() {
		String tables = "/events/" + SLUG + "/manage/meetings/tables/delete";
		assertThat(this.mvc.get().uri("/events/" + SLUG + "/manage/meetings").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().contains("Number of the table to remove", "action=\"" + tables + "\"");
		// The demo's accepted meeting is at table 1.
		assertThat(this.mvc.post().uri(tables).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("number", "1"))
			.hasStatusOk().bodyText()
			.contains("id=\"number-error\"", "1 meeting is placed at table 1, so it stays: its participants were told its number.",
					"value=\"1\"");
		// A count in every language (ICU plural): Mongolian and French too.
		assertThat(this.mvc.post().uri(tables).header("Accept-Language", "mn").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("number", "1"))
			.hasStatusOk().bodyText().contains("1 дугаартай ширээнд 1 уулзалт товлогдсон тул хасахгүй");
		assertThat(this.mvc.post().uri(tables).header("Accept-Language", "fr").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("number", "1"))
			.hasStatusOk().bodyText().contains("1 rendez-vous est placé à la table 1");
		assertThat(this.mvc.post().uri(tables).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("number", "998"))
			.hasStatusOk().bodyText().contains("There is no table 998.", "value=\"998\"");
		assertThat(this.mvc.post().uri(tables).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("number", "x<b>"))
			.hasStatusOk().bodyText().doesNotContain("x<b>");
		assertThat(this.mvc.post().uri(tables).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("number", ""))
			.hasStatusOk().bodyText().contains("Enter the number of the table to remove.");
		// Only the host's staff remove a table.
		assertThat(this.mvc.post().uri(tables).with(csrf()).with(as("staff.nalas@citybridge.example")).param("number", "10"))
			.hasStatus(403);
		assertThat(this.mvc.post().uri(tables).with(csrf()).with(as(AccountTestSupport.OFFICER_GHENT)).param("number", "10"))
			.hasStatus(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM meeting_tables WHERE event_id = ?").param(this.event).query(Long.class)
			.single()).isEqualTo(10);
	}

	@Test
	void peopleWhoAreNotParticipantsAreRefused() {
		String stranger = AccountTestSupport.OFFICER_GHENT;
		assertThat(this.mvc.get().uri(BASE)).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri(BASE).with(as(stranger))).hasStatus(403);
		assertThat(this.mvc.get().uri(BASE + "/join").with(as(stranger))).hasStatus(403);
		assertThat(this.mvc.post().uri(BASE + "/join").with(csrf()).with(as(stranger)).param("personName", "X")
			.param("represents", "Ghent").param("countryCode", "BE").param("consent", "true")).hasStatus(403);
		assertThat(this.mvc.post().uri(BASE + "/people/" + demoDelegate("ghent")).with(csrf()).with(as(stranger))
			.param("slot", "first")).hasStatus(403);
		long requested = this.jdbc.sql("SELECT id FROM meetings WHERE event_id = ? AND status = 'REQUESTED'").param(this.event)
			.query(Long.class).list().get(0);
		assertThat(this.mvc.post().uri(BASE + "/" + requested + "/accept").with(csrf()).with(as(stranger))).hasStatus(403);
		assertThat(this.mvc.post().uri(BASE + "/" + requested + "/accept")).hasStatus(403);
		assertThat(this.mvc.get().uri(BASE + "/people/abc").with(as(stranger))).hasStatus(403);
		assertThat(this.mvc.get().uri("/events/no-such-event/meetings").with(as(stranger))).hasStatus(404);
		assertThat(this.jdbc.sql("SELECT status FROM meetings WHERE id = ?").param(requested).query(String.class).single())
			.isEqualTo("REQUESTED");
	}

	@Test
	void afterAHeldMeetingAnOfficerContinuesAsAPartnershipRequestWithTheThemesTheyShare() {
		long brussels = this.jdbc.sql("SELECT id FROM events WHERE slug = ?").param(EventDemoData.SLUG).query(Long.class).single();
		long darkhan = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(AccountTestSupport.OFFICER_DARKHAN)
			.query(Long.class).single();
		long ghent = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(AccountTestSupport.OFFICER_GHENT)
			.query(Long.class).single();
		long ghentCity = this.jdbc.sql("SELECT municipality_id FROM accounts WHERE id = ?").param(ghent).query(Long.class).single();
		try {
			for (long person : java.util.List.of(darkhan, ghent)) {
				this.jdbc.sql("""
						INSERT INTO meeting_profiles (event_id, account_id, person_name, municipality_id, represents, country_code,
						                              offers, seeks)
						SELECT ?, a.id, a.display_name, a.municipality_id, m.name, m.country_code, ?, ?
						FROM accounts a JOIN municipalities m ON m.id = a.municipality_id WHERE a.id = ?
						""").params(brussels, person == darkhan ? new String[0] : new String[] { "WATER_SANITATION" },
						person == darkhan ? new String[] { "WATER_SANITATION" } : new String[0], person).update();
			}
			long meeting = this.jdbc.sql("""
					INSERT INTO meetings (event_id, requester_id, invitee_id, starts_at, ends_at, status, table_id)
					VALUES (?, ?, ?, TIMESTAMPTZ '2025-02-17 10:40 Europe/Brussels', TIMESTAMPTZ '2025-02-17 11:00 Europe/Brussels',
					        'HELD', (SELECT id FROM meeting_tables WHERE event_id = ? AND number = 9)) RETURNING id
					""").params(brussels, darkhan, ghent, brussels).query(Long.class).single();

			// The link names the meeting, so that the request records it and the agreement it may open names the forum.
			assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG + "/meetings/mine").with(as(AccountTestSupport.OFFICER_DARKHAN)))
				.hasStatusOk().bodyText().contains("Continue as a partnership request",
						"href=\"/municipalities/" + ghentCity + "/requests/new?themes=WATER_SANITATION&amp;meeting=" + meeting + "\"");
			assertThat(this.mvc.get().uri("/municipalities/" + ghentCity + "/requests/new?themes=WATER_SANITATION&meeting=" + meeting)
				.with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
				.contains("This request continues your meeting at", "value=\"" + meeting + "\"");
		}
		finally {
			this.jdbc.sql("DELETE FROM meeting_profiles WHERE event_id = ? AND account_id IN (?, ?)").params(brussels, darkhan, ghent)
				.update();
		}
	}

	/**
	 * Why each participant fits is kept between views (per municipality and language, for the
	 * content version and minute it was computed at): an agreement registered between two
	 * participants' municipalities shows on the next view, not a minute later.
	 */
	@Test
	void anAgreementRegisteredBetweenViewsShowsAtOnceAmongTheReasons() throws Exception {
		String me = AccountTestSupport.OFFICER_DARKHAN;
		optIn(me);
		long darkhan = this.jdbc.sql("SELECT municipality_id FROM accounts WHERE email = ?").param(me).query(Long.class).single();
		// A participant's municipality that is not yet Darkhan's partner (other tests may have made some so).
		long ghent = this.jdbc.sql("""
				SELECT p.municipality_id FROM meeting_profiles p
				WHERE p.event_id = ? AND p.municipality_id <> ? AND NOT EXISTS (SELECT 1 FROM agreements g
				  WHERE g.status <> 'ENDED' AND g.party_key @> ARRAY[?, p.municipality_id]::bigint[])
				ORDER BY p.municipality_id LIMIT 1""").params(this.event, darkhan, darkhan)
			.query(Long.class).single();
		String before = this.mvc.get().uri(BASE).with(as(me)).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		int partnersBefore = before.split("Partners already", -1).length;
		long agreement = this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key) VALUES ('MEMORANDUM', 'Memorandum of Darkhan (test)', 'ACTIVE', ?)
				RETURNING id""").param(new Long[] { Math.min(darkhan, ghent), Math.max(darkhan, ghent) }).query(Long.class).single();
		try {
			String after = this.mvc.get().uri(BASE).with(as(me)).exchange().getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(after.split("Partners already", -1).length).isGreaterThan(partnersBefore);
		}
		finally {
			this.jdbc.sql("DELETE FROM agreements WHERE id = ?").param(agreement).update();
		}
	}
}
