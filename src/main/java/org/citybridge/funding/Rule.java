package org.citybridge.funding;

import org.citybridge.country.CountryGroup;

/** One eligibility rule as stored: the fields its kind uses are set, the others are null. */
public record Rule(Kind kind, Role role, CountryGroup group, String countryCode, Boolean allowed, BodyKind bodyKind,
		Integer minimum, String condition) {

	/** The kinds of rule; see the funding_rules migration. */
	public enum Kind {
		COUNTRY_GROUP, COUNTRY, BODY_KIND, MIN_PARTNERS, MIN_COUNTRIES, CONDITION
	}

	/** The part a body plays in a project. */
	public enum Role {
		LEAD, PARTNER
	}

	public static Rule group(Role role, CountryGroup group) {
		return new Rule(Kind.COUNTRY_GROUP, role, group, null, null, null, null, null);
	}

	public static Rule country(Role role, String code, boolean allowed) {
		return new Rule(Kind.COUNTRY, role, null, code, allowed, null, null, null);
	}

	public static Rule body(BodyKind kind) {
		return new Rule(Kind.BODY_KIND, null, null, null, null, kind, null, null);
	}

	public static Rule minPartners(int minimum) {
		return new Rule(Kind.MIN_PARTNERS, null, null, null, null, null, minimum, null);
	}

	public static Rule minCountries(int minimum) {
		return new Rule(Kind.MIN_COUNTRIES, null, null, null, null, null, minimum, null);
	}

	public static Rule condition(String text) {
		return new Rule(Kind.CONDITION, null, null, null, null, null, null, text);
	}
}
