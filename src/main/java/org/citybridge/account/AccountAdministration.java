package org.citybridge.account;

import java.util.List;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators list, search, deactivate accounts and change their role. */
@Service
public class AccountAdministration {

	/** One line of the accounts list. */
	public record Row(long id, String email, String displayName, Actor.Role role, Long municipalityId, Long organisationId,
			boolean enabled) {
	}

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final Outbox outbox;

	private final AccountSessions sessions;

	AccountAdministration(AccountRepository accounts, AuditLog audit, Outbox outbox, AccountSessions sessions) {
		this.accounts = accounts;
		this.audit = audit;
		this.outbox = outbox;
		this.sessions = sessions;
	}

	/** A deactivated account or a changed role takes effect at once: the person's sessions end. */
	private void endSessionsOf(Account account) {
		this.sessions.endAll(account.getEmail());
	}

	@Transactional(readOnly = true)
	public List<Row> search(Actor admin, String query) {
		requireAdmin(admin);
		String q = query == null ? "" : query.strip();
		return this.accounts.search(q.length() > 200 ? q.substring(0, 200) : q)
			.stream()
			.map(a -> new Row(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.getMunicipalityId(),
					a.getOrganisationId(), a.isEnabled()))
			.toList();
	}

	@Transactional
	public void deactivate(Actor admin, long accountId) {
		requireAdmin(admin);
		if (admin.accountId() != null && admin.accountId() == accountId) {
			throw new AccountRefused("account", "account.admin.notYourself");
		}
		Account account = this.accounts.findById(accountId).orElseThrow(() -> new AccountRefused("account", "account.admin.unknown"));
		Map<String, Object> before = account.auditView();
		account.deactivate();
		endSessionsOf(account);
		this.audit.record(who(admin, this.accounts), "account", accountId, AuditLog.Action.UPDATE, before, account.auditView());
	}

	@Transactional
	public void changeRole(Actor admin, long accountId, Actor.Role role, Long municipalityId, Long organisationId) {
		requireAdmin(admin);
		if (role == null || role == Actor.Role.ANONYMOUS || (role == Actor.Role.OFFICER && municipalityId == null)
				|| (role == Actor.Role.STAFF && organisationId == null)) {
			throw new AccountRefused("role", "account.admin.roleScope");
		}
		Account account = this.accounts.findById(accountId).orElseThrow(() -> new AccountRefused("account", "account.admin.unknown"));
		Map<String, Object> before = account.auditView();
		account.changeRole(role, municipalityId, organisationId);
		this.accounts.flush();
		endSessionsOf(account);
		this.audit.record(who(admin, this.accounts), "account", accountId, AuditLog.Action.UPDATE, before, account.auditView());
	}

	@Transactional(readOnly = true)
	public List<Outbox.Message> outbox(Actor admin) {
		requireAdmin(admin);
		return this.outbox.recent();
	}

	static void requireAdmin(Actor actor) {
		if (actor.role() != Actor.Role.ADMIN) {
			throw new AccountRefused("account", "account.forbidden");
		}
	}

	static AuditLog.Who who(Actor actor, AccountRepository accounts) {
		if (actor.accountId() == null) {
			return AuditLog.Who.SYSTEM;
		}
		return new AuditLog.Who(actor.accountId(),
				accounts.findById(actor.accountId()).map(Account::label).orElse("account #" + actor.accountId()));
	}
}
