package org.citybridge.funding;

import java.util.List;

/**
 * One instrument for one municipality or pair: the conclusion, a finding per rule, and its calls not
 * yet closed; its name in the reader's language, else the original marked with its own. When a call
 * was chosen, {@code rulesOf} is that call: the group rules it carries replaced the instrument's of the
 * same kind; {@code null} when the instrument's rules were used alone.
 */
public record Verdict(long instrumentId, String slug, String shortName,
		org.citybridge.system.translation.Translated name, boolean example,
		Eligibility eligibility, List<Finding> findings, List<Call> currentCalls, Call rulesOf) {

	/** The findings that made it not eligible, each naming its rule. */
	public List<Finding> failures() {
		return this.findings.stream().filter(f -> f.outcome() == Finding.Outcome.FAILED).toList();
	}
}
