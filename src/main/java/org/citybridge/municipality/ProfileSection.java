package org.citybridge.municipality;

import java.util.Map;

/**
 * A section that a higher feature adds to a municipality's profile page (its networks, later its
 * agreements and case studies), so the profile shows them without depending on those features.
 */
public interface ProfileSection {

	/** The template holding the section as a fragment named {@code section}, e.g. {@code network/profile-section}. */
	String fragment();

	/** What the fragment needs for this municipality, or {@code null} to show nothing. */
	Map<String, Object> model(long municipalityId);

	/** Where the section goes among others: lower first. */
	default int order() {
		return 100;
	}

	/** A section ready to render. */
	record Rendered(String fragment, Map<String, Object> model) {
	}
}
