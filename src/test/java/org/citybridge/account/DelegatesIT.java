package org.citybridge.account;

import java.util.List;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.event.EventDemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * What a delegate may do (register, star sessions, keep a calendar feed, keep an agenda kept in an
 * address, manage their account and its language) and may not (anything an officer or staff
 * does); and a delegate raised to officer by staff, through the invitation rules.
 */
class DelegatesIT extends DemoDataIntegrationTest {

	static final String FORUM = "/events/" + EventDemoData.SLUG;

	static final String PASSWORD = "my own delegate password";

	String email;

	long id;

	@BeforeEach
	void delegate() {
		this.context.getBean(EventDemoData.class).load();
		this.email = "delegate-" + AccountTestSupport.tag() + "@delegates.example";
		this.id = this.jdbc.sql("""
				INSERT INTO accounts (email, display_name, role, enabled, password_hash, language)
				VALUES (?, 'Dee Delegate', 'DELEGATE', true, ?, 'mn') RETURNING id""")
			.params(this.email, this.context.getBean(PasswordEncoder.class).encode(PASSWORD))
			.query(Long.class)
			.single();
	}

	@AfterEach
	void leaveNothingBehind() {
		this.jdbc.sql("DELETE FROM registrations WHERE account_id = ?").param(this.id).update();
		this.jdbc.sql("DELETE FROM agenda_stars WHERE account_id = ?").param(this.id).update();
		this.jdbc.sql("DELETE FROM agenda_feeds WHERE account_id = ?").param(this.id).update();
		// A raised delegate stays an officer, but no longer receives the municipality's mail.
		this.jdbc.sql("UPDATE accounts SET enabled = false WHERE id = ?").param(this.id).update();
	}

	long session(String title) {
		return this.jdbc.sql("SELECT id FROM sessions WHERE title LIKE ?").param(title).query(Long.class).single();
	}

	long count(String sql) {
		return this.jdbc.sql(sql).param(this.id).query(Long.class).single();
	}

	@Test
	void aDelegateRegistersStarsSessionsAndKeepsACalendarFeed() {
		// An event of its own, a month from now, open for registration.
		org.citybridge.event.EventFixtures fixture = new org.citybridge.event.EventFixtures(this.jdbc);
		this.jdbc.sql("UPDATE events SET starts_on = current_date + 30, ends_on = current_date + 31, registration_open = true WHERE id = ?")
			.param(fixture.event).update();
		String upcoming = "/events/" + fixture.slug;
		// Without an account, the event offers signing in and signing up, both returning to it.
		assertThat(this.mvc.get().uri(upcoming)).hasStatusOk().bodyText()
			.contains("href=\"/login?next=" + upcoming + "\"", "href=\"/signup?next=" + upcoming + "\"");
		assertThat(this.mvc.post().uri(upcoming + "/registration").with(csrf()).with(as(this.email)).param("action", "register"))
			.hasStatus3xxRedirection();
		assertThat(count("SELECT count(*) FROM registrations WHERE account_id = ?")).isEqualTo(1);
		long twinning = session("Twinning and TAIEX%");
		assertThat(this.mvc.post().uri(FORUM + "/sessions/" + twinning + "/star").with(csrf()).with(as(this.email))
			.param("starred", "true")).hasStatus3xxRedirection();
		assertThat(count("SELECT count(*) FROM agenda_stars WHERE account_id = ?")).isEqualTo(1);
		assertThat(this.mvc.post().uri(FORUM + "/my/feed").with(csrf()).with(as(this.email))).hasStatus3xxRedirection();
		assertThat(count("SELECT count(*) FROM agenda_feeds WHERE account_id = ?")).isEqualTo(1);
		assertThat(this.mvc.post().uri(upcoming + "/registration").with(csrf()).with(as(this.email)).param("action", "cancel"))
			.hasStatus3xxRedirection();
	}

