package org.citybridge.account;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A forgotten password: the user asks for a link, which goes out if the address has an active
 * account. The answer on the page is the same either way, so it never reveals who has an account.
 */
@Service
public class PasswordResets {

	private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final Outbox outbox;

	private final PasswordEncoder passwordEncoder;

	private final MessageSource messages;

	private final AuditLog audit;

	private final AccountSessions sessions;

	private final RateLimits limits;

	private final TransactionTemplate transactions;

	/** One thread writes the links, with a bounded queue: a flood of requests cannot fill the memory. */
	private final ExecutorService mailer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1000), runnable -> {
				Thread thread = new Thread(runnable, "password-reset-mail");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	PasswordResets(AccountRepository accounts, AccountTokens tokens, Outbox outbox, PasswordEncoder passwordEncoder,
			MessageSource messages, AuditLog audit, AccountSessions sessions, RateLimits limits,
			TransactionTemplate transactions) {
		this.limits = limits;
		this.transactions = transactions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.outbox = outbox;
		this.passwordEncoder = passwordEncoder;
		this.messages = messages;
		this.audit = audit;
		this.sessions = sessions;
	}

	/** How many reset links one address may be sent in {@link #WINDOW}. */
	static final int MAX_LINKS = 3;

	static final Duration WINDOW = Duration.ofHours(1);

	/**
	 * Takes the request and returns at once, the same way whoever asks: the account is looked up,
	 * the limit counted and the mail written on another thread, so that neither the answer nor how
	 * long it takes says whether the address has an account. At most {@link #MAX_LINKS} links go
	 * to one address an hour; a newer link replaces the older ones.
	 */
	public void request(String email, String baseUrl, Locale locale) {
		if (email == null || email.isBlank() || email.length() > 254) {
			return;
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		this.mailer.execute(() -> {
			try {
				this.transactions.executeWithoutResult(status -> send(address, baseUrl, locale));
			}
			catch (RuntimeException ex) {
				LOG.warn("A password reset link could not be sent: {}", ex.toString());
			}
		});
	}

	private void send(String address, String baseUrl, Locale locale) {
		if (!this.limits.tryAcquire("password-reset", address, MAX_LINKS, WINDOW)) {
			return;
		}
		this.accounts.findByEmail(address).filter(a -> a.isEnabled() && !a.isErased()).ifPresent(account -> {
			this.tokens.revokeAll(account.getId(), AccountTokens.Purpose.PASSWORD_RESET);
			String path = "/password-reset/" + this.tokens.issue(account.getId(), AccountTokens.Purpose.PASSWORD_RESET);
			// in the account's language, not the page's: the person who asked may not be its owner
			Locale language = Locale.forLanguageTag(account.getLanguage());
			this.outbox.send(account.getEmail(), this.messages.getMessage("account.mail.reset.subject", null, language),
					this.messages.getMessage("account.mail.reset.body", new Object[] { baseUrl + path }, language));
		});
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.mailer.shutdown();
		this.mailer.awaitTermination(5, TimeUnit.SECONDS);
	}

	@Transactional(readOnly = true)
	public boolean isOpen(String token) {
		return this.tokens.peek(token, AccountTokens.Purpose.PASSWORD_RESET).isPresent();
	}

	@Transactional
	public void reset(String token, PasswordForm form) {
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
