package org.citybridge.account;

import org.citybridge.municipality.MunicipalityDemoData;
import org.citybridge.network.NetworkDemoData;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** Test helpers for signed-in scenarios: demo accounts, and links as the outbox would carry them. */
public final class AccountTestSupport {

	public static final String PASSWORD = AccountDemoData.PASSWORD;

	public static final String ADMIN = "admin@citybridge.example";

	public static final String STAFF_NALAS = "staff.nalas@citybridge.example";

	public static final String STAFF_CEMR = "staff.cemr@citybridge.example";

	public static final String OFFICER_DARKHAN = "officer.darkhan@citybridge.example";

	public static final String OFFICER_GHENT = "officer.ghent@citybridge.example";

	private static final java.util.regex.Pattern CSRF_FIELD = java.util.regex.Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile("value=\"([^\"]+)\"");

	private AccountTestSupport() {
	}

	/** The CSRF token of the first form of a page, whatever the order of the hidden field's attributes. */
	public static String csrfToken(String html) {
		java.util.regex.Matcher field = CSRF_FIELD.matcher(html);
		java.util.regex.Matcher token = field.find() ? VALUE.matcher(field.group()) : null;
		if (token == null || !token.find()) {
			throw new IllegalStateException("The page carries no CSRF field");
		}
		return token.group(1);
	}

	/** Municipalities, networks and one account per role; idempotent. */
	public static void loadDemoData(ApplicationContext context) {
		context.getBean(MunicipalityDemoData.class).load();
		context.getBean(AccountDemoData.class).load(context.getBean(NetworkDemoData.class).load());
	}

	/** A fresh invitation link path for a new, not yet active officer of the given municipality. */
	public static String newInvitationPath(ApplicationContext context, String email, long municipalityId) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		long id = jdbc.sql("INSERT INTO accounts (email, display_name, role, municipality_id) VALUES (?, 'Invitee', 'OFFICER', ?) "
				+ "ON CONFLICT ((lower(email))) DO UPDATE SET display_name = 'Invitee' RETURNING id")
			.params(email, municipalityId)
			.query(Long.class)
			.single();
		return "/invitations/" + context.getBean(AccountTokens.class).issue(id, AccountTokens.Purpose.INVITATION);
	}

	/**
	 * A live sign-up confirmation link path for a new, unconfirmed delegate account (a new address each
	 * time), as the mail after /signup carries it; it returns to the demo forum.
	 */
	public static String newSignUpPath(ApplicationContext context) {
		String email = "signup-" + tag() + "@citybridge.example";
		long id = context.getBean(JdbcClient.class)
			.sql("INSERT INTO accounts (email, display_name, role, enabled) VALUES (?, 'New delegate', 'DELEGATE', false) RETURNING id")
			.param(email)
			.query(Long.class)
			.single();
		return "/signup/confirm/" + context.getBean(AccountTokens.class).issueSignUp(id,
				context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(PASSWORD), "/events");
	}

	/** A fresh password reset link path for an existing account. */
	public static String newResetPath(ApplicationContext context, String email) {
		long id = context.getBean(JdbcClient.class)
			.sql("SELECT id FROM accounts WHERE lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
		return "/password-reset/" + context.getBean(AccountTokens.class).issue(id, AccountTokens.Purpose.PASSWORD_RESET);
	}

	/**
	 * Waits (up to 10 s) until the address has more than {@code before} mails in the outbox: reset
	 * links are written on a thread of their own, after the answer.
	 */
	public static void awaitMail(ApplicationContext context, String email, long before) throws InterruptedException {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		for (int i = 0; i < 200; i++) {
			if (jdbc.sql("SELECT count(*) FROM outbox_messages WHERE lower(recipient) = lower(?)").param(email)
				.query(Long.class).single() > before) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No mail to " + email + " within 10 s");
	}

	/** MockMvc over the whole application with Spring Security's filters, as a browser meets it. */
	public static MockMvcTester mockMvc(WebApplicationContext context) {
		return MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build());
	}

	/** Signs a MockMvc request in as the given (demo) account, with its real principal. */
	public static RequestPostProcessor as(ApplicationContext context, String email) {
		return user(context.getBean(UserDetailsService.class).loadUserByUsername(email));
	}

	public static long municipalityId(ApplicationContext context, long geonamesId) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT id FROM municipalities WHERE geonames_id = ?")
			.param(geonamesId)
			.query(Long.class)
			.single();
	}

	/** A made-up lower-case word, so that a test's addresses and places meet no other test's. */
	public static String tag() {
		java.util.Random random = new java.util.Random();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}
}