	@Test
	void anAgendaKeptInAnAddressIsKeptInTheAccountOnceEvenWithSessionsAlreadyStarred() {
		long twinning = session("Twinning and TAIEX%");
		long closing = session("Closing plenary%");
		this.jdbc.sql("INSERT INTO agenda_stars (account_id, session_id) VALUES (?, ?)").params(this.id, twinning).update();
		String shared = twinning + "," + closing + ",abc,999999999";
		assertThat(this.mvc.get().uri(FORUM + "/my").param("s", shared).with(as(this.email))).hasStatusOk().bodyText()
			.contains("action=\"" + FORUM + "/my/keep\"");
		assertThat(this.mvc.get().uri(FORUM + "/my").param("s", shared)).hasStatusOk().bodyText()
			.doesNotContain("/my/keep").contains("/signup?next=");
		assertThat(this.mvc.post().uri(FORUM + "/my/keep").param("s", shared).with(as(this.email))).hasStatus(403);
		MvcTestResult kept = this.mvc.post().uri(FORUM + "/my/keep").with(csrf()).param("s", shared).with(as(this.email)).exchange();
		assertThat(kept).hasStatus3xxRedirection().hasRedirectedUrl(FORUM + "/my");
		assertThat(this.mvc.post().uri(FORUM + "/my/keep").with(csrf()).param("s", shared).with(as(this.email)))
			.hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT session_id FROM agenda_stars WHERE account_id = ? ORDER BY session_id").param(this.id)
			.query(Long.class).list()).containsExactlyInAnyOrder(twinning, closing);
		// Without an account there is nothing to keep the list in.
		assertThat(this.mvc.post().uri(FORUM + "/my/keep").with(csrf()).param("s", shared)).hasStatus3xxRedirection();
	}

	@Test
	void aDelegateIsRefusedWhatOfficersAndStaffDo() {
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		long requests = this.jdbc.sql("SELECT count(*) FROM partnership_requests").query(Long.class).single();
		assertThat(this.mvc.get().uri("/municipalities/" + nis + "/requests/new").with(as(this.email))).hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/" + nis + "/requests/new").with(csrf()).with(as(this.email))
			.param("themes", "SMART_CITY").param("message", "Dear colleagues, a delegate writes to you here.")).hasStatus(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_requests").query(Long.class).single()).isEqualTo(requests);
		long agreements = this.jdbc.sql("SELECT count(*) FROM agreements").query(Long.class).single();
		assertThat(this.mvc.get().uri("/agreements/new").with(as(this.email))).hasStatus(403);
		assertThat(this.mvc.post().uri("/agreements/new").with(csrf()).with(as(this.email)).param("title", "A delegate's pact"))
			.hasStatus(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM agreements").query(Long.class).single()).isEqualTo(agreements);
		assertThat(this.mvc.get().uri("/municipalities/" + darkhan + "/edit").with(as(this.email))).hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/" + darkhan + "/edit").with(csrf()).with(as(this.email))
			.param("version", "0").param("website", "https://delegate.example")).hasStatus(403);
		long accounts = this.jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single();
		assertThat(this.mvc.get().uri("/account/invitations").with(as(this.email))).hasStatus(403);
		assertThat(this.mvc.post().uri("/account/invitations").with(csrf()).with(as(this.email)).param("email", "x@y.example")
			.param("displayName", "X").param("role", "OFFICER").param("municipality", "Darkhan")).hasStatus(403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isEqualTo(accounts);
		for (String page : List.of("/admin/accounts", "/audit", "/agreements/unverified", "/events/new", "/funding/new",
				"/learn/training/new")) {
			assertThat(this.mvc.get().uri(page).with(as(this.email))).as(page).hasStatus(403);
		}
	}

	@Test
	void theDelegatesAccountPageHasNoOfficerOrStaffLinksAndSetsTheLanguageOfMails() {
		assertThat(this.mvc.get().uri("/account").with(as(this.email))).hasStatusOk().bodyText()
			.contains("Delegate", "Language of your messages", "<option value=\"mn\" selected=\"selected\">")
			.doesNotContain("/account/invitations", "/audit", "/edit", "/admin/", "/municipalities/import");
		assertThat(this.mvc.post().uri("/account/language").with(csrf()).with(as(this.email)).param("language", "fr"))
			.hasStatus3xxRedirection().hasRedirectedUrl("/account");
		assertThat(this.jdbc.sql("SELECT language FROM accounts WHERE id = ?").param(this.id).query(String.class).single())
			.isEqualTo("fr");
		assertThat(this.mvc.post().uri("/account/language").with(csrf()).with(as(this.email)).param("language", "<de>"))
			.hasStatusOk().bodyText().contains("Choose English, Mongolian or French.", "aria-invalid=\"true\"")
			.doesNotContain("<de>");
		assertThat(this.jdbc.sql("SELECT language FROM accounts WHERE id = ?").param(this.id).query(String.class).single())
			.isEqualTo("fr");
		assertThat(this.mvc.get().uri("/account/data").with(as(this.email))).hasStatusOk().bodyText().contains(this.email);
	}

	@Test
	void anInviteeReadsMailsInTheLanguageOfThePageOnWhichTheyAcceptedTheInvitation() {
		String invitee = "invitee-" + AccountTestSupport.tag() + "@delegates.example";
		String path = AccountTestSupport.newInvitationPath(this.context, invitee,
				AccountTestSupport.municipalityId(this.context, DARKHAN));
		assertThat(this.mvc.post().uri(path).with(csrf()).header("Accept-Language", "fr").param("password", PASSWORD)
			.param("confirmation", PASSWORD)).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT language || ' ' || enabled FROM accounts WHERE email = ?").param(invitee)
			.query(String.class).single()).isEqualTo("fr true");
		this.jdbc.sql("UPDATE accounts SET enabled = false WHERE email = ?").param(invitee).update();
	}

	@Test
	void staffRaiseADelegateOfAMemberMunicipalityToOfficerWhoKeepsTheirPasswordButNotOfAnotherNetworksMember() {
		String hash = this.jdbc.sql("SELECT password_hash FROM accounts WHERE id = ?").param(this.id).query(String.class).single();
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		MvcTestResult refused = this.mvc.post().uri("/account/invitations").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("email", this.email).param("displayName", "Dee").param("role", "OFFICER").param("municipality", "Ghent")
			.param("municipalityId", String.valueOf(AccountTestSupport.municipalityId(this.context, GHENT))).exchange();
		assertThat(refused).hasStatusOk().bodyText().contains("You may not invite this person in this role.");
		assertThat(this.jdbc.sql("SELECT role FROM accounts WHERE id = ?").param(this.id).query(String.class).single())
			.isEqualTo("DELEGATE");
		MvcTestResult raised = this.mvc.post().uri("/account/invitations").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("email", this.email.toUpperCase()).param("displayName", "Dee").param("role", "OFFICER").param("municipality", "Niš")
			.exchange();
		assertThat(raised).hasStatusOk().bodyText().contains("had a delegate account: it is now the account of an officer of Niš")
			.doesNotContain("id=\"invitation-link\"");
		assertThat(this.jdbc.sql("SELECT role || ' ' || municipality_id || ' ' || enabled || ' ' || password_hash FROM accounts WHERE id = ?")
			.param(this.id).query(String.class).single()).isEqualTo("OFFICER " + nis + " true " + hash);
		String subject = this.jdbc.sql("SELECT subject FROM outbox_messages WHERE recipient = ? ORDER BY id DESC LIMIT 1")
			.param(this.email).query(String.class).single();
		assertThat(subject).isEqualTo("Та CityBridge дээр албан хаагч боллоо: Niš");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entries WHERE entity_type = 'account' AND entity_id = ? AND action = 'UPDATE'
				AND actor_label LIKE '%staff.nalas%'""").param(String.valueOf(this.id)).query(Long.class).single()).isEqualTo(1);
		// The new officer signs in with the password they had.
		assertThat(this.mvc.post().uri("/login").with(csrf()).param("username", this.email).param("password", PASSWORD).exchange()
			.getResponse().getRedirectedUrl()).doesNotContain("/login");
	}

	@Test
	void anInvitationTakesThePlaceOfASignUpNeverConfirmedWhoseLinkThenNoLongerOpensIt() {
		String signUp = AccountTestSupport.newSignUpPath(this.context);
		String address = this.jdbc.sql("""
				SELECT a.email FROM accounts a WHERE a.role = 'DELEGATE' AND a.password_hash IS NULL
				ORDER BY a.id DESC LIMIT 1""").query(String.class).single();
		MvcTestResult invited = this.mvc.post().uri("/account/invitations").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("email", address).param("displayName", "Niš officer").param("role", "OFFICER").param("municipality", "Niš")
			.param("language", "fr").exchange();
		assertThat(invited).hasStatusOk().bodyText().contains("id=\"invitation-link\"").doesNotContain("already has an account");
		assertThat(this.jdbc.sql("SELECT role || ' ' || municipality_id || ' ' || enabled || ' ' || language || ' ' || display_name FROM accounts WHERE email = ?")
			.param(address).query(String.class).single())
			.isEqualTo("OFFICER " + AccountTestSupport.municipalityId(this.context, NIS) + " false fr Niš officer");
		// Whoever signed up with the address cannot open the officer's account with the password they chose.
		assertThat(this.mvc.post().uri(signUp).with(csrf()).param("password", AccountTestSupport.PASSWORD)).hasStatusOk()
			.bodyText().contains("This link has already been used or has expired");
		assertThat(this.jdbc.sql("SELECT enabled FROM accounts WHERE email = ?").param(address).query(Boolean.class).single())
			.isFalse();
		this.jdbc.sql("UPDATE accounts SET role = 'DELEGATE', municipality_id = NULL WHERE email = ?").param(address).update();
	}
}
