package org.citybridge.notice.pages;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.citybridge.notice.NoticeMails;
import org.citybridge.notice.NoticeNotFound;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/** The Atom 1.0 feed of an account's recent notices, at its private address, in the account's language. */
@Service
class NoticeFeed {

	static final int ENTRIES = 50;

	private final JdbcClient jdbc;

	private final NoticeMails mails;

	private final NoticeSettings settings;

	private final MessageSource messages;

	NoticeFeed(JdbcClient jdbc, NoticeMails mails, NoticeSettings settings, MessageSource messages) {
		this.jdbc = jdbc;
		this.mails = mails;
		this.settings = settings;
		this.messages = messages;
	}

	/** The feed's XML; an unknown or revoked secret is a 404. */
	@Transactional(readOnly = true)
	String atom(String token) {
		long account = this.settings.feedAccount(token).orElseThrow(() -> new NoticeNotFound("feed"));
		String[] who = this.jdbc.sql("SELECT coalesce(display_name, email), language FROM accounts WHERE id = ?").param(account)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		Locale locale = NoticeMails.locale(who[1]);
		List<NoticeMails.Stored> notices = this.jdbc.sql("""
				SELECT n.id, n.account_id, n.kind, n.args, n.link, n.created_at, n.read_at
				FROM notices n WHERE n.account_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?
				""").params(account, ENTRIES).query(NoticeMails::row).list();
		Instant updated = notices.isEmpty() ? Instant.EPOCH : notices.get(0).createdAt();
		StringBuilder xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
			.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(locale.getLanguage()).append("\">\n")
			.append("  <title>").append(escape(this.messages.getMessage("notice.feed.title", new Object[] { who[0] }, locale)))
			.append("</title>\n")
			.append("  <id>").append(escape(this.mails.absolute("/notices")) ).append("#account-").append(account).append("</id>\n")
			.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(this.mails.absolute("/notices"))).append("\"/>\n")
			.append("  <updated>").append(time(updated)).append("</updated>\n")
			.append("  <author><name>CityBridge</name></author>\n");
		for (NoticeMails.Stored notice : notices) {
			String link = this.mails.absolute(notice.link());
			xml.append("  <entry>\n")
				.append("    <id>").append(escape(this.mails.absolute("/notices"))).append("#notice-").append(notice.id()).append("</id>\n")
				.append("    <title>").append(escape(this.mails.subject(notice, locale))).append("</title>\n")
				.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(link)).append("\"/>\n")
				.append("    <updated>").append(time(notice.createdAt())).append("</updated>\n")
				.append("    <summary>").append(escape(this.mails.text(notice, locale))).append("</summary>\n")
				.append("  </entry>\n");
		}
		xml.append("</feed>\n");
		return xml.toString();
	}

	private static String time(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8").replace("&#39;", "&apos;");
	}
}
