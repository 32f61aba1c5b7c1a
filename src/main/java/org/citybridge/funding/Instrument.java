package org.citybridge.funding;

import java.util.List;

import org.citybridge.system.translation.Translated;
import org.citybridge.system.translation.Translations;

/** A funding instrument with its themes and eligibility rules, as the pages read it. */
public record Instrument(long id, String slug, String name, String shortName, String managingBody, String purpose,
		String funds, String typicalSize, String typicalDuration, String officialUrl, boolean example, long version,
		List<String> themes, List<Rule> rules, Translations i18n) {

	/** The name, purpose or funds as the reader sees them (issue 20: their language, else the original marked). */
	public Translated shown(String field, java.util.Locale reader) {
		return this.i18n.pick(field, reader);
	}

	public List<Rule> rules(Rule.Kind kind) {
		return this.rules.stream().filter(r -> r.kind() == kind).toList();
	}
}
