package org.citybridge.system.web;

import java.util.List;
import java.util.Locale;

/** The languages the portal is written in; anything else falls back to English. */
public final class SupportedLocales {

	public static final Locale ENGLISH = Locale.ENGLISH;
	public static final Locale MONGOLIAN = new Locale("mn");
	public static final Locale FRENCH = Locale.FRENCH;

	public static final List<Locale> ALL = List.of(ENGLISH, MONGOLIAN, FRENCH);

	private SupportedLocales() {
	}

	/** The supported locale with the same language as {@code candidate}, or {@code null}. */
	static Locale match(Locale candidate) {
		if (candidate == null) {
			return null;
		}
		for (Locale supported : ALL) {
			if (supported.getLanguage().equals(candidate.getLanguage())) {
				return supported;
			}
		}
		return null;
	}
}
