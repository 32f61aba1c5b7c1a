package org.citybridge.funding;

/** What one rule says for the parties, in words: the rule's kind, whether it is met, and why. */
public record Finding(Outcome outcome, Rule.Kind rule, String text) {

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
