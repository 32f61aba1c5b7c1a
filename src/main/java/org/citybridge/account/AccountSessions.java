package org.citybridge.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of an account, kept in PostgreSQL by Spring Session and indexed by the
 * account's e-mail. A change of credentials or role, a deactivation or an erasure ends them, so
 * that a session opened elsewhere (a stolen one, say) does not outlive what it was opened with.
 */
@Component
public record AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {

	/** Ends every session of the account with this e-mail; returns how many there were. */
	public int endAll(String email) {
		return endAllBut(email, null);
	}

	/**
	 * Ends every session of the account but the one given (the one that made the change, which
	 * stays signed in); {@code null} keeps none. Returns how many ended.
	 */
	public int endAllBut(String email, String keptSessionId) {
		int ended = 0;
		for (String id : this.sessions.findByPrincipalName(email).keySet()) {
			if (!id.equals(keptSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}
}
