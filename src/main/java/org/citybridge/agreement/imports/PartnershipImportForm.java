package org.citybridge.agreement.imports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.citybridge.agreement.imports.PartnershipRegister.ListKind;
import org.citybridge.agreement.imports.PartnershipRegister.ListSource;

/**
 * The upload form besides its file: whose list it is, which staff must choose (nothing is chosen
 * for them, so that a list of their own never reaches the register under Wikipedia's licence),
 * and for their own list the name, attribution and web address the register shows with its
 * entries.
 */
record PartnershipImportForm(String list, String sourceName, String sourceAttribution, String sourceUrl) {

	static final int MAX_TEXT = 300;

	static final int MAX_URL = 500;

	static PartnershipImportForm empty() {
		return new PartnershipImportForm(null, "", "", "");
	}

	/** The list chosen, or null when none (or something else than the two choices) came. */
	ListKind kind() {
		for (ListKind kind : ListKind.values()) {
			if (kind.name().equals(this.list)) {
				return kind;
			}
		}
		return null;
	}

	/** What is wrong, field by field (message keys); empty when the form is complete. */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		ListKind kind = kind();
		if (kind == null) {
			problems.put("list", "agreement.imports.source.required");
		}
		else if (kind == ListKind.WIKIPEDIA && !blank(this.sourceName)) {
			// A name typed for an own list while Wikipedia's is chosen: which one was meant is not ours to guess.
			problems.put("list", "agreement.imports.source.conflict");
		}
		if (kind == ListKind.OWN) {
			if (blank(this.sourceName)) {
				problems.put("sourceName", "agreement.imports.source.name.required");
			}
			else if (this.sourceName.strip().length() > MAX_TEXT) {
				problems.put("sourceName", "agreement.imports.source.name.size");
			}
			if (blank(this.sourceAttribution)) {
				problems.put("sourceAttribution", "agreement.imports.source.attribution.required");
			}
			else if (this.sourceAttribution.strip().length() > MAX_TEXT) {
				problems.put("sourceAttribution", "agreement.imports.source.attribution.size");
			}
			if (!blank(this.sourceUrl)
					&& (this.sourceUrl.strip().length() > MAX_URL || !this.sourceUrl.strip().matches("^https?://\\S+$"))) {
				problems.put("sourceUrl", "agreement.imports.source.url.invalid");
			}
		}
		return problems;
	}

	/** The source the entries get; only for a form without problems. */
	ListSource source() {
		if (kind() == ListKind.WIKIPEDIA) {
			return ListSource.wikipedia();
		}
		return ListSource.own(this.sourceName.strip(), this.sourceAttribution.strip(),
				blank(this.sourceUrl) ? null : this.sourceUrl.strip());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
