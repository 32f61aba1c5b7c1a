package org.citybridge.account;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Every message the portal sends is kept here; when {@code spring.mail.*} configures a mail server
 * it is also sent. Without one (as on a developer's machine) admins read the outbox.
 */
@Component
record Outbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender) {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	/**
	 * A message as the outbox lists it, with the language it is written in (the recipient account's,
	 * else Mongolian for a Cyrillic subject, else null: unknown), for the page to mark (WCAG 3.1.2).
	 */
	record Message(long id, String recipient, String subject, String body, Instant createdAt, Instant sentAt,
			String language) {
	}

	void send(String recipient, String subject, String body) {
		Instant sentAt = null;
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender != null) {
			try {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setTo(recipient);
				message.setSubject(subject);
				message.setText(body);
				sender.send(message);
				sentAt = Instant.now();
			}
			catch (MailException ex) {
				log.warn("Mail to an account could not be sent; it stays in the outbox ({})", ex.getClass().getSimpleName());
			}
		}
		this.jdbc.sql("INSERT INTO outbox_messages (recipient, subject, body, sent_at) VALUES (?, ?, ?, ?)")
			.params(recipient, subject, body, sentAt == null ? null : java.sql.Timestamp.from(sentAt))
			.update();
	}

	List<Message> recent() {
		return this.jdbc.sql("""
				SELECT o.id, o.recipient, o.subject, o.body, o.created_at, o.sent_at,
				       COALESCE((SELECT a.language FROM accounts a WHERE lower(a.email) = lower(o.recipient)),
				                CASE WHEN o.subject ~ '[А-Яа-яЁёӨөҮү]' THEN 'mn' END)
				FROM outbox_messages o
				ORDER BY o.created_at DESC, o.id DESC LIMIT 100
				""").query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(),
				rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}
}
