package org.citybridge.portal.home;

import java.util.ArrayList;
import java.util.List;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.BONN;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.KAPOSVAR;
import static org.citybridge.DemoPlaces.NIS;
import static org.citybridge.DemoPlaces.ZEITZ;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Each role's home, where signing in lands, shows that person's own work, each item linking where it is done. */
class HomesIT extends DemoDataIntegrationTest {

	private final List<Long> requests = new ArrayList<>();

	private final List<Long> agreements = new ArrayList<>();

	private final List<Long> studies = new ArrayList<>();

	private final List<Long> events = new ArrayList<>();

	private final List<String> accounts = new ArrayList<>();

	long darkhan;

	long ghent;

	long nis;

	long kaposvar;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.nis = AccountTestSupport.municipalityId(this.context, NIS);
		this.kaposvar = AccountTestSupport.municipalityId(this.context, KAPOSVAR);
	}

	@AfterEach
	void removeOwnRows() {
		this.studies.forEach(id -> this.jdbc.sql("DELETE FROM case_studies WHERE id = ?").param(id).update());
		this.requests.forEach(id -> this.jdbc.sql("DELETE FROM partnership_requests WHERE id = ?").param(id).update());
		this.agreements.forEach(id -> this.jdbc.sql("DELETE FROM agreements WHERE id = ?").param(id).update());
		this.events.forEach(id -> this.jdbc.sql("DELETE FROM events WHERE id = ?").param(id).update());
		this.accounts.forEach(email -> this.jdbc.sql("DELETE FROM accounts WHERE email = ?").param(email).update());
	}

	@Test
	void anAnonymousVisitorIsSentToSignInAndBackHome() {
		assertThat(this.mvc.get().uri("/home")).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login?next=/home");
	}

	@Test
	void signingInWithoutNextLandsHomeAndWithNextOnThatPage() {
		RequestPostProcessor from = request -> {
			request.setRemoteAddr("198.51.100.77");
			return request;
		};
		MvcTestResult home = this.mvc.post().uri("/login").with(csrf()).with(from)
			.param("username", AccountTestSupport.OFFICER_GHENT).param("password", AccountTestSupport.PASSWORD).exchange();
		assertThat(home.getResponse().getRedirectedUrl()).endsWith("/home");
		MvcTestResult next = this.mvc.post().uri("/login").with(csrf()).with(from)
			.param("username", AccountTestSupport.OFFICER_GHENT).param("password", AccountTestSupport.PASSWORD)
			.param("next", "/agreements?sort=title").exchange();
		assertThat(next.getResponse().getRedirectedUrl()).isEqualTo("/agreements?sort=title");
		MvcTestResult elsewhere = this.mvc.post().uri("/login").with(csrf()).with(from)
			.param("username", AccountTestSupport.OFFICER_GHENT).param("password", AccountTestSupport.PASSWORD)
			.param("next", "//evil.example/").exchange();
		assertThat(elsewhere.getResponse().getRedirectedUrl()).endsWith("/home");
	}

	@Test
	void anOfficerSeesTheirMunicipalityByNameAndTheRequestWaitingForTheirAnswerButNotOthers() {
		long waiting = request(this.ghent, this.darkhan, AccountTestSupport.OFFICER_GHENT, 3);
		long others = request(this.kaposvar, this.nis, null, 1);
		String html = page("/home", AccountTestSupport.OFFICER_DARKHAN);
		assertThat(html).contains("<h1>Darkhan: your work</h1>", "Darkhan’s profile",
				"href=\"/municipalities/" + this.darkhan + "\"", "Request from Ghent (Belgium)",
				"href=\"/requests/" + waiting + "\"", "waiting 3 days");
		assertThat(html).doesNotContain("href=\"/requests/" + others + "\"");
		assertThat(page("/home", AccountTestSupport.OFFICER_GHENT)).doesNotContain("href=\"/requests/" + waiting + "\"")
			.contains("No request waits for your answer.");
	}

	@Test
	void anOfficerSeesStaffChangesToTheirAgreementsAndAVisitIsRemembered() {
		long agreement = agreement(this.darkhan, AccountTestSupport.municipalityId(this.context, ZEITZ), "2001-01-01",
				AccountTestSupport.OFFICER_DARKHAN);
		this.jdbc.sql("""
				INSERT INTO audit_entries (actor_account_id, actor_label, entity_type, entity_id, action)
				SELECT id, display_name, 'agreement', ?, 'UPDATE' FROM accounts WHERE email = ?
				""").params(String.valueOf(agreement), AccountTestSupport.STAFF_CEMR).update();
		String html = page("/home", AccountTestSupport.OFFICER_DARKHAN);
		assertThat(html).contains("href=\"/agreements/" + agreement + "\"", "changed by Claude Staff (CEMR)");
		assertThat(this.jdbc.sql("SELECT count(*) FROM home_visits v JOIN accounts a ON a.id = v.account_id WHERE a.email = ?")
			.param(AccountTestSupport.OFFICER_DARKHAN).query(Long.class).single()).isOne();
		assertThat(page("/home", AccountTestSupport.OFFICER_DARKHAN)).contains("Your last visit:");
	}

	@Test
	void suggestionsNotShownOnTheLastVisitAreMarkedNewOnce() {
		this.jdbc.sql("""
				INSERT INTO home_visits (account_id, visited_at, suggestion_ids)
				SELECT id, now() - interval '2 days', '{}' FROM accounts WHERE email = ?
				ON CONFLICT (account_id) DO UPDATE SET visited_at = EXCLUDED.visited_at, suggestion_ids = '{}'
				""").param(AccountTestSupport.OFFICER_DARKHAN).update();
		String first = page("/home", AccountTestSupport.OFFICER_DARKHAN);
		assertThat(first).contains("Suggested partners", "new since your last visit").doesNotContain("No partner to suggest yet");
		assertThat(page("/home", AccountTestSupport.OFFICER_DARKHAN)).doesNotContain("new since your last visit");
	}

	@Test
	void theHomeSpeaksMongolianAndFrench() {
		assertThat(page("/home?lang=mn", AccountTestSupport.OFFICER_DARKHAN)).contains("таны ажил", "Таны хариуг хүлээж буй хүсэлт");
		assertThat(page("/home?lang=fr", AccountTestSupport.STAFF_NALAS)).contains("Files de vérification");
	}

	@Test
	void staffSeeUnverifiedAgreementsWithCountriesAndProposerOldestFirstAndTheirMembersRequests() {
		long newer = agreement(this.ghent, AccountTestSupport.municipalityId(this.context, BONN), "1990-01-02",
				AccountTestSupport.OFFICER_GHENT);
		long older = agreement(this.darkhan, AccountTestSupport.municipalityId(this.context, ZEITZ), "1990-01-01",
				AccountTestSupport.OFFICER_DARKHAN);
		long members = request(this.kaposvar, this.nis, null, 2);
		long study = this.jdbc.sql("""
				INSERT INTO case_studies (title, summary, body, language, status, created_at)
				VALUES ('Waiting study for the home', 'S', 'B', 'en', 'PENDING', now() - interval '3 days 2 hours') RETURNING id
				""").query(Long.class).single();
		this.studies.add(study);
		for (String path : List.of("/home", "/agreements/unverified")) {
			String html = page(path, AccountTestSupport.STAFF_NALAS);
			assertThat(html).contains("Darkhan", "(<span>Mongolia</span>)", "(<span>Germany</span>)", "(<span>Belgium</span>)",
					"Proposed by Bat-Erdene Officer (Darkhan)", "Proposed by Griet Officer (Ghent)");
			assertThat(html.indexOf("href=\"/agreements/" + older + "\"")).isPositive()
				.isLessThan(html.indexOf("href=\"/agreements/" + newer + "\""));
			if (path.equals("/home")) {
				assertThat(html).contains("href=\"/requests/" + members + "\"", "Kaposvár (Hungary) to Niš (Serbia)");
				assertThat(html.substring(html.indexOf("Waiting study for the home")))
					.as("a case study waiting for approval says for how long").contains("waiting 3 days");
			}
		}
	}

	@Test
	void aDelegateSeesTheirRegistrationAndTodaysStarredSession() {
		String email = "delegate-" + AccountTestSupport.tag() + "@citybridge.example";
		this.accounts.add(email);
		long account = this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, password_hash, role, enabled)
				SELECT ?, 'Dana Delegate', password_hash, 'DELEGATE', true FROM accounts WHERE email = ? RETURNING id
				""").params(email, AccountTestSupport.ADMIN).query(Long.class).single();
		String slug = "home-forum-" + AccountTestSupport.tag();
		long event = this.jdbc.sql("""
				INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name, registration_open)
				SELECT ?, 'Home forum', 'FORUM', min(id), CAST(now() AT TIME ZONE 'Europe/Brussels' AS date),
				       CAST(now() AT TIME ZONE 'Europe/Brussels' AS date) + 1, 'Europe/Brussels', 'Hall', true FROM organisations
				RETURNING id
				""").param(slug).query(Long.class).single();
		this.events.add(event);
		long session = this.jdbc.sql("""
				INSERT INTO sessions (event_id, title, starts_at, ends_at, kind)
				VALUES (?, 'Morning plenary of today', (date_trunc('day', now() AT TIME ZONE 'Europe/Brussels') + interval '10 hours') AT TIME ZONE 'Europe/Brussels',
				        (date_trunc('day', now() AT TIME ZONE 'Europe/Brussels') + interval '11 hours') AT TIME ZONE 'Europe/Brussels', 'PLENARY')
				RETURNING id
				""").param(event).query(Long.class).single();
		this.jdbc.sql("INSERT INTO registrations (event_id, account_id, status) VALUES (?, ?, 'CONFIRMED')").params(event, account).update();
		this.jdbc.sql("INSERT INTO agenda_stars (account_id, session_id) VALUES (?, ?)").params(account, session).update();
		String html = page("/home", email);
		assertThat(html).contains("<h1>My events</h1>", "href=\"/events/" + slug + "\"", "Home forum", "seat confirmed",
				"href=\"/events/" + slug + "/sessions/" + session + "\"", "Morning plenary of today", "10:00");
	}

	@Test
	void anAdministratorSeesAccountsBarriersAndTheOutbox() {
		String subject = "Home check " + AccountTestSupport.tag();
		long report = this.jdbc.sql("""
				INSERT INTO barrier_reports (page, description, language, created_at)
				VALUES ('/events', 'The agenda table has no headers', 'en', '2000-01-01T00:00Z') RETURNING id
				""").query(Long.class).single();
		this.jdbc.sql("INSERT INTO outbox_messages (recipient, subject, body) VALUES ('someone@example.org', ?, 'x')").param(subject).update();
		String html = page("/home", AccountTestSupport.ADMIN);
		assertThat(html).contains("<h1>Administration</h1>", "active accounts", "href=\"/admin/accounts\"",
				"href=\"/accessibility/reports\"", subject, "href=\"/admin/outbox\"",
				"href=\"/accessibility/reports#report-" + report + "\"");
		assertThat(page("/accessibility/reports", AccountTestSupport.ADMIN)).as("each report has its own anchor")
			.contains("id=\"report-" + report + "\"");
		this.jdbc.sql("DELETE FROM barrier_reports WHERE id = ?").param(report).update();
	}

	@Test
	void theHeaderLinksEverySignedInPersonToTheirHome() {
		assertThat(page("/agreements", AccountTestSupport.STAFF_CEMR)).contains("href=\"/home\"");
		assertThat(this.mvc.get().uri("/agreements")).bodyText().doesNotContain("href=\"/home\"");
	}

	private String page(String path, String email) {
		MvcTestResult result = this.mvc.get().uri(path).header("Accept-Language", "en").with(as(email)).exchange();
		assertThat(result).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long request(long from, long to, String sender, int daysAgo) {
		long id = this.jdbc.sql("""
				INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message, sent_by, sent_at, last_step_at)
				VALUES (?, ?, 'Shall we work together?', (SELECT id FROM accounts WHERE email = ?),
				        now() - make_interval(days => ?) - interval '1 hour', now() - make_interval(days => ?))
				RETURNING id
				""").params(from, to, sender, daysAgo, daysAgo).query(Long.class).single();
		this.requests.add(id);
		return id;
	}

	private long agreement(long a, long b, String createdOn, String proposer) {
		long id = this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key, proposed_by_account_id, created_by_account_id, created_at, updated_at)
				SELECT 'TWINNING_PROJECT', 'Home check project ' || ?, 'DRAFT', ARRAY[CAST(? AS bigint), CAST(? AS bigint)], id, id,
				       CAST(? AS timestamptz), CAST(? AS timestamptz) FROM accounts WHERE email = ?
				RETURNING id
				""").params(AccountTestSupport.tag(), a, b, createdOn, createdOn, proposer).query(Long.class).single();
		this.agreements.add(id);
		return id;
	}
}
