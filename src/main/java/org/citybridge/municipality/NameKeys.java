package org.citybridge.municipality;

import java.util.List;

/**
 * The directory search's normalised name keys, for features that match names against the
 * directory in bulk (the partnership import): the same keys as {@code municipality_search_keys},
 * so that a name finds what the directory search would find.
 */
public final class NameKeys {

	private NameKeys() {
	}

	/** The keys of one name, general romanisation first; empty for a blank name. */
	public static List<String> of(String name) {
		return SearchKeys.of(name);
	}
}
