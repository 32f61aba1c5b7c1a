package org.citybridge.notice;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the notices people hold, and makes the people and follows a producer's test needs, in SQL. */
public final class NoticesHeld {

	private NoticesHeld() {
	}

	/** An account's notices, oldest first, each as {@code KIND|arg0|arg1…|link}. */
	public static List<String> of(JdbcClient jdbc, long accountId) {
		return jdbc.sql("""
				SELECT kind || '|' || array_to_string(args, '|') || '|' || coalesce(link, '')
				FROM notices WHERE account_id = ? ORDER BY id
				""").param(accountId).query(String.class).list();
	}

	/** The notices of an account, found by its e-mail address. */
	public static List<String> of(JdbcClient jdbc, String email) {
		return of(jdbc, accountId(jdbc, email));
	}

	/** How many notices of a kind link to the path, whoever holds them. */
	public static long count(JdbcClient jdbc, String kind, String link) {
		return jdbc.sql("SELECT count(*) FROM notices WHERE kind = ? AND link = ?").params(kind, link)
			.query(Long.class).single();
	}

	public static long accountId(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT id FROM accounts WHERE lower(email) = lower(?)").param(email).query(Long.class).single();
	}

	/** A new, active officer of the municipality. */
	public static long officer(JdbcClient jdbc, long municipalityId) {
		return jdbc.sql("""
				INSERT INTO accounts (email, display_name, password_hash, role, municipality_id, enabled)
				VALUES (?, 'Test officer', '{noop}x', 'OFFICER', ?, true) RETURNING id
				""").params("officer-" + UUID.randomUUID() + "@test.example", municipalityId).query(Long.class).single();
	}

	/** A new, active delegate (an account that belongs to no municipality nor organisation). */
	public static long delegate(JdbcClient jdbc) {
		return jdbc.sql("""
				INSERT INTO accounts (email, display_name, password_hash, role, enabled)
				VALUES (?, 'Test delegate', '{noop}x', 'DELEGATE', true) RETURNING id
				""").param("delegate-" + UUID.randomUUID() + "@test.example").query(Long.class).single();
	}

	public static void follow(JdbcClient jdbc, long accountId, Followable type, long id) {
		jdbc.sql("INSERT INTO follows (account_id, target_type, target_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(accountId, type.name(), id).update();
	}
}
