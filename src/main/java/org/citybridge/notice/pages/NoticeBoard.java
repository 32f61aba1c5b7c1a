package org.citybridge.notice.pages;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.citybridge.notice.NoticeMails;
import org.citybridge.notice.NoticeNotFound;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in person's notices: the list, newest first, in the reader's language; read marks; the unread count. */
@Service
class NoticeBoard {

	static final int PAGE_SIZE = 20;

	/** One notice as listed. */
	record Item(long id, String text, String link, Instant createdAt, boolean unread) {
	}

	/** A page of the list. */
	record Listing(List<Item> items, int page, int pages, String previousHref, String nextHref, long unread) {
	}

	private final JdbcClient jdbc;

	private final NoticeMails mails;

	NoticeBoard(JdbcClient jdbc, NoticeMails mails) {
		this.jdbc = jdbc;
		this.mails = mails;
	}

	@Transactional(readOnly = true)
	Listing list(Actor actor, String pageParam, Locale locale) {
		long account = signedIn(actor);
		long total = this.jdbc.sql("SELECT count(*) FROM notices WHERE account_id = ?").param(account).query(Long.class).single();
		long unread = unread(actor);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		Long asked = Text.idOrNull(pageParam);
		int page = asked == null ? 1 : (int) Math.min(asked, pages);
		List<Item> items = this.jdbc.sql("SELECT " + "n.id, n.account_id, n.kind, n.args, n.link, n.created_at, n.read_at" + """
				 FROM notices n WHERE n.account_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?
				""").params(account, PAGE_SIZE, (long) (page - 1) * PAGE_SIZE)
			.query(NoticeMails::row)
			.list()
			.stream()
			.map(n -> new Item(n.id(), this.mails.textOnPage(n, locale), n.link(), n.createdAt(), n.readAt() == null))
			.toList();
		return new Listing(items, page, pages, page > 1 ? "/notices?page=" + (page - 1) : null,
				page < pages ? "/notices?page=" + (page + 1) : null, unread);
	}

	/** How many of the person's notices are unread: one indexed count; 0 for anonymous visitors. */
	@Transactional(readOnly = true)
	long unread(Actor actor) {
		if (actor == null || actor.accountId() == null) {
			return 0;
		}
		return this.jdbc.sql("SELECT count(*) FROM notices WHERE account_id = ? AND read_at IS NULL").param(actor.accountId())
			.query(Long.class).single();
	}

	/** Marks the notice read and answers where its work is done (the list if it has no link). */
	@Transactional
	String open(Actor actor, String id) {
		long account = signedIn(actor);
		long notice = Text.requireId(id, NoticeNotFound::new);
		String link = this.jdbc.sql("""
				UPDATE notices SET read_at = coalesce(read_at, now()) WHERE id = ? AND account_id = ? RETURNING coalesce(link, '')
				""").params(notice, account).query(String.class).optional().orElseThrow(() -> new NoticeNotFound(id));
		String local = Text.localPath(link);
		return local == null ? "/notices" : local;
	}

	/** Marks the notice read, staying on the list. */
	@Transactional
	void markRead(Actor actor, String id) {
		open(actor, id);
	}

	@Transactional
	int markAllRead(Actor actor) {
		long account = signedIn(actor);
		return this.jdbc.sql("UPDATE notices SET read_at = now() WHERE account_id = ? AND read_at IS NULL").param(account).update();
	}

	static long signedIn(Actor actor) {
		if (actor == null || actor.accountId() == null) {
			throw new AccessDeniedException("Notices need an account");
		}
		return actor.accountId();
	}
}
