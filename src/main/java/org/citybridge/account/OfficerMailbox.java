package org.citybridge.account;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.citybridge.system.OfficerMail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends what other features tell a municipality to its active officers, through the outbox, each in
 * their account's language.
 */
@Component
record OfficerMailbox(JdbcClient jdbc, Outbox outbox) implements OfficerMail {

	@Override
	public int toOfficersOf(long municipalityId, Function<Locale, Letter> letter) {
		List<String[]> recipients = this.jdbc.sql("""
				SELECT email, language FROM accounts
				WHERE role = 'OFFICER' AND municipality_id = ? AND enabled AND deleted_at IS NULL ORDER BY id
				""").param(municipalityId).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		for (String[] recipient : recipients) {
			Letter written = letter.apply(Locale.forLanguageTag(recipient[1] == null ? "en" : recipient[1]));
			this.outbox.send(recipient[0], written.subject(), written.body());
		}
		return recipients.size();
	}

	@Override
	public void send(String recipient, String subject, String body) {
		this.outbox.send(recipient, subject, body);
	}
}
