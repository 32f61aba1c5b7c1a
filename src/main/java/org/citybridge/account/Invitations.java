package org.citybridge.account;

import java.util.Locale;

import org.citybridge.audit.AuditLog;
import org.citybridge.municipality.MunicipalityMemberships;
import org.citybridge.system.Actor;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
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

	Invitations(AccountRepository accounts, AccountTokens tokens, Outbox outbox, MunicipalityMemberships memberships,
			AuditLog audit, PasswordEncoder passwordEncoder, MessageSource messages) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.outbox = outbox;
		this.memberships = memberships;
		this.audit = audit;
		this.passwordEncoder = passwordEncoder;
		this.messages = messages;
	}

	/** Creates the invited account and its link; returns the link's path for the inviter to see. */
	@Transactional
	public String invite(Actor inviter, InvitationForm form, String baseUrl, Locale locale) {
		checkMayInvite(inviter, form);
		if (this.accounts.findByEmail(form.email().strip()).isPresent()) {
			throw new AccountRefused("email", "account.invite.email.taken");
		}
		Account account = new Account(form.email(), form.displayName(), form.role(), form.municipalityId(),
				form.organisationId());
		try {
			this.accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("accounts_email_uk")) {
				throw new AccountRefused("email", "account.invite.email.taken");
			}
			if (message.contains("municipality_id") || message.contains("organisation_id")) {
				throw new AccountRefused(form.role() == Actor.Role.OFFICER ? "municipalityId" : "organisationId",
						"account.invite.scope.unknown");
			}
			throw ex;
		}
		this.audit.record(AccountAdministration.who(inviter, this.accounts), "account", account.getId(),
				AuditLog.Action.CREATE, null, account.auditView());
		String path = "/invitations/" + this.tokens.issue(account.getId(), AccountTokens.Purpose.INVITATION);
		this.outbox.send(account.getEmail(), this.messages.getMessage("account.mail.invitation.subject", null, locale),
				this.messages.getMessage("account.mail.invitation.body",
						new Object[] { account.getDisplayName(), baseUrl + path }, locale));
		return path;
	}

	private void checkMayInvite(Actor inviter, InvitationForm form) {
		if (form.role() == Actor.Role.OFFICER && form.municipalityId() == null) {
			throw new AccountRefused("municipalityId", "account.invite.municipality.required");
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
		if (!allowed) {
			throw new AccountRefused("role", "account.invite.forbidden");
		}
	}

	/** Whether the invitation link is still good (it is not used up by looking). */
	@Transactional(readOnly = true)
	public boolean isOpen(String token) {
		return this.tokens.peek(token, AccountTokens.Purpose.INVITATION).isPresent();
	}

	/** Sets the invitee's password and opens the account; the link is used up. */
	@Transactional
	public void accept(String token, PasswordForm form) {
		String problem = problemWith(form);
		if (problem != null) {
			throw new AccountRefused("password", problem);
		}
		long accountId = this.tokens.consume(token, AccountTokens.Purpose.INVITATION)
			.orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		Account account = this.accounts.findById(accountId).orElseThrow(() -> new AccountRefused("password", "account.link.invalid"));
		java.util.Map<String, Object> before = account.auditView();
		account.activate(this.passwordEncoder.encode(form.password()));
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
