package org.citybridge.account;

import java.util.Locale;

import org.citybridge.audit.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A forgotten password: the user asks for a link, which goes out if the address has an active
 * account. The answer on the page is the same either way, so it never reveals who has an account.
 */
@Service
class PasswordResets {

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final Outbox outbox;

	private final PasswordEncoder passwordEncoder;

	private final MessageSource messages;

	private final AuditLog audit;

	private final AccountSessions sessions;

	PasswordResets(AccountRepository accounts, AccountTokens tokens, Outbox outbox, PasswordEncoder passwordEncoder,
			MessageSource messages, AuditLog audit, AccountSessions sessions) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.outbox = outbox;
		this.passwordEncoder = passwordEncoder;
		this.messages = messages;
		this.audit = audit;
		this.sessions = sessions;
	}

	@Transactional
	void request(String email, String baseUrl, Locale locale) {
		if (email == null || email.isBlank() || email.length() > 254) {
			return;
		}
		this.accounts.findByEmail(email.strip()).filter(a -> a.isEnabled() && !a.isErased()).ifPresent(account -> {
			String path = "/password-reset/" + this.tokens.issue(account.getId(), AccountTokens.Purpose.PASSWORD_RESET);
			this.outbox.send(account.getEmail(), this.messages.getMessage("account.mail.reset.subject", null, locale),
					this.messages.getMessage("account.mail.reset.body", new Object[] { baseUrl + path }, locale));
		});
	}

	@Transactional(readOnly = true)
	boolean isOpen(String token) {
		return this.tokens.peek(token, AccountTokens.Purpose.PASSWORD_RESET).isPresent();
	}

	@Transactional
	void reset(String token, PasswordForm form) {
		String problem = Invitations.problemWith(form);
		if (problem != null) {
			throw new AccountRefused("password", problem);
		}
		long accountId = this.tokens.consume(token, AccountTokens.Purpose.PASSWORD_RESET)
			.orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		Account account = this.accounts.findById(accountId)
			.filter(a -> !a.isErased())
			.orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		account.activate(this.passwordEncoder.encode(form.password()));
		// A reset is what someone does who lost control of the account: every session ends, and
		// every other reset link sent before stops working.
		this.sessions.endAll(account.getEmail());
		this.tokens.revokeAll(account.getId(), AccountTokens.Purpose.PASSWORD_RESET);
		this.audit.record(new AuditLog.Who(account.getId(), account.label()), "account", account.getId(),
				AuditLog.Action.UPDATE, java.util.Map.of("password", "set"), java.util.Map.of("password", "reset"));
	}
}
