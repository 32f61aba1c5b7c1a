package org.citybridge.system;

/** Small rules for text that forms and files hand over. */
public final class Text {

	private Text() {
	}

	/** A value with nothing but blanks in it is no value; anything else loses its outer blanks. */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
