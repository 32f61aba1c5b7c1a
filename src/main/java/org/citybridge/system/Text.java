package org.citybridge.system;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Small rules for text that forms, files and addresses hand over: blanks are no value, and the
 * number of a record is at most 18 digits, greater than zero, nothing else. Text that names no
 * record makes the caller answer as it does for an unknown one (a 404, or a message next to the
 * field), never with a 500.
 */
public final class Text {

	private static final int MAX_ID_DIGITS = 18;

	private static final int MAX_ECHO = 40;

	private Text() {
	}

	/** First strong isolate: opens text of no known language inside a sentence ({@link #typed}). */
	public static final char TYPED_OPEN = '\u2068';

	/** Pop directional isolate: closes it. */
	public static final char TYPED_CLOSE = '\u2069';

	/**
	 * Text of no known language inside a sentence of the portal, as a message argument: what a
	 * visitor typed and a message repeats ("No municipality matches «zzqqxx»", "Atlantis is not a
	 * country we know"), or a name staff gave a room or a session that a refusal quotes. It is wrapped
	 * in Unicode's first-strong and pop-directional isolates (U+2068 … U+2069); the pages write it as
	 * {@code <bdi lang="">} (HTML's element for embedded text of its own direction, and its mark of an
	 * unknown language), so that a screen reader does not read it as Mongolian or French and a
	 * right-to-left name does not reorder the sentence ({@code system.web.TypedTextDialect}). Anywhere
	 * else the two characters are invisible. {@code null} stays {@code null}.
	 */
	public static String typed(Object value) {
		return typedText(value);
	}

	/**
	 * As {@link #typed}, for an argument that may also be a number (a count a plural rule formats,
	 * given as a number or as its digits), which is returned as it is.
	 */
	public static Object typedIfText(Object value) {
		return value instanceof CharSequence text && !text.toString().matches("-?\\d{1,18}") ? typedText(value) : value;
	}

	private static String typedText(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).replace(String.valueOf(TYPED_OPEN), "").replace(String.valueOf(TYPED_CLOSE), "");
		return TYPED_OPEN + text + TYPED_CLOSE;
	}

	/** A value with nothing but blanks in it is no value; anything else loses its outer blanks. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The record's id, if the text (surrounding white space allowed) is one. */
	public static OptionalLong parseId(String text) {
		if (text == null) {
			return OptionalLong.empty();
		}
		String digits = text.strip();
		if (digits.isEmpty() || digits.length() > MAX_ID_DIGITS
				|| !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		long value = Long.parseLong(digits);
		return (value > 0) ? OptionalLong.of(value) : OptionalLong.empty();
	}

	/** The record's id, or {@code null} if the text is none. */
	public static Long idOrNull(String text) {
		OptionalLong id = parseId(text);
		return id.isPresent() ? id.getAsLong() : null;
	}

	/**
	 * The record's id, or the exception {@code notFound} makes of the text (cut to 40 characters, so
	 * that a hostile address is not echoed whole).
	 */
	public static long requireId(String text, Function<String, ? extends RuntimeException> notFound) {
		OptionalLong id = parseId(text);
		if (id.isPresent()) {
			return id.getAsLong();
		}
		String echo = (text == null) ? "" : (text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) : text;
		throw notFound.apply(echo);
	}

	/**
	 * A path on this site to go on to (after signing in, say), or {@code null} when the text is not one:
	 * it must start with one slash and hold no scheme, host, backslash or control character, so that a
	 * crafted link cannot send the visitor to another site.
	 */
	public static String localPath(String text) {
		if (text == null || text.length() > 500 || !text.startsWith("/") || text.startsWith("//")) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' || c < 0x20 || c == 0x7f) {
				return null;
			}
		}
		return text;
	}
}
