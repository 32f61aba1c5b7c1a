package org.citybridge.system;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads the number of a record from an address or a form: at most 18 digits, greater than zero,
 * nothing else. Anything else names no record, so the caller answers as it does for an unknown
 * one (a 404, or a message next to the field), never with a 500.
 */
public final class Ids {

	private static final int MAX_DIGITS = 18;

	private static final int MAX_ECHO = 40;

	private Ids() {
	}

	/** The id, if the text (surrounding white space allowed) is one. */
	public static OptionalLong parse(String text) {
		if (text == null) {
			return OptionalLong.empty();
		}
		String digits = text.strip();
		if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		long value = Long.parseLong(digits);
		return (value > 0) ? OptionalLong.of(value) : OptionalLong.empty();
	}

	/** The id, or {@code null} if the text is none. */
	public static Long orNull(String text) {
		OptionalLong id = parse(text);
		return id.isPresent() ? id.getAsLong() : null;
	}

	/**
	 * The id, or the exception {@code notFound} makes of the text (cut to 40 characters, so that a
	 * hostile address is not echoed whole).
	 */
	public static long require(String text, Function<String, ? extends RuntimeException> notFound) {
		OptionalLong id = parse(text);
		if (id.isPresent()) {
			return id.getAsLong();
		}
		String echo = (text == null) ? "" : (text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) : text;
		throw notFound.apply(echo);
	}
}
