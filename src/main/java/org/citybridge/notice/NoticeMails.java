package org.citybridge.notice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citybridge.system.Moments;
import org.citybridge.system.OfficerMail;
import org.citybridge.system.PublicUrl;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes notices out in a reader's language (for the portal's list, the feed and mails) and mails
 * them: one notice at once, or a day's notices in one digest. Links in mails are absolute, made
 * from the portal's public address, never from a request.
 */
@Component
public class NoticeMails {

	/** A stored notice. */
	public record Stored(long id, long accountId, String kind, List<String> args, String link,
			java.time.Instant createdAt, java.time.Instant readAt) {
	}

	/** Who receives a mail: address, name to greet, language. */
	record Recipient(long id, String email, String name, Locale locale) {
	}

	static final String COLUMNS = "n.id, n.account_id, n.kind, n.args, n.link, n.created_at, n.read_at";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final OfficerMail mail;

	private final PublicUrl publicUrl;

	NoticeMails(JdbcClient jdbc, MessageSource messages, OfficerMail mail, PublicUrl publicUrl) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.mail = mail;
		this.publicUrl = publicUrl;
	}

	public static Stored row(ResultSet rs, int n) throws SQLException {
		Array array = rs.getArray(4);
		List<String> args = new ArrayList<>();
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				args.add(value == null ? "" : value.toString());
			}
		}
		java.sql.Timestamp read = rs.getTimestamp(7);
		return new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), List.copyOf(args), rs.getString(5),
				rs.getTimestamp(6).toInstant(), read == null ? null : read.toInstant());
	}

	/** The language an account reads the portal and its mails in. */
	public static Locale locale(String language) {
		return Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
	}

	/** The notice's one-line text in the locale. */
	public String text(Stored notice, Locale locale) {
		return message(notice.kind(), false, notice.args(), locale, false);
	}

	/**
	 * The notice's one-line text for a page: the titles and names it quotes, stored as they were
	 * written, marked as text of their own language ({@link org.citybridge.system.Text#typed}).
	 */
	public String textOnPage(Stored notice, Locale locale) {
		return message(notice.kind(), false, notice.args(), locale, true);
	}

	/** The notice's subject line in the locale. */
	public String subject(Stored notice, Locale locale) {
		return message(notice.kind(), true, notice.args(), locale, false);
	}

	private String message(String kind, boolean subject, List<String> args, Locale locale, boolean onPage) {
		NoticeKind known;
		try {
			known = NoticeKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			return kind;
		}
		// Four arguments at most; a kind with fewer leaves the rest empty rather than showing {2}.
		Object[] values = new Object[Math.max(4, args.size())];
		for (int i = 0; i < values.length; i++) {
			String arg = i < args.size() ? args.get(i) : null;
			boolean quoted = onPage && arg != null && !arg.isBlank() && !arg.startsWith(Announcement.MOMENT);
			values[i] = arg == null ? "" : quoted ? org.citybridge.system.Text.typedIfText(arg) : shown(arg, locale);
		}
		return this.messages.getMessage(subject ? known.subjectKey() : known.textKey(), values, locale);
	}

	/** An argument as the reader reads it: a moment ({@link Announcement#moment}) in their language. */
	static String shown(String arg, Locale locale) {
		if (arg == null || !arg.startsWith(Announcement.MOMENT)) {
			return arg;
		}
		String[] parts = arg.substring(Announcement.MOMENT.length()).split(" ", 2);
		try {
			return Moments.dateTime(Instant.parse(parts[0]), parts.length > 1 ? ZoneId.of(parts[1]) : ZoneOffset.UTC, locale);
		}
		catch (DateTimeException ex) {
			return arg;
		}
	}

	/** The absolute address of a path on the portal. */
	public String absolute(String path) {
		return this.publicUrl.origin() + (path == null ? "/notices" : path);
	}

	Optional<Recipient> recipient(long accountId) {
		return this.jdbc.sql("""
				SELECT id, email, coalesce(display_name, email), language FROM accounts
				WHERE id = ? AND enabled AND deleted_at IS NULL
				""").param(accountId)
			.query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), locale(rs.getString(4))))
			.optional();
	}

	/** Mails one notice at once, in its recipient's language, and marks it mailed; inside the caller's transaction. */
	void mailNow(long noticeId) {
		Stored notice = this.jdbc.sql("SELECT " + COLUMNS + " FROM notices n WHERE n.id = ?").param(noticeId)
			.query(NoticeMails::row).single();
		Optional<Recipient> recipient = recipient(notice.accountId());
		if (recipient.isEmpty()) {
			return;
		}
		Locale locale = recipient.get().locale();
		StringBuilder body = new StringBuilder();
		body.append(this.messages.getMessage("notice.mail.greeting", new Object[] { recipient.get().name() }, locale))
			.append("\n\n")
			.append(text(notice, locale))
			.append("\n\n")
			.append(this.messages.getMessage("notice.mail.open", new Object[] { absolute(notice.link()) }, locale))
			.append("\n\n");
		frameEnd(body, locale);
		this.mail.send(recipient.get().email(), subject(notice, locale), body.toString());
		this.jdbc.sql("UPDATE notices SET mailed_at = now() WHERE id = ?").param(noticeId).update();
	}

	/** Mails the day's digest of these notices, in the recipient's language; the caller marks them mailed. */
	void mailDigest(Recipient recipient, List<Stored> notices) {
		Locale locale = recipient.locale();
		StringBuilder body = new StringBuilder();
		body.append(this.messages.getMessage("notice.mail.greeting", new Object[] { recipient.name() }, locale))
			.append("\n\n")
			.append(this.messages.getMessage("notice.digest.intro", null, locale))
			.append("\n\n");
		for (Stored notice : notices) {
			body.append("- ").append(text(notice, locale)).append("\n  ").append(absolute(notice.link())).append("\n\n");
		}
		frameEnd(body, locale);
		String subject = this.messages.getMessage("notice.digest.subject", new Object[] { notices.size() }, locale);
		this.mail.send(recipient.email(), subject, body.toString());
	}

	private void frameEnd(StringBuilder body, Locale locale) {
		body.append(this.messages.getMessage("notice.mail.settings", new Object[] { absolute("/notices/settings") }, locale))
			.append("\n\n-- \n")
			.append(this.messages.getMessage("notice.mail.signOff", null, locale))
			.append("\n");
	}
}
