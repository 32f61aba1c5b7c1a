package org.citybridge.notice.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.notice.Delivery;
import org.citybridge.notice.Follows;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.NoticeMails;
import org.citybridge.system.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notice settings: per kind, at once, daily digest or off; the private address of their
 * Atom feed, which carries a random secret of which only a SHA-256 hash is kept (as calendar feeds
 * do; a new address revokes the old one); and what they follow.
 */
@Service
class NoticeSettings {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** One kind's choice as the form shows it, with the message key of its error, if any. */
	record Choice(String kind, String value, String error) {
	}

	/** Kinds under one heading. */
	record Group(String key, List<Choice> choices) {
	}

	/** The settings page. */
	record View(List<Group> groups, boolean invalid, Instant feedCreated, List<Follows.Followed> follows) {
	}

	private final JdbcClient jdbc;

	private final Follows follows;

	private final NoticeMails mails;

	private final AuditLog audit;

	NoticeSettings(JdbcClient jdbc, Follows follows, NoticeMails mails, AuditLog audit) {
		this.jdbc = jdbc;
		this.follows = follows;
		this.mails = mails;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	View view(Actor actor) {
		long account = NoticeBoard.signedIn(actor);
		return view(account, stored(account), Map.of());
	}

	/**
	 * Saves every choice of the form, or none: a value that is not one of the three leaves all as
	 * they were and comes back with the person's values and a message next to the field. A kind
	 * the form leaves out keeps its choice.
	 * @return the page to show again, or empty when saved
	 */
	@Transactional
	Optional<View> save(Actor actor, Map<String, String> form) {
		long account = NoticeBoard.signedIn(actor);
		Map<String, String> values = new LinkedHashMap<>(stored(account));
		Map<String, String> errors = new HashMap<>();
		for (NoticeKind kind : NoticeKind.values()) {
			String given = form.get(kind.name());
			if (given == null) {
				continue;
			}
			values.put(kind.name(), given);
			if (delivery(given) == null) {
				errors.put(kind.name(), "notice.settings.invalid");
			}
		}
		if (!errors.isEmpty()) {
			return Optional.of(view(account, values, errors));
		}
		for (NoticeKind kind : NoticeKind.values()) {
			this.jdbc.sql("""
					INSERT INTO notice_preferences (account_id, kind, delivery) VALUES (?, ?, ?)
					ON CONFLICT (account_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery
					""").params(account, kind.name(), delivery(values.get(kind.name())).name()).update();
		}
		return Optional.empty();
	}

	/**
	 * Makes a new private feed address, revoking the previous one; answers its absolute address, shown
	 * once. The audit log records that an address was made or replaced (never the secret).
	 */
	@Transactional
	String newFeed(Actor actor, String actorLabel) {
		long account = NoticeBoard.signedIn(actor);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		boolean replaced = this.jdbc.sql("""
				INSERT INTO notice_feeds (account_id, token_hash) VALUES (?, ?)
				ON CONFLICT (account_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
				RETURNING (xmax <> 0)
				""").params(account, hash(token)).query(Boolean.class).single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("created", Instant.now().toString());
		this.audit.record(new AuditLog.Who(account, actorLabel), "noticeFeed", account,
				replaced ? AuditLog.Action.UPDATE : AuditLog.Action.CREATE,
				replaced ? Map.of("created", "replaced") : null, after);
		return this.mails.absolute("/notices/feed/" + token);
	}

	/** Deletes the private feed address: it answers 404 from now on; the audit log records it. */
	@Transactional
	void deleteFeed(Actor actor, String actorLabel) {
		long account = NoticeBoard.signedIn(actor);
		int deleted = this.jdbc.sql("DELETE FROM notice_feeds WHERE account_id = ?").param(account).update();
		if (deleted > 0) {
			this.audit.record(new AuditLog.Who(account, actorLabel), "noticeFeed", account, AuditLog.Action.DELETE,
					Map.of("revoked", false), Map.of("revoked", true));
		}
	}

	/** The account a feed secret belongs to, if it is a live one. */
	Optional<Long> feedAccount(String token) {
		if (token == null || token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT account_id FROM notice_feeds WHERE token_hash = ?").param(hash(token))
			.query(Long.class).optional();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Delivery delivery(String value) {
		if (value == null) {
			return null;
		}
		for (Delivery delivery : Delivery.values()) {
			if (delivery.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
				return delivery;
			}
		}
		return null;
	}

	/** The readable heading a kind is listed under. */
	static String group(NoticeKind kind) {
		String name = kind.name();
		if (name.startsWith("REQUEST_") || name.startsWith("SEARCH_")) {
			return "REQUESTS";
		}
		if (name.startsWith("AGREEMENT_")) {
			return "AGREEMENTS";
		}
		if (name.startsWith("CASE_STUDY_") || name.startsWith("ENROLMENT") || name.startsWith("TRAINING_")) {
			return "LEARNING";
		}
		if (name.startsWith("EVENT_") || name.startsWith("SESSION_")) {
			return "EVENTS";
		}
		return "OTHER";
	}

	private Map<String, String> stored(long account) {
		Map<String, String> values = new LinkedHashMap<>();
		for (NoticeKind kind : NoticeKind.values()) {
			values.put(kind.name(), Delivery.IMMEDIATE.name());
		}
		this.jdbc.sql("SELECT kind, delivery FROM notice_preferences WHERE account_id = ?").param(account)
			.query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
		return values;
	}

	private View view(long account, Map<String, String> values, Map<String, String> errors) {
		Map<String, List<Choice>> grouped = new LinkedHashMap<>();
		for (NoticeKind kind : NoticeKind.values()) {
			grouped.computeIfAbsent(group(kind), g -> new ArrayList<>())
				.add(new Choice(kind.name(), values.get(kind.name()), errors.get(kind.name())));
		}
		List<Group> groups = grouped.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue()))).toList();
		Instant feedCreated = this.jdbc.sql("SELECT created_at FROM notice_feeds WHERE account_id = ?").param(account)
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
		return new View(groups, !errors.isEmpty(), feedCreated, this.follows.of(account));
	}
}
