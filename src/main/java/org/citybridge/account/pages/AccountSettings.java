package org.citybridge.account.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.citybridge.account.Account;
import org.citybridge.account.AccountRefused;
import org.citybridge.account.AccountRepository;
import org.citybridge.account.AccountSessions;
import org.citybridge.account.Invitations;
import org.citybridge.account.PasswordForm;

/** What a signed-in person does with their own account: password, data export, erasure. */
@Service
class AccountSettings {

	/** What the account page shows. */
	record View(long id, String email, String displayName, Actor.Role role, Long municipalityId, Long organisationId,
			String language) {
	}

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final AccountSessions sessions;

	AccountSettings(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditLog audit,
			AccountSessions sessions) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	View view(Actor actor) {
		Account account = own(actor);
		return new View(account.getId(), account.getEmail(), account.getDisplayName(), account.getRole(),
				account.getMunicipalityId(), account.getOrganisationId(), account.getLanguage());
	}

	/** Sets the language the account's mails and notices are written in (en, mn or fr). */
	@Transactional
	void changeLanguage(Actor actor, String language) {
		Account account = own(actor);
		Map<String, Object> before = Map.of("language", account.getLanguage());
		account.changeLanguage(language == null ? "" : language.strip());
		this.audit.record(new AuditLog.Who(account.getId(), account.label()), "account", account.getId(),
				AuditLog.Action.UPDATE, before, Map.of("language", account.getLanguage()));
	}

	/**
	 * Changes the password; the account's other sessions end (the one that changed it, given by its
	 * id, stays signed in).
	 */
	@Transactional
	void changePassword(Actor actor, PasswordForm form, String currentSessionId) {
		Account account = own(actor);
		if (form.current() == null || !this.passwordEncoder.matches(form.current(), account.getPasswordHash())) {
			throw new AccountRefused("current", "account.password.currentWrong");
		}
		String problem = Invitations.problemWith(form);
		if (problem != null) {
			throw new AccountRefused("password", problem);
		}
		account.activate(this.passwordEncoder.encode(form.password()));
		this.sessions.endAllBut(account.getEmail(), currentSessionId);
		this.audit.record(new AuditLog.Who(account.getId(), account.label()), "account", account.getId(),
				AuditLog.Action.UPDATE, Map.of("password", "set"), Map.of("password", "changed"));
	}

	/** Everything the portal keeps about the person, for them to download (GDPR art. 15 and 20). */
	@Transactional(readOnly = true)
	Map<String, Object> personalData(Actor actor) {
		Account account = own(actor);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("account", Map.of("id", account.getId(), "email", account.getEmail(),
				"displayName", String.valueOf(account.getDisplayName()), "role", account.getRole().name(),
				"createdAt", account.getCreatedAt().toString(), "language", account.getLanguage()));
		data.put("municipalityId", account.getMunicipalityId());
		data.put("organisationId", account.getOrganisationId());
		data.put("changesMade", this.audit.byActor(account.getId()));
		return data;
	}

	/**
	 * GDPR erasure: the account's personal data is erased and its audit entries are pseudonymised,
	 * so the history of records survives without the person.
	 */
	@Transactional
	void erase(Actor actor) {
		Account account = own(actor);
		// Its sessions end first, so that nothing signed in as the person writes after the erasure.
		this.sessions.endAll(account.getEmail());
		Map<String, Object> before = account.auditView();
		String pseudonym = "erased account #" + account.getId();
		this.audit.pseudonymise(account.getId(), pseudonym);
		account.erase();
		this.audit.record(new AuditLog.Who(null, pseudonym), "account", account.getId(), AuditLog.Action.DELETE,
				Map.of("erased", before.get("erased")), Map.of("erased", true));
	}

	private Account own(Actor actor) {
		if (!actor.isSignedIn()) {
			throw new AccountRefused("account", "account.forbidden");
		}
		return this.accounts.findById(actor.accountId())
			.filter(a -> !a.isErased())
			.orElseThrow(() -> new AccountRefused("account", "account.forbidden"));
	}
}
