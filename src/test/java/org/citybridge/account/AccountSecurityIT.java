package org.citybridge.account;

import java.util.List;
import java.util.Map;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.citybridge.account.signin.LoginThrottle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Each forbidden path, tried for real against the whole application on PostgreSQL: it is refused
 * (403, a redirect to sign in, or a clear message), never a 500, and nothing changes.
 */
class AccountSecurityIT extends DemoDataIntegrationTest {

	@Autowired
	AuditLog audit;

	long darkhan;

	long ghent;

	long nis;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.nis = AccountTestSupport.municipalityId(this.context, NIS);
	}

	@Test
	void anAnonymousWriteIsSentToSignInAndChangesNothing() {
		String before = website(this.darkhan);
		MvcTestResult result = this.mvc.post().uri("/municipalities/" + this.darkhan + "/edit").with(csrf())
			.param("version", "0").param("website", "https://evil.example").exchange();
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(website(this.darkhan)).isEqualTo(before);
		assertThat(this.mvc.get().uri("/account")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/admin/accounts")).hasStatus3xxRedirection();
	}

	/** Issue 19: "Your municipality's profile" did not name the municipality. */
	@Test
	void theAccountPageNamesTheOfficersMunicipality() {
		assertThat(this.mvc.get().uri("/account").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatusOk().bodyText()
			.contains("Darkhan: the municipality’s profile</a>");
	}

	@Test
	void anOfficerOfDarkhanCannotEditGhent() {
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent + "/edit").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(403);
		String before = website(this.ghent);
		assertThat(this.mvc.post().uri("/municipalities/" + this.ghent + "/edit").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("version", String.valueOf(version(this.ghent)))
			.param("website", "https://darkhan-was-here.example")).hasStatus(403);
		assertThat(website(this.ghent)).isEqualTo(before);
	}

	@Test
	void staffEditMembersOfTheirNetworkButNotAnotherNetworksMembers() {
		assertThat(this.mvc.get().uri("/municipalities/" + this.nis + "/edit").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent + "/edit").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/municipalities/" + this.ghent + "/edit").with(as(AccountTestSupport.STAFF_CEMR)))
			.hasStatusOk();
	}

	@Test
	void anOfficerAndStaffCannotReachAdministration() {
		assertThat(this.mvc.get().uri("/admin/accounts").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/outbox").with(as(AccountTestSupport.STAFF_NALAS))).hasStatus(403);
		assertThat(this.mvc.get().uri("/audit").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri("/account/invitations").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri("/accessibility/reports").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.get().uri("/accessibility/reports")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/accessibility/reports").with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk();
		assertThat(this.mvc.get().uri("/audit").with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk();
	}

	/**
	 * Staff read what their own organisation's accounts changed, not what another network's staff
	 * or an officer wrote (a request's text, an account's e-mail); administrators read it all.
	 */
	@Test
	void staffReadTheAuditEntriesOfTheirOwnOrganisationOnly() {
		String ours = "marker-by-nalas-" + System.nanoTime();
		String theirs = "marker-by-cemr-" + System.nanoTime();
		String officers = "marker-by-darkhan-" + System.nanoTime();
		audit(AccountTestSupport.STAFF_NALAS, ours);
		audit(AccountTestSupport.STAFF_CEMR, theirs);
		audit(AccountTestSupport.OFFICER_DARKHAN, officers);
		assertThat(this.mvc.get().uri("/audit").with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
			.contains(ours, "You see the changes made by the accounts of your organisation")
			.doesNotContain(theirs, officers);
		assertThat(this.mvc.get().uri("/audit?type=municipality&id=" + officers).with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatusOk().bodyText().contains("No changes recorded.");
		assertThat(this.mvc.get().uri("/audit").with(as(AccountTestSupport.ADMIN))).hasStatusOk().bodyText()
			.contains(ours, theirs, officers).doesNotContain("You see the changes made by the accounts of your organisation");
	}

	private void audit(String email, String marker) {
		this.jdbc.sql("""
				INSERT INTO audit_entries (actor_account_id, actor_label, entity_type, entity_id, action, changes)
				SELECT id, email, 'municipality', ?, 'UPDATE', jsonb_build_object('message', jsonb_build_object('before', NULL, 'after', ?))
				FROM accounts WHERE email = ?
				""").params(marker, marker, email).update();
	}

	@Test
	void staffCannotInviteAnOfficerOfAMunicipalityOutsideTheirNetwork() {
		long accountsBefore = count("accounts");
		MvcTestResult result = this.mvc.post().uri("/account/invitations").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("email", "new.officer@darkhan.example").param("displayName", "New Officer").param("role", "OFFICER")
			.param("municipalityId", String.valueOf(this.darkhan)).exchange();
		assertThat(result).hasStatusOk().bodyText().contains("You may not invite this person in this role.");
		assertThat(count("accounts")).isEqualTo(accountsBefore);

		MvcTestResult asAdmin = this.mvc.post().uri("/admin/accounts/1/role").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("role", "ADMIN").exchange();
		assertThat(asAdmin).hasStatus(403);
	}

	@Test
	void anInvitationLinkWorksOnceAndThenIsRefused() {
		String link = AccountTestSupport.newInvitationPath(this.context, "invitee.once@citybridge.example", this.darkhan);
		assertThat(this.mvc.post().uri(link).with(csrf()).param("password", "a long enough passphrase")
			.param("confirmation", "a long enough passphrase")).hasStatus3xxRedirection();
		MvcTestResult reused = this.mvc.post().uri(link).with(csrf()).param("password", "another long passphrase")
			.param("confirmation", "another long passphrase").exchange();
		assertThat(reused).hasStatusOk().bodyText().contains("This link has already been used or has expired.");
		assertThat(this.mvc.get().uri(link)).hasStatusOk().bodyText().contains("This link has already been used");
	}

	@Test
	void anExpiredInvitationLinkIsRefused() {
		String link = AccountTestSupport.newInvitationPath(this.context, "invitee.late@citybridge.example", this.darkhan);
		this.jdbc.sql("UPDATE account_tokens SET created_at = now() - interval '9 days', expires_at = now() - interval '1 day' "
				+ "WHERE token_hash = ?").param(AccountTokens.hash(link.substring(link.lastIndexOf('/') + 1))).update();
		MvcTestResult late = this.mvc.post().uri(link).with(csrf()).param("password", "a long enough passphrase")
			.param("confirmation", "a long enough passphrase").exchange();
		assertThat(late).hasStatusOk().bodyText().contains("This link has already been used or has expired.");
		assertThat(this.jdbc.sql("SELECT enabled FROM accounts WHERE email = 'invitee.late@citybridge.example'")
			.query(Boolean.class).single()).isFalse();
	}

	@Test
	void weakPasswordsAreRefusedWithAMessageNextToTheField() {
		String link = AccountTestSupport.newInvitationPath(this.context, "invitee.weak@citybridge.example", this.darkhan);
		assertThat(this.mvc.post().uri(link).with(csrf()).param("password", "short").param("confirmation", "short"))
			.hasStatusOk().bodyText().contains("id=\"password-error\"", "at least 12 characters");
		assertThat(this.mvc.post().uri(link).with(csrf()).param("password", "password1234").param("confirmation", "password1234"))
			.hasStatusOk().bodyText().contains("too common");
		assertThat(this.mvc.post().uri(link).with(csrf()).param("password", "a long enough passphrase")
			.param("confirmation", "a different passphrase")).hasStatusOk().bodyText().contains("not the same");
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() {
		String before = website(this.darkhan);
		assertThat(this.mvc.post().uri("/municipalities/" + this.darkhan + "/edit").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("version", String.valueOf(version(this.darkhan))).param("website", "https://forged.example")).hasStatus(403);
		assertThat(website(this.darkhan)).isEqualTo(before);
	}

	@Test
	void aLoginFloodIsThrottledEvenWithTheRightPasswordAndChangesOnlyTheCounters() {
		String email = "flood.target@citybridge.example";
		this.jdbc.sql("INSERT INTO accounts (email, display_name, password_hash, role, enabled) "
				+ "SELECT ?, 'Flood target', password_hash, 'ADMIN', true FROM accounts WHERE email = ? "
				+ "ON CONFLICT ((lower(email))) DO NOTHING").params(email, AccountTestSupport.ADMIN).update();
		RequestPostProcessor from = request -> {
			request.setRemoteAddr("203.0.113.77");
			return request;
		};
		for (int i = 1; i <= LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
			MvcTestResult failed = this.mvc.post().uri("/login").with(csrf()).with(from).param("username", email)
				.param("password", "wrong password " + i).exchange();
			assertThat(failed.getResponse().getRedirectedUrl())
				.contains(i < LoginThrottle.ACCOUNT_FREE_FAILURES ? "/login?error" : "/login?throttled=");
		}
		MvcTestResult refused = this.mvc.post().uri("/login").with(csrf()).with(from).param("username", email)
			.param("password", AccountTestSupport.PASSWORD).exchange();
		assertThat(refused.getResponse().getRedirectedUrl()).contains("/login?throttled=");
		assertThat(this.mvc.get().uri(refused.getResponse().getRedirectedUrl())).bodyText()
			.contains("Too many failed attempts")
			.contains("UTC");
		// The account is paused; the address (five failures of a hundred) is not.
		assertThat(this.jdbc.sql("SELECT count(*) FROM login_throttle WHERE blocked_until > now() AND throttle_key = ?")
			.params(LoginThrottle.accountKey(email)).query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM login_throttle WHERE blocked_until > now() AND throttle_key = ?")
			.params(LoginThrottle.addressKey("203.0.113.77")).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT enabled FROM accounts WHERE email = ?").param(email).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void theRightPasswordSignsInAndTheWrongOneSaysSoWithoutTellingWhich() {
		RequestPostProcessor from = request -> {
			request.setRemoteAddr("198.51.100.5");
			return request;
		};
		MvcTestResult ok = this.mvc.post().uri("/login").with(csrf()).with(from).param("username", AccountTestSupport.OFFICER_GHENT)
			.param("password", AccountTestSupport.PASSWORD).exchange();
		assertThat(ok.getResponse().getRedirectedUrl()).endsWith("/home");
		MvcTestResult unknown = this.mvc.post().uri("/login").with(csrf()).with(from).param("username", "nobody@nowhere.example")
			.param("password", "whatever it is").exchange();
		assertThat(unknown.getResponse().getRedirectedUrl()).endsWith("/login?error");
	}

	@Test
	void aPasswordResetAnswersTheSameForKnownAndUnknownAddresses() throws InterruptedException {
		this.jdbc.sql("DELETE FROM rate_limits WHERE limit_key LIKE 'password-reset:%'").update();
		long before = count("outbox_messages");
		long toGhent = this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ?")
			.param(AccountTestSupport.OFFICER_GHENT).query(Long.class).single();
		MvcTestResult unknown = this.mvc.post().uri("/password-reset").with(csrf()).param("email", "nobody@nowhere.example").exchange();
		MvcTestResult known = this.mvc.post().uri("/password-reset").with(csrf()).param("email", AccountTestSupport.OFFICER_GHENT).exchange();
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
		assertThat(Map.copyOf(unknown.getMvcResult().getFlashMap())).isEqualTo(Map.copyOf(known.getMvcResult().getFlashMap()));
		AccountTestSupport.awaitMail(this.context, AccountTestSupport.OFFICER_GHENT, toGhent);
		assertThat(count("outbox_messages")).isEqualTo(before + 1);
	}

	/**
	 * Issue 17, finding 10: fifteen requests sent fifteen mails with fifteen live links. Now an
	 * address gets at most three links an hour, and only the newest one works.
	 */
	@Test
	void resetLinksAreLimitedToThreeAnHourAndOnlyTheNewestWorks() throws InterruptedException {
		String email = "reset.flood." + System.nanoTime() + "@citybridge.example";
		this.jdbc.sql("INSERT INTO accounts (email, display_name, role, municipality_id, password_hash, enabled)"
				+ " VALUES (?, 'Flooded', 'OFFICER', ?, 'x', true)").params(email, this.darkhan).update();
		for (int i = 0; i < 15; i++) {
			assertThat(this.mvc.post().uri("/password-reset").with(csrf()).param("email", i % 2 == 0 ? email : email.toUpperCase())
				.exchange().getResponse().getRedirectedUrl()).isEqualTo("/login");
		}
		// The links are written one after another on one thread: a last request, for another
		// address, is done when everything asked before it is.
		String sentinel = "reset.sentinel." + System.nanoTime() + "@citybridge.example";
		this.jdbc.sql("INSERT INTO accounts (email, display_name, role, municipality_id, password_hash, enabled)"
				+ " VALUES (?, 'Sentinel', 'OFFICER', ?, 'x', true)").params(sentinel, this.darkhan).update();
		this.mvc.post().uri("/password-reset").with(csrf()).param("email", sentinel).exchange();
		AccountTestSupport.awaitMail(this.context, sentinel, 0);
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ?").param(email).query(Long.class).single())
			.isEqualTo(3);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM account_tokens t JOIN accounts a ON a.id = t.account_id
				WHERE a.email = ? AND t.purpose = 'PASSWORD_RESET' AND t.used_at IS NULL
				""").param(email).query(Long.class).single()).as("live reset links").isEqualTo(1);
	}

	@Test
	void twoOfficersSavingAtOnceKeepTheFirstAndTellTheSecond() {
		long version = version(this.darkhan);
		MvcTestResult first = this.mvc.post().uri("/municipalities/" + this.darkhan + "/edit").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("version", String.valueOf(version))
			.param("website", "https://first.darkhan.example").param("workingLanguages", "mn, en")
			.param("offeredThemes", "AGRICULTURE_RURAL").param("seekingPartners", "true").exchange();
		assertThat(first).hasStatus3xxRedirection();
		MvcTestResult second = this.mvc.post().uri("/municipalities/" + this.darkhan + "/edit").with(csrf())
			.with(as(AccountTestSupport.ADMIN)).param("version", String.valueOf(version))
			.param("website", "https://second.darkhan.example").param("workingLanguages", "mn").exchange();
		assertThat(second).hasStatusOk().bodyText().contains("Someone else saved this profile")
			.contains("value=\"https://second.darkhan.example\"");
		assertThat(website(this.darkhan)).isEqualTo("https://first.darkhan.example");

		List<AuditLog.Entry> entries = this.audit.forEntity("municipality", this.darkhan);
		assertThat(entries).isNotEmpty();
		AuditLog.Entry latest = entries.get(0);
		assertThat(latest.actor()).isEqualTo(AccountTestSupport.OFFICER_DARKHAN);
		assertThat(latest.changes().get("website").after()).isEqualTo("https://first.darkhan.example");
		assertThat(this.mvc.get().uri("/audit?type=municipality&id=" + this.darkhan).with(as(AccountTestSupport.ADMIN)))
			.hasStatusOk().bodyText().contains("https://first.darkhan.example");
	}

	@Test
	void aProfileWithABadWebsiteComesBackWithTheValuesAndAMessage() {
		MvcTestResult result = this.mvc.post().uri("/municipalities/" + this.darkhan + "/edit").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("version", String.valueOf(version(this.darkhan)))
			.param("website", "javascript:alert(1)").param("workingLanguages", "mn, xx").param("contactName", "Bat")
			.exchange();
		assertThat(result).hasStatusOk().bodyText().contains("id=\"website-error\"", "id=\"workingLanguages-error\"")
			.contains("value=\"Bat\"").contains("<title>Error:");
	}

	@Test
	void erasingAnAccountKeepsTheHistoryWithoutThePerson() {
		String email = "erase.me@citybridge.example";
		this.jdbc.sql("INSERT INTO accounts (email, display_name, password_hash, role, municipality_id, enabled) "
				+ "SELECT ?, 'Erase Me', password_hash, 'OFFICER', ?, true FROM accounts WHERE email = ? "
				+ "ON CONFLICT ((lower(email))) DO NOTHING").params(email, this.nis, AccountTestSupport.ADMIN).update();
		assertThat(this.mvc.post().uri("/municipalities/" + this.nis + "/edit").with(csrf()).with(as(email))
			.param("version", String.valueOf(version(this.nis))).param("website", "https://nis.example")
			.param("workingLanguages", "sr")).hasStatus3xxRedirection();
		assertThat(this.mvc.post().uri("/account/erase").with(csrf()).with(as(email)).param("confirm", "yes"))
			.hasStatus3xxRedirection();
		Map<String, Object> row = this.jdbc.sql("SELECT email, display_name, password_hash, enabled FROM accounts WHERE id = "
				+ "(SELECT max(id) FROM accounts WHERE email LIKE 'erased-%')").query().singleRow();
		assertThat(row.get("display_name")).isNull();
		assertThat(row.get("password_hash")).isNull();
		assertThat(row.get("enabled")).isEqualTo(false);
		assertThat(this.audit.forEntity("municipality", this.nis)).isNotEmpty()
			.allSatisfy(entry -> assertThat(entry.actor()).doesNotContain(email));
	}

	private String website(long id) {
		return this.jdbc.sql("SELECT coalesce(website, '') FROM municipalities WHERE id = ?").param(id).query(String.class).single();
	}

	private long version(long id) {
		return this.jdbc.sql("SELECT version FROM municipalities WHERE id = ?").param(id).query(Long.class).single();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}
}
