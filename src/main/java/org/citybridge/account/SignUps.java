package org.citybridge.account;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.RateLimits;
import org.citybridge.system.Text;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegates create their own account: an address, a name and a password. The account is a
 * {@code DELEGATE}'s, unusable until the person follows the link mailed to the address (single-use,
 * hashed, for 24 hours) and types the password chosen; then they are signed in and return to the
 * page they came from. The answer is the same whether or not the address has an account: an
 * address that has one is told so by mail, and nothing is created. Sign-ups are counted per client
 * address and per address signed up, and written to the audit log.
 */
@Service
public class SignUps {

	/** Sign-ups one client address may send in {@link #WINDOW}. */
	static final int MAX_PER_CLIENT = 20;

	/** Mails one address may be sent by sign-ups in {@link #WINDOW}. */
	static final int MAX_PER_ADDRESS = 3;

	/** Passwords one link may be tried with in {@link #WINDOW}. */
	static final int MAX_CONFIRM_TRIES = 10;

	static final Duration WINDOW = Duration.ofHours(1);

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final Outbox outbox;

	private final PasswordEncoder passwordEncoder;

	private final MessageSource messages;

	private final AuditLog audit;

	private final RateLimits limits;

	private final UserDetailsService users;

	SignUps(AccountRepository accounts, AccountTokens tokens, Outbox outbox, PasswordEncoder passwordEncoder,
			MessageSource messages, AuditLog audit, RateLimits limits, UserDetailsService users) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.outbox = outbox;
		this.passwordEncoder = passwordEncoder;
		this.messages = messages;
		this.audit = audit;
		this.limits = limits;
		this.users = users;
	}

	/** A confirmed sign-up: the person, signed in, and the path of this site to return to (or null). */
	public record Confirmed(Authentication authentication, String nextPath) {
	}

	/**
	 * Signs up (the form bound and valid): refuses a password that breaks the rules, or a client
	 * that sent too many sign-ups; otherwise mails the address, in {@code locale}'s language, a
	 * link to confirm it, or, if it already has an account, a note saying so. Returns the same way
	 * in both cases.
	 */
	@Transactional
	public void signUp(SignUpForm form, String next, String clientAddress, String baseUrl, Locale locale) {
		String problem = passwordProblem(form);
		if (problem != null) {
			throw new AccountRefused("password", problem);
		}
		if (!this.limits.tryAcquire("signup-client", clientAddress, MAX_PER_CLIENT, WINDOW)) {
			throw new AccountRefused(null, "account.signup.tooMany");
		}
		// Hashed whatever comes next, so that the answer takes as long for an address with an account.
		String passwordHash = this.passwordEncoder.encode(form.password());
		String address = form.email().strip().toLowerCase(Locale.ROOT);
		if (!this.limits.tryAcquire("signup-address", address, MAX_PER_ADDRESS, WINDOW)) {
			return;
		}
		String language = Account.languageOf(locale);
		Optional<Account> existing = this.accounts.findByEmail(address);
		if (existing.isPresent() && !existing.get().isUnconfirmedSignUp()) {
			Account account = existing.get();
			// the account's own language: whoever typed the address may not be its owner
			Locale own = Locale.forLanguageTag(account.getLanguage());
			this.outbox.send(account.getEmail(), this.messages.getMessage("account.mail.signup.exists.subject", null, own),
					this.messages.getMessage("account.mail.signup.exists.body",
							new Object[] { baseUrl + "/login", baseUrl + "/password-reset" }, own));
			this.audit.record(new AuditLog.Who(null, "sign-up"), "account", account.getId(), AuditLog.Action.UPDATE,
					Map.of("signUp", "none"), Map.of("signUp", "refused: the address has an account"));
			return;
		}
		Account account;
		if (existing.isPresent()) {
			account = existing.get();
			Map<String, Object> before = account.auditView();
			account.signedUpAgain(form.displayName(), language);
			this.accounts.flush();
			this.audit.record(new AuditLog.Who(null, "sign-up"), "account", account.getId(), AuditLog.Action.UPDATE, before,
					account.auditView());
		}
		else {
			account = this.accounts.saveAndFlush(Account.delegate(address, form.displayName(), language));
			this.audit.record(new AuditLog.Who(null, "sign-up"), "account", account.getId(), AuditLog.Action.CREATE, null,
					account.auditView());
		}
		String link = baseUrl + "/signup/confirm/" + this.tokens.issueSignUp(account.getId(), passwordHash, Text.localPath(next));
		// the page's language at sign-up, stored as the account's
		Locale stored = Locale.forLanguageTag(account.getLanguage());
		this.outbox.send(account.getEmail(), this.messages.getMessage("account.mail.signup.subject", null, stored),
				this.messages.getMessage("account.mail.signup.body", new Object[] { account.getDisplayName(), link }, stored));
	}

	/** The message key of the first rule the form's password breaks (as for invitations), or null. */
	public static String passwordProblem(SignUpForm form) {
		return Invitations.problemWith(new PasswordForm(null, form.password() == null ? "" : form.password(),
				form.confirmation() == null ? "" : form.confirmation()));
	}

	/** The address a live sign-up link confirms, to show on its page; empty when the link is used or expired. */
	@Transactional(readOnly = true)
	public Optional<String> pendingAddress(String token) {
		return this.tokens.peekSignUp(token)
			.flatMap(signUp -> this.accounts.findById(signUp.accountId()))
			.filter(Account::isUnconfirmedSignUp)
			.map(Account::getEmail);
	}

	/**
	 * Confirms the address with the password chosen at sign-up: the account opens, the link and
	 * every other sign-up link of the address are used up, and the person is signed in.
	 */
	@Transactional
	public Confirmed confirm(String token, String password) {
		AccountTokens.SignUp signUp = this.tokens.peekSignUp(token)
			.orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		if (!this.limits.tryAcquire("signup-confirm", AccountTokens.hash(token), MAX_CONFIRM_TRIES, WINDOW)) {
			throw new AccountRefused("password", "account.signup.confirm.tooMany");
		}
		if (password == null || password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH
				|| !this.passwordEncoder.matches(password, signUp.passwordHash())) {
			throw new AccountRefused("password", "account.signup.confirm.wrongPassword");
		}
		this.tokens.consume(token, AccountTokens.Purpose.EMAIL_CHECK)
			.orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		Account account = this.accounts.findById(signUp.accountId())
			.filter(Account::isUnconfirmedSignUp)
			.orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		Map<String, Object> before = account.auditView();
		account.activate(signUp.passwordHash());
		this.accounts.flush();
		this.tokens.revokeAll(account.getId(), AccountTokens.Purpose.EMAIL_CHECK);
		this.audit.record(new AuditLog.Who(account.getId(), account.label()), "account", account.getId(),
				AuditLog.Action.UPDATE, before, account.auditView());
		UserDetails person = this.users.loadUserByUsername(account.getEmail());
		// As after a sign-in with the form: the session keeps no password hash.
		if (person instanceof org.springframework.security.core.CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		return new Confirmed(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()),
				Text.localPath(signUp.nextPath()));
	}
}
