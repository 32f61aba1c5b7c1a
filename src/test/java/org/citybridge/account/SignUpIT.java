package org.citybridge.account;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.citybridge.DemoDataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Signing up as a delegate, as a person does it: the form, the mail with the link in the page's
 * language, the link that opens the account with the password chosen and signs the person in back
 * on the page they came from; the same answer for an address that has an account; links used up
 * or expired; no open redirect; and the limits per connection and per address.
 */
class SignUpIT extends DemoDataIntegrationTest {

	static final String PASSWORD = "a long walk by the river";

	static final Pattern LINK = Pattern.compile("http://localhost(?::\\d+)?(/signup/confirm/[A-Za-z0-9_-]+)");

	String tag;

	/** A client address of this test's own, so that the limit per connection counts only its sign-ups. */
	String client;

	@BeforeEach
	void tag() {
		this.tag = AccountTestSupport.tag();
		this.client = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	MvcTestResult signUp(String email, String password, String next, String language) {
		var request = this.mvc.post().uri("/signup").with(csrf()).header("Accept-Language", language)
			.with(r -> {
				r.setRemoteAddr(this.client);
				return r;
			})
			.param("email", email).param("displayName", "Dana " + this.tag).param("password", password)
			.param("confirmation", password);
		if (next != null) {
			request.param("next", next);
		}
		return request.exchange();
	}

	String email(String who) {
		return who + "-" + this.tag + "@delegates.example";
	}

	List<String[]> mails(String email) {
		return this.jdbc.sql("SELECT subject, body FROM outbox_messages WHERE recipient = ? ORDER BY id")
			.param(email)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	String link(String email) {
		List<String[]> mails = mails(email);
		Matcher matcher = LINK.matcher(mails.get(mails.size() - 1)[1]);
		assertThat(matcher.find()).as("a link in the mail").isTrue();
		return matcher.group(1);
	}

	Object column(String email, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM accounts WHERE email = ?").param(email)
			.query((rs, n) -> rs.getObject(1)).list().get(0);
	}

	MvcTestResult confirm(String path, String password, MockHttpSession session) {
		return this.mvc.post().uri(path).with(csrf()).session(session).param("password", password).exchange();
	}

	@Test
	void aSignUpMakesADisabledDelegateAndMailsTheLinkInThePagesLanguage() {
		String email = email("dana");
		MvcTestResult result = signUp(email, PASSWORD, "/events/some-forum", "mn");
		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/signup/sent");
		assertThat(column(email, "role")).isEqualTo("DELEGATE");
		assertThat(column(email, "enabled")).isEqualTo(false);
		assertThat(column(email, "language")).isEqualTo("mn");
		assertThat(column(email, "municipality_id")).isNull();
		List<String[]> mails = mails(email);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0)[0]).isEqualTo("CityBridge бүртгэлээ баталгаажуулна уу");
		assertThat(mails.get(0)[1]).contains("Сайн байна уу, Dana " + this.tag).containsPattern(LINK);
		// The link is kept only as a hash.
		String token = link(email).substring("/signup/confirm/".length());
		assertThat(this.jdbc.sql("SELECT count(*) FROM account_tokens WHERE token_hash = ?").param(token).query(Long.class)
			.single()).isZero();
		// Not usable before the address is confirmed.
		assertThat(this.mvc.post().uri("/login").with(csrf()).param("username", email).param("password", PASSWORD).exchange()
			.getResponse().getRedirectedUrl()).startsWith("/login?");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'account' AND entity_id = ? AND action = 'CREATE'")
			.param(String.valueOf(column(email, "id"))).query(Long.class).single()).isEqualTo(1);
		// The page after says where the mail went, whatever the address.
		assertThat(this.mvc.get().uri("/signup/sent").flashAttr("signUpAddress", email)).hasStatusOk().bodyText()
			.contains("We have sent a message to " + email);
	}

	@Test
	void theLinkOpensTheAccountWithThePasswordChosenSignsInAndReturnsToThePageOnce() {
		String email = email("erin");
		signUp(email, PASSWORD, "/events/brussels-forum-2025?tab=1", "en");
		String link = link(email);
		assertThat(this.mvc.get().uri(link)).hasStatusOk().bodyText().contains("Confirm your address", email);
		MockHttpSession session = new MockHttpSession();
		assertThat(confirm(link, "not the password at all", session)).hasStatusOk().bodyText()
			.contains("This is not the password chosen when the account was created.");
		assertThat(column(email, "enabled")).isEqualTo(false);
		MvcTestResult confirmed = confirm(link, PASSWORD, session);
		assertThat(confirmed).hasStatus3xxRedirection().hasRedirectedUrl("/events/brussels-forum-2025?tab=1");
		assertThat(column(email, "enabled")).isEqualTo(true);
		MockHttpSession signedIn = (MockHttpSession) confirmed.getRequest().getSession(false);
		assertThat(this.mvc.get().uri("/account").session(signedIn)).hasStatusOk().bodyText()
			.contains(email, "Delegate", "Dana " + this.tag);
		// The link works once.
		assertThat(this.mvc.get().uri(link)).hasStatusOk().bodyText().contains("This link has already been used or has expired")
			.doesNotContain("name=\"password\"");
		assertThat(confirm(link, PASSWORD, new MockHttpSession())).hasStatusOk().bodyText()
			.contains("This link has already been used or has expired");
		// And the password chosen signs in.
		assertThat(this.mvc.post().uri("/login").with(csrf()).param("username", email).param("password", PASSWORD).exchange()
			.getResponse().getRedirectedUrl()).doesNotContain("/login");
	}

	@Test
	void anExpiredOrUnknownLinkSaysSoWithoutAnError() {
		String email = email("faye");
		signUp(email, PASSWORD, null, "fr");
		String link = link(email);
		this.jdbc.sql("""
				UPDATE account_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day'
				WHERE account_id = (SELECT id FROM accounts WHERE email = ?)""").param(email).update();
		assertThat(this.mvc.get().uri(link).header("Accept-Language", "fr")).hasStatusOk().bodyText()
			.contains("Ce lien a déjà servi ou a expiré");
		assertThat(confirm(link, PASSWORD, new MockHttpSession())).hasStatusOk();
		assertThat(column(email, "enabled")).isEqualTo(false);
		assertThat(this.mvc.get().uri("/signup/confirm/{t}", "<b>bold")).hasStatusOk().bodyText()
			.contains("This link has already been used").doesNotContain("<b>bold");
		assertThat(confirm("/signup/confirm/nothing", null, new MockHttpSession())).hasStatusOk();
	}

	@Test
	void anAddressWithAnAccountGetsTheSameAnswerAndAMailSayingSoAndNothingIsCreated() {
		long accounts = this.jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single();
		String hash = (String) column(AccountTestSupport.OFFICER_GHENT, "password_hash");
		MvcTestResult existing = signUp(AccountTestSupport.OFFICER_GHENT.toUpperCase(), PASSWORD, null, "en");
		MvcTestResult fresh = signUp(email("gil"), PASSWORD, null, "en");
		assertThat(existing).hasStatus3xxRedirection().hasRedirectedUrl("/signup/sent");
		assertThat(fresh).hasStatus3xxRedirection().hasRedirectedUrl("/signup/sent");
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isEqualTo(accounts + 1);
		assertThat(column(AccountTestSupport.OFFICER_GHENT, "password_hash")).isEqualTo(hash);
		assertThat(column(AccountTestSupport.OFFICER_GHENT, "role")).isEqualTo("OFFICER");
		String[] mail = mails(AccountTestSupport.OFFICER_GHENT).get(mails(AccountTestSupport.OFFICER_GHENT).size() - 1);
		assertThat(mail[0]).isEqualTo("You already have a CityBridge account");
		assertThat(mail[1]).contains("/login", "/password-reset").doesNotContainPattern(LINK);
	}

	@Test
	void someoneWhoSignsUpAnAddressThatIsNotTheirsCannotOpenItWithTheirPassword() {
		String email = email("hana");
		signUp(email, "the intruder's own password", null, "en");
		String intruders = link(email);
		signUp(email, PASSWORD, null, "en");
		String owners = link(email);
		assertThat(intruders).isNotEqualTo(owners);
		// The owner follows the intruder's link with their own password: refused.
		assertThat(confirm(intruders, PASSWORD, new MockHttpSession())).hasStatusOk().bodyText()
			.contains("This is not the password chosen");
		assertThat(confirm(owners, PASSWORD, new MockHttpSession())).hasStatus3xxRedirection().hasRedirectedUrl("/home");
		// Once confirmed, the other link is used up too.
		assertThat(confirm(intruders, "the intruder's own password", new MockHttpSession())).hasStatusOk().bodyText()
			.contains("This link has already been used");
		assertThat(this.mvc.post().uri("/login").with(csrf()).param("username", email)
			.param("password", "the intruder's own password").exchange().getResponse().getRedirectedUrl()).startsWith("/login?");
	}

	@Test
	void onlyPathsOfThisSiteAreReturnedTo() {
		for (String evil : List.of("//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)")) {
			assertThat(this.mvc.get().uri("/signup").param("next", evil)).hasStatusOk().bodyText()
				.doesNotContain("evil.example").doesNotContain("alert(1)");
			String email = email("ivo" + Math.abs(evil.hashCode()));
			signUp(email, PASSWORD, evil, "en");
			assertThat(confirm(link(email), PASSWORD, new MockHttpSession())).hasStatus3xxRedirection()
				.hasRedirectedUrl("/home");
		}
	}

	@Test
	void theSignInPageOffersASignUpThatKeepsWhereToReturnAndTheSignUpPageKeepsIt() {
		assertThat(this.mvc.get().uri("/login").param("next", "/events/brussels-forum-2025")).hasStatusOk().bodyText()
			.contains("href=\"/signup?next=/events/brussels-forum-2025\"", "Create an account");
		assertThat(this.mvc.get().uri("/signup").param("next", "/events/brussels-forum-2025")).hasStatusOk().bodyText()
			.contains("name=\"next\" value=\"/events/brussels-forum-2025\"");
	}

	@Test
	void aFormWithMistakesComesBackWithItsValuesAndAMessageNextToEachFieldButNeverThePassword() {
		MvcTestResult result = this.mvc.post().uri("/signup").with(csrf()).param("email", "not an address")
			.param("displayName", "Kim " + this.tag).param("password", "short-secret").param("confirmation", "short-secret")
			.param("next", "/events/x").exchange();
		assertThat(result).hasStatusOk().bodyText()
			.contains("Error: Create an account", "Enter an e-mail address such as name@example.org.", "value=\"not an address\"",
					"value=\"Kim " + this.tag + "\"", "name=\"next\" value=\"/events/x\"")
			.doesNotContain("short-secret");
		assertThat(signUp(email("kim"), "only 11 chr", null, "en")).hasStatusOk().bodyText()
			.contains("The password needs at least 12 characters.").doesNotContain("only 11 chr");
		MvcTestResult mismatch = this.mvc.post().uri("/signup").with(csrf()).param("email", email("kim"))
			.param("displayName", " ").param("password", PASSWORD).param("confirmation", PASSWORD + "!").exchange();
		assertThat(mismatch).hasStatusOk().bodyText().contains("Enter your name.", "The two passwords are not the same.")
			.doesNotContain(PASSWORD);
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts WHERE email = ?").param(email("kim")).query(Long.class)
			.single()).isZero();
	}

	@Test
	void signUpsAreLimitedPerConnectionAndMailsPerAddress() {
		String email = email("lou");
		for (int i = 0; i < SignUps.MAX_PER_ADDRESS + 1; i++) {
			assertThat(signUp(email, PASSWORD, null, "en")).hasRedirectedUrl("/signup/sent");
		}
		assertThat(mails(email)).hasSize(SignUps.MAX_PER_ADDRESS);
		for (int i = SignUps.MAX_PER_ADDRESS + 1; i < SignUps.MAX_PER_CLIENT; i++) {
			assertThat(signUp(email("lou" + i), PASSWORD, null, "en")).hasRedirectedUrl("/signup/sent");
		}
		String refused = email("lou-refused");
		assertThat(signUp(refused, PASSWORD, null, "en")).hasStatusOk().bodyText()
			.contains("Many accounts have been asked for from your connection", "value=\"" + refused + "\"");
		assertThat(mails(refused)).isEmpty();
		// Another connection is not refused because of this one.
		this.client = "10.255.0." + (int) (Math.random() * 250);
		assertThat(signUp(refused, PASSWORD, null, "en")).hasRedirectedUrl("/signup/sent");
	}

	@Test
	void aSignedInPersonIsSentOn() {
		assertThat(this.mvc.get().uri("/signup").param("next", "/events/x").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasRedirectedUrl("/events/x");
	}
}
