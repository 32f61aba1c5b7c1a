package org.citybridge.account;

import java.util.Locale;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.municipality.MunicipalityMemberships;
import org.citybridge.network.Organisation;
import org.citybridge.network.Organisations;
import org.citybridge.system.Actor;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts are created by invitation only: an admin invites anyone; staff invite officers of the
 * municipalities that are members of their organisation. The invitee sets their own password
 * through a single-use link that expires after seven days.
 */
@Service
public class Invitations {

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final Outbox outbox;

	private final MunicipalityMemberships memberships;

	private final AuditLog audit;

	private final PasswordEncoder passwordEncoder;

	private final MessageSource messages;

	private final Organisations organisations;

	private final JdbcClient jdbc;

	private final AccountSessions sessions;

	Invitations(AccountRepository accounts, AccountTokens tokens, Outbox outbox, MunicipalityMemberships memberships,
			AuditLog audit, PasswordEncoder passwordEncoder, MessageSource messages, Organisations organisations,
			JdbcClient jdbc, AccountSessions sessions) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.outbox = outbox;
		this.memberships = memberships;
		this.audit = audit;
		this.passwordEncoder = passwordEncoder;
		this.messages = messages;
		this.organisations = organisations;
		this.jdbc = jdbc;
	}

	/**
	 * An invitation sent: the link's path for the inviter to see, and the municipality of an
	 * invited officer (name and country code; null for other roles).
	 */
	public record Sent(String path, String municipalityName, String countryCode) {

		/** Whether an existing delegate's account was raised to officer (no link: they keep their password). */
		public boolean raised() {
			return this.path == null;
		}
	}

	/**
	 * Creates the invited account and its link, and mails the link in the language the inviter chose
	 * (the page's, {@code locale}, when none), which becomes the account's: saying who invites and, for
	 * an officer, for which municipality (its name and country).
	 */
	@Transactional
	public Sent invite(Actor inviter, InvitationForm form, String baseUrl, Locale locale) {
		checkMayInvite(inviter, form);
		java.util.Optional<Account> existing = this.accounts.findByEmail(form.email().strip());
		if (existing.isPresent() && form.role() == Actor.Role.OFFICER && existing.get().getRole() == Actor.Role.DELEGATE
				&& existing.get().isEnabled() && !existing.get().isErased()) {
			return raise(inviter, existing.get(), form.municipalityId());
		}
		if (existing.isPresent() && !existing.get().isUnconfirmedSignUp()) {
			throw new AccountRefused("email", "account.invite.email.taken");
		}
		// A sign-up never confirmed proves nothing about the address: the invitation takes its place (its
		// links die), and the person who opens the invitation's link sets the password.
		Map<String, Object> takenOver = existing.map(Account::auditView).orElse(null);
		Account account = existing.orElseGet(() -> new Account(form.email(), form.displayName(), form.role(),
				form.municipalityId(), form.organisationId()));
		if (takenOver != null) {
			account.signedUpAgain(form.displayName(), account.getLanguage());
			account.changeRole(form.role(), form.municipalityId(), form.organisationId());
			this.tokens.revokeAll(account.getId(), AccountTokens.Purpose.EMAIL_CHECK);
		}
		account.changeLanguage(form.languageOr(locale));
		try {
			this.accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("accounts_email_uk")) {
				throw new AccountRefused("email", "account.invite.email.taken");
			}
			if (message.contains("municipality_id") || message.contains("organisation_id")) {
				throw new AccountRefused(form.role() == Actor.Role.OFFICER ? "municipality" : "organisationId",
						"account.invite.scope.unknown");
			}
			throw ex;
		}
		this.audit.record(AccountAdministration.who(inviter, this.accounts), "account", account.getId(),
				takenOver == null ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE, takenOver, account.auditView());
		Locale language = Locale.forLanguageTag(account.getLanguage());
		String path = "/invitations/" + this.tokens.issue(account.getId(), AccountTokens.Purpose.INVITATION);
		Place place = form.role() == Actor.Role.OFFICER ? place(form.municipalityId()) : null;
		String scope = switch (form.role()) {
			case OFFICER -> this.messages.getMessage("account.mail.invitation.officer",
					new Object[] { place.name(), countryName(place.countryCode(), language) }, language);
			case STAFF -> this.messages.getMessage("account.mail.invitation.staff", new Object[] {
					this.organisations.byId(form.organisationId()).map(o -> o.name()).orElse("") }, language);
			default -> this.messages.getMessage("account.mail.invitation.admin", null, language);
		};
		String subject = place != null
				? this.messages.getMessage("account.mail.invitation.subject.municipality", new Object[] { place.name() }, language)
				: this.messages.getMessage("account.mail.invitation.subject", null, language);
		this.outbox.send(account.getEmail(), subject, this.messages.getMessage("account.mail.invitation.body",
				new Object[] { account.getDisplayName(), inviterName(inviter, language), scope, baseUrl + path }, language));
		return new Sent(path, place == null ? null : place.name(), place == null ? null : place.countryCode());
	}

	/**
	 * A delegate invited as an officer: the account becomes the municipality's officer's and keeps
	 * its password; its sessions end (the next sign-in carries the new role), and a mail in the
	 * account's own language says so.
	 */
	private Sent raise(Actor inviter, Account account, long municipalityId) {
		Map<String, Object> before = account.auditView();
		account.changeRole(Actor.Role.OFFICER, municipalityId, null);
		this.accounts.flush();
		this.sessions.endAll(account.getEmail());
		this.audit.record(AccountAdministration.who(inviter, this.accounts), "account", account.getId(),
				AuditLog.Action.UPDATE, before, account.auditView());
		Place place = place(municipalityId);
		Locale language = Locale.forLanguageTag(account.getLanguage());
		this.outbox.send(account.getEmail(),
				this.messages.getMessage("account.mail.raised.subject", new Object[] { place.name() }, language),
				this.messages.getMessage("account.mail.raised.body", new Object[] { account.getDisplayName(),
						inviterName(inviter, language), place.name(), countryName(place.countryCode(), language) }, language));
		return new Sent(null, place.name(), place.countryCode());
	}

	private record Place(String name, String countryCode) {
	}

	/** The invited officer's municipality, read as the directory keeps it. */
	private Place place(long municipalityId) {
		return this.jdbc.sql("SELECT name, country_code FROM municipalities WHERE id = ?")
			.param(municipalityId)
			.query((rs, n) -> new Place(rs.getString(1), rs.getString(2)))
			.single();
	}

	private static String countryName(String code, Locale locale) {
		String name = new Locale("", code).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}

	/** Who invites, as the invitee knows them: name and address, and the organisation they work for. */
	private String inviterName(Actor inviter, Locale locale) {
		Account account = inviter.accountId() == null ? null : this.accounts.findById(inviter.accountId()).orElse(null);
		String person = account == null ? this.messages.getMessage("account.mail.invitation.inviter.portal", null, locale)
				: account.label();
		Organisation organisation = inviter.organisationId() == null ? null
				: this.organisations.byId(inviter.organisationId()).orElse(null);
		if (organisation == null) {
			return person;
		}
		String name = organisation.shortName() != null && !organisation.shortName().isBlank()
				? organisation.name() + " (" + organisation.shortName() + ")" : organisation.name();
		return this.messages.getMessage("account.mail.invitation.inviter.organisation", new Object[] { person, name }, locale);
	}

	private void checkMayInvite(Actor inviter, InvitationForm form) {
		if (form.role() == Actor.Role.OFFICER && form.municipalityId() == null) {
			throw new AccountRefused("municipality", "account.invite.municipality.required");
		}
		if (form.role() == Actor.Role.STAFF && form.organisationId() == null) {
			throw new AccountRefused("organisationId", "account.invite.organisation.required");
		}
		if (form.role() == Actor.Role.ANONYMOUS) {
			throw new AccountRefused("role", "account.invite.role.required");
		}
		boolean allowed = switch (inviter.role()) {
			case ADMIN -> true;
			case STAFF -> form.role() == Actor.Role.OFFICER
					&& this.memberships.organisationHasMember(inviter.organisationId(), form.municipalityId());
			default -> false;
		};
		if (!allowed && inviter.role() == Actor.Role.STAFF && form.role() == Actor.Role.OFFICER) {
			throw new AccountRefused("municipality", "account.invite.forbidden");
		}
		if (!allowed) {
			throw new AccountRefused("role", "account.invite.forbidden");
		}
	}

	/** Whether the invitation link is still good (it is not used up by looking). */
	@Transactional(readOnly = true)
	public boolean isOpen(String token) {
		return this.tokens.peek(token, AccountTokens.Purpose.INVITATION).isPresent();
	}

	/**
	 * Sets the invitee's password and opens the account, reading its mails in {@code locale}'s
	 * language (the page's); the link is used up.
	 */
	@Transactional
	public void accept(String token, PasswordForm form, Locale locale) {
		String problem = problemWith(form);
		if (problem != null) {
			throw new AccountRefused("password", problem);
		}
		long accountId = this.tokens.consume(token, AccountTokens.Purpose.INVITATION)
			.orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		Account account = this.accounts.findById(accountId).orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		java.util.Map<String, Object> before = account.auditView();
		account.activate(this.passwordEncoder.encode(form.password()));
		account.changeLanguage(Account.languageOf(locale));
		this.audit.record(new AuditLog.Who(account.getId(), account.label()), "account", account.getId(),
				AuditLog.Action.UPDATE, before, account.auditView());
	}

	public static String problemWith(PasswordForm form) {
		String problem = PasswordPolicy.problemWith(form.password());
		if (problem == null && !form.password().equals(form.confirmation())) {
			problem = "account.password.mismatch";
		}
		return problem;
	}
}
