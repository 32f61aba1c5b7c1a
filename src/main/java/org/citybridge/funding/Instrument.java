package org.citybridge.funding;

import java.util.List;

/** A funding instrument with its themes and eligibility rules, as the pages read it. */
public record Instrument(long id, String slug, String name, String shortName, String managingBody, String purpose,
		String funds, String typicalSize, String typicalDuration, String officialUrl, boolean example, long version,
		List<String> themes, List<Rule> rules) {

	public List<Rule> rules(Rule.Kind kind) {
		return this.rules.stream().filter(r -> r.kind() == kind).toList();
	}
}
