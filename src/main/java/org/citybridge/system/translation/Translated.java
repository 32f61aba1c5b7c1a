package org.citybridge.system.translation;

import java.util.Locale;

/**
 * A text as a page shows it: in the reader's language, or, where nobody gave it in that language,
 * the original ({@code original} true) in its own language {@code lang}, which the page marks with
 * a {@code lang} attribute and a short note ("in English"), so that a screen reader speaks it in
 * the right language (WCAG 3.1.2).
 */
public record Translated(String text, String lang, boolean original) {

	/** Whether the page must mark the text: it is in another language than the page's. */
	public boolean foreign(Locale reader) {
		return !this.lang.equals(Translations.language(reader));
	}

	/** The language a page in the reader's language marks the text with: its own when foreign, else null. */
	public String markedLang(Locale reader) {
		return foreign(reader) ? this.lang : null;
	}

	@Override
	public String toString() {
		return this.text;
	}
}
