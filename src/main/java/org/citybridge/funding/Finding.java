package org.citybridge.funding;

/**
 * What one rule says for the parties, in words: the rule's kind, whether it is met, and why; as
 * text, and as HTML ({@code html}, escaped) where names and conditions in another language than
 * the reader's are marked with their own (WCAG 3.1.2).
 */
public record Finding(Outcome outcome, Rule.Kind rule, String text, String html) {

	/** How one rule came out. */
	public enum Outcome {
		/** The rule is met. */
		MET,
		/** The rule is not met: the instrument is not eligible. */
		FAILED,
		/** A person must check it. */
		CHECK,
		/** Worth knowing, decides nothing (a single municipality will need partners). */
		NOTE
	}
}
