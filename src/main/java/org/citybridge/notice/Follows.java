package org.citybridge.notice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each account follows: municipalities, agreements, funding instruments and events. Any
 * signed-in account may follow; a followed thing's changes reach its followers as notices
 * ({@link Audience#followers}). Pages ask {@code ${@follows.following('EVENT', event.id)}} for the
 * state of their Follow button.
 */
@Service
public class Follows {

	/** A followed thing, named and addressed for the list of what one follows. */
	public record Followed(Followable type, long id, String name, String path) {
	}

	private final JdbcClient jdbc;

	Follows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the current visitor follows the thing; {@code false} for anonymous visitors. */
	@Transactional(readOnly = true)
	public boolean following(String type, Long id) {
		Actor actor = Actor.current();
		Optional<Followable> known = type(type);
		if (!actor.isSignedIn() || known.isEmpty() || id == null) {
			return false;
		}
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM follows WHERE account_id = ? AND target_type = ? AND target_id = ?)")
			.params(actor.accountId(), known.get().name(), id).query(Boolean.class).single();
	}

	/**
	 * Follows ({@code action = follow}) or stops following ({@code unfollow}) the thing; an unknown
	 * type, number or thing is a 404. Answers the local path to return to: {@code back} where it is
	 * one, else the thing's own page.
	 */
	@Transactional
	public String change(Actor actor, String type, String id, String action, String back) {
		if (actor == null || !actor.isSignedIn()) {
			throw new AccessDeniedException("Following needs an account");
		}
		Followable known = type(type).orElseThrow(() -> new NoticeNotFound(type));
		long target = Text.requireId(id, NoticeNotFound::new);
		Followed thing = find(known, target).orElseThrow(() -> new NoticeNotFound(id));
		if ("unfollow".equals(action)) {
			this.jdbc.sql("DELETE FROM follows WHERE account_id = ? AND target_type = ? AND target_id = ?")
				.params(actor.accountId(), known.name(), target).update();
		}
		else if ("follow".equals(action)) {
			this.jdbc.sql("INSERT INTO follows (account_id, target_type, target_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
				.params(actor.accountId(), known.name(), target).update();
		}
		else {
			throw new NoticeNotFound(action);
		}
		String local = Text.localPath(back);
		return local != null ? local : thing.path();
	}

	/** What the account follows, newest first. */
	@Transactional(readOnly = true)
	public List<Followed> of(long accountId) {
		return this.jdbc.sql("""
				SELECT f.target_type, f.target_id,
				       CASE f.target_type
				         WHEN 'MUNICIPALITY' THEN (SELECT name FROM municipalities WHERE id = f.target_id)
				         WHEN 'AGREEMENT' THEN (SELECT title FROM agreements WHERE id = f.target_id)
				         WHEN 'INSTRUMENT' THEN (SELECT name FROM funding_instruments WHERE id = f.target_id)
				         WHEN 'EVENT' THEN (SELECT title FROM events WHERE id = f.target_id) END,
				       CASE f.target_type
				         WHEN 'MUNICIPALITY' THEN '/municipalities/' || f.target_id
				         WHEN 'AGREEMENT' THEN '/agreements/' || f.target_id
				         WHEN 'INSTRUMENT' THEN (SELECT '/funding/' || slug FROM funding_instruments WHERE id = f.target_id)
				         WHEN 'EVENT' THEN (SELECT '/events/' || slug FROM events WHERE id = f.target_id) END
				FROM follows f WHERE f.account_id = ? ORDER BY f.created_at DESC, f.target_type, f.target_id
				""").param(accountId)
			.query((rs, n) -> new Followed(Followable.valueOf(rs.getString(1)), rs.getLong(2),
					rs.getString(3) == null ? "#" + rs.getLong(2) : rs.getString(3),
					rs.getString(4) == null ? "/notices/settings" : rs.getString(4)))
			.list();
	}

	private Optional<Followed> find(Followable type, long id) {
		String sql;
		// Java 17: no pattern matching for switch; a plain switch statement on the enum.
		switch (type) {
			case MUNICIPALITY:
				sql = "SELECT name, '/municipalities/' || id FROM municipalities WHERE id = ?";
				break;
			case AGREEMENT:
				sql = "SELECT title, '/agreements/' || id FROM agreements WHERE id = ?";
				break;
			case INSTRUMENT:
				sql = "SELECT name, '/funding/' || slug FROM funding_instruments WHERE id = ?";
				break;
			default:
				sql = "SELECT title, '/events/' || slug FROM events WHERE id = ?";
				break;
		}
		return this.jdbc.sql(sql).param(id).query((rs, n) -> new Followed(type, id, rs.getString(1), rs.getString(2))).optional();
	}

	static Optional<Followable> type(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Followable.valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
