package org.citybridge.event;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The host's staff build the programme; a clash comes back as a form message naming the other session. */
class SessionFormIT extends DemoDataIntegrationTest {

	static final String NEW = "/events/" + EventDemoData.SLUG + "/sessions/new";

	long hall;

	long raicevic;

	@BeforeEach
	void setUp() {
		this.context.getBean(EventDemoData.class).load();
		this.hall = this.jdbc.sql("SELECT r.id FROM rooms r JOIN events e ON e.id = r.event_id WHERE e.slug = ? AND r.name = ?")
			.params(EventDemoData.SLUG, "House of Municipalities").query(Long.class).single();
		this.raicevic = this.jdbc.sql("SELECT id FROM speakers WHERE name = 'Dusan Raicevic'").query(Long.class).single();
	}

	MockMvcRequestBuilder post(String uri, String email, String title, String day, String start, String end, Long room) {
		MockMvcRequestBuilder request = this.mvc.post().uri(uri).with(csrf()).with(as(email)).param("title", title)
			.param("day", day).param("startTime", start).param("endTime", end).param("kind", "PANEL").param("version", "0");
		if (room != null) {
			request.param("roomId", String.valueOf(room));
		}
		return request;
	}

	@Test
	void onlyTheHostsStaffAndAdministratorsOpenTheForm() {
		assertThat(this.mvc.get().uri(NEW)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.get().uri(NEW).with(as(AccountTestSupport.STAFF_NALAS))).hasStatus(403);
		assertThat(this.mvc.get().uri(NEW).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri(NEW).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("Add a session", "Europe/Brussels");
		assertThat(this.mvc.get().uri(NEW).with(as(AccountTestSupport.ADMIN))).hasStatusOk();
		assertThat(post(NEW, AccountTestSupport.STAFF_NALAS, "Not mine", "2025-02-18", "16:00", "17:00", null)).hasStatus(403);
	}

	@Test
	void aRoomClashComesBackAsAFormErrorNamingTheOtherSession() {
		long before = sessions();
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "<b>Clashing</b> panel", "2025-02-17", "11:00", "12:00", this.hall))
			.hasStatusOk().bodyText()
			.contains("This room is already taken at that time by",
					"Networking meeting: Mongolian delegation and European stakeholders in decentralised cooperation")
			.contains("value=\"&lt;b&gt;Clashing&lt;/b&gt; panel\"");
		assertThat(sessions()).isEqualTo(before);
	}

	@Test
	void aSpeakerClashComesBackAsAFormErrorNamingTheOtherSession() {
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Double-booked", "2025-02-17", "12:00", "13:00", null)
			.param("speakerIds", String.valueOf(this.raicevic))).hasStatusOk().bodyText()
			.contains("A speaker is already in another session at that time",
					"Dusan Raicevic – Four strategic focus areas for city-to-city partnerships");
	}

	@Test
	void refusesAnEndBeforeTheStartADayOutsideTheEventAndBadTimes() {
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Backwards", "2025-02-18", "15:00", "14:00", null)).hasStatusOk()
			.bodyText().contains("The session must end after it starts.");
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Too late", "2025-02-21", "10:00", "11:00", null)).hasStatusOk()
			.bodyText().contains("The session must take place within the event’s dates.");
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Bad times", "not a day", "25:99", "", null)).hasStatusOk()
			.bodyText().contains("This value is not in the expected format.", "value=\"not a day\"", "value=\"Bad times\"");
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, " ", "2025-02-18", "15:00", "16:00", null)).hasStatusOk()
			.bodyText().contains("Enter a title.");
	}

	@Test
	void createsAndEditsASessionAuditedAndRefusesAStaleEdit() {
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Study visit debrief", "2025-02-19", "16:30", "17:30", this.hall)
			.param("speakerIds", String.valueOf(this.raicevic))).hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM sessions WHERE title = 'Study visit debrief'").query(Long.class).single();
		String edit = "/events/" + EventDemoData.SLUG + "/sessions/" + id + "/edit";
		assertThat(this.mvc.get().uri(edit).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("value=\"Study visit debrief\"", "value=\"16:30\"");
		assertThat(post(edit, AccountTestSupport.STAFF_CEMR, "Study visit debrief (moved)", "2025-02-19", "17:00", "18:00",
				this.hall)).hasStatus3xxRedirection();
		assertThat(post(edit, AccountTestSupport.STAFF_CEMR, "Lost edit", "2025-02-19", "17:00", "18:00", this.hall))
			.hasStatusOk().bodyText().contains("Someone else changed this session");
		assertThat(this.jdbc.sql("SELECT title FROM sessions WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Study visit debrief (moved)");
		assertThat(this.jdbc.sql("SELECT count(*) FROM session_speakers WHERE session_id = ?").param(id).query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'session' AND entity_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
		assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG + "/sessions/abc/edit").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatus(404);
	}

	@Test
	void aMongolianReaderSeesTheForumInMongolianAndAFrenchReaderInFrench() {
		String event = "/events/" + EventDemoData.SLUG;
		assertThat(this.mvc.get().uri(event + "?lang=mn")).hasStatusOk().bodyText()
			.contains("Хот хоорондын түншлэлийн харилцаа тогтоох, шилдэг туршлага хуваалцах форум", "Институцийн түншлэл",
					"Муниципалитетуудын ордон", "Ерөнхийлөгч")
			.contains("<h1>Хот хоорондын түншлэлийн харилцаа тогтоох, шилдэг туршлага хуваалцах форум</h1>")
			// The JSON-LD for search engines keeps the original; nothing a reader sees is left in English.
			.doesNotContain("<h1>Networking and Best Practice Forum", "class=\"original-lang\"");
		assertThat(this.mvc.get().uri(event + "/agenda?lang=mn&day=2025-02-17")).hasStatusOk().bodyText()
			.contains("Хот хоорондын түншлэлийн стратегийн дөрвөн чиглэл", "Муниципалитетуудын ордон")
			.doesNotContain("Four strategic focus areas for city-to-city partnerships");
		assertThat(this.mvc.get().uri(event + "/agenda?lang=fr&day=2025-02-17")).hasStatusOk().bodyText()
			.contains("Quatre axes stratégiques pour les partenariats entre villes", "Maison des communes");
	}

	@Test
	void aTextNobodyTranslatedShowsTheOriginalMarkedAsEnglishWithANote() {
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Untranslated debrief", "2025-02-20", "15:00", "16:00", null))
			.hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM sessions WHERE title = 'Untranslated debrief'").query(Long.class).single();
		String page = "/events/" + EventDemoData.SLUG + "/sessions/" + id;
		try {
			assertThat(this.mvc.get().uri(page + "?lang=mn")).hasStatusOk().bodyText()
				.contains("<span lang=\"en\">Untranslated debrief</span> <small class=\"original-lang\">англиар</small>");
			assertThat(this.mvc.get().uri(page + "?lang=fr")).hasStatusOk().bodyText()
				.contains("<span lang=\"en\">Untranslated debrief</span> <small class=\"original-lang\">en anglais</small>");
			assertThat(this.mvc.get().uri("/events/" + EventDemoData.SLUG + "/agenda?lang=mn&day=2025-02-20")).hasStatusOk()
				.bodyText().contains("<span lang=\"en\">Untranslated debrief</span> <small class=\"original-lang\">англиар</small>");
			// In its own language it is plain text, with no note.
			assertThat(this.mvc.get().uri(page + "?lang=en")).hasStatusOk().bodyText()
				.contains("<h1>Untranslated debrief</h1>").doesNotContain("original-lang");
		}
		finally {
			this.jdbc.sql("DELETE FROM sessions WHERE id = ?").param(id).update();
		}
	}

	@Test
	void translationsComeBackWithTheFormWhenOneIsTooLongAndAreShownOnceSaved() {
		String longFrench = "x".repeat(301);
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Translated debrief", "2025-02-20", "16:00", "17:00", null)
			.param("titleMn", "Орчуулсан хэлэлцүүлэг").param("titleFr", longFrench)).hasStatusOk().bodyText()
			.contains("value=\"Орчуулсан хэлэлцүүлэг\"", "value=\"" + longFrench + "\"", "id=\"titleFr-error\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM sessions WHERE title = 'Translated debrief'").query(Long.class).single())
			.isZero();
		assertThat(post(NEW, AccountTestSupport.STAFF_CEMR, "Translated debrief", "2025-02-20", "16:00", "17:00", null)
			.param("titleMn", "Орчуулсан хэлэлцүүлэг").param("titleFr", "Débriefing traduit")).hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM sessions WHERE title = 'Translated debrief'").query(Long.class).single();
		String page = "/events/" + EventDemoData.SLUG + "/sessions/" + id;
		try {
			assertThat(this.mvc.get().uri(page + "?lang=mn")).hasStatusOk().bodyText()
				.contains("<h1>Орчуулсан хэлэлцүүлэг</h1>");
			assertThat(this.mvc.get().uri(page + "?lang=fr")).hasStatusOk().bodyText().contains("<h1>Débriefing traduit</h1>");
			assertThat(this.mvc.get().uri(page + "/edit").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
				.contains("value=\"Орчуулсан хэлэлцүүлэг\"", "briefing traduit\"");
		}
		finally {
			this.jdbc.sql("DELETE FROM sessions WHERE id = ?").param(id).update();
		}
	}

	@Test
	void whoDoesNotBuildTheProgrammeCannotWriteTranslations() {
		String before = this.jdbc.sql("SELECT translations::text FROM events WHERE slug = ?").param(EventDemoData.SLUG)
			.query(String.class).single();
		for (String email : new String[] { AccountTestSupport.STAFF_NALAS, AccountTestSupport.OFFICER_DARKHAN }) {
			assertThat(this.mvc.post().uri("/events/" + EventDemoData.SLUG + "/edit").with(csrf()).with(as(email))
				.param("title", "Hijacked").param("titleMn", "Булаасан").param("kind", "FORUM").param("startsOn", "2025-02-17")
				.param("endsOn", "2025-02-20").param("timeZone", "Europe/Brussels").param("venueName", "Hall")
				.param("version", "0")).hasStatus(403);
			assertThat(post(NEW, email, "Hijacked", "2025-02-20", "16:00", "17:00", null).param("titleMn", "Булаасан"))
				.hasStatus(403);
		}
		assertThat(this.jdbc.sql("SELECT translations::text FROM events WHERE slug = ?").param(EventDemoData.SLUG)
			.query(String.class).single()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sessions WHERE translations::text LIKE '%Булаасан%'").query(Long.class)
			.single()).isZero();
	}

	private long sessions() {
		return this.jdbc.sql("SELECT count(*) FROM sessions").query(Long.class).single();
	}
}
