package org.citybridge.country;

/** The groups of countries that funding rules are written in. */
public enum CountryGroup {
	EU_MEMBER, CANDIDATE, POTENTIAL_CANDIDATE, NEIGHBOURHOOD, PARTNER, OTHER
}
