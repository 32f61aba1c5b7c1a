package org.citybridge.account;

import java.util.List;

import org.citybridge.system.OfficerMail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sends what other features tell a municipality to its active officers, through the outbox. */
@Component
record OfficerMailbox(JdbcClient jdbc, Outbox outbox) implements OfficerMail {

	@Override
	public int toOfficersOf(long municipalityId, String subject, String body) {
		List<String> recipients = this.jdbc.sql("""
				SELECT email FROM accounts
				WHERE role = 'OFFICER' AND municipality_id = ? AND enabled AND deleted_at IS NULL ORDER BY id
				""").param(municipalityId).query(String.class).list();
		recipients.forEach(recipient -> this.outbox.send(recipient, subject, body));
		return recipients.size();
	}

	@Override
	public void send(String recipient, String subject, String body) {
		this.outbox.send(recipient, subject, body);
	}
}
