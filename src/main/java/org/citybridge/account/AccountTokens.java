package org.citybridge.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring links (invitations and password resets). The link carries a random token;
 * the database keeps only its SHA-256, so a leaked table opens no account.
 */
@Component
record AccountTokens(JdbcClient jdbc) {

	enum Purpose {
		INVITATION(Duration.ofDays(7)), PASSWORD_RESET(Duration.ofHours(1)), EMAIL_CHECK(Duration.ofHours(24));

		final Duration lifetime;

		Purpose(Duration lifetime) {
			this.lifetime = lifetime;
		}
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Issues a token for the account; returns the secret part of the link. */
	String issue(long accountId, Purpose purpose) {
		return issue(accountId, purpose, null, null);
	}

	/**
	 * Issues a sign-up link: it carries the password chosen (hashed) and the path to return to;
	 * returns the secret part of the link.
	 */
	String issueSignUp(long accountId, String passwordHash, String nextPath) {
		return issue(accountId, Purpose.EMAIL_CHECK, passwordHash, nextPath);
	}

	private String issue(long accountId, Purpose purpose, String passwordHash, String nextPath) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				INSERT INTO account_tokens (account_id, purpose, token_hash, expires_at, password_hash, next_path)
				VALUES (?, ?, ?, now() + make_interval(secs => ?), ?, ?)
				""").params(accountId, purpose.name(), hash(token), purpose.lifetime.toSeconds(), passwordHash, nextPath)
			.update();
		return token;
	}

	/** A live sign-up link: its account, the password chosen with it (hashed) and where to return. */
	record SignUp(long accountId, String passwordHash, String nextPath) {

		@Override
		public String toString() {
			return "SignUp[" + this.accountId + "]";
		}
	}

	/** The sign-up a live link stands for, without using it up. */
	Optional<SignUp> peekSignUp(String token) {
		return this.jdbc.sql("""
				SELECT account_id, password_hash, next_path FROM account_tokens
				WHERE token_hash = ? AND purpose = 'EMAIL_CHECK' AND used_at IS NULL AND expires_at > now()
				""").param(hash(token))
			.query((rs, n) -> new SignUp(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** The account a live token opens, without using it up. */
	Optional<Long> peek(String token, Purpose purpose) {
		return this.jdbc.sql("""
				SELECT account_id FROM account_tokens
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now()
				""").params(hash(token), purpose.name()).query(Long.class).optional();
	}

	/**
	 * Uses the token up, atomically: of two requests with the same link only one gets the account.
	 */
	Optional<Long> consume(String token, Purpose purpose) {
		return this.jdbc.sql("""
				UPDATE account_tokens SET used_at = now()
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > now()
				RETURNING account_id
				""").params(hash(token), purpose.name()).query(Long.class).optional();
	}

	/** Uses up every live token of the account for the purpose (older links stop working). */
	int revokeAll(long accountId, Purpose purpose) {
		return this.jdbc.sql("""
				UPDATE account_tokens SET used_at = now()
				WHERE account_id = ? AND purpose = ? AND used_at IS NULL
				""").params(accountId, purpose.name()).update();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(
					(token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
