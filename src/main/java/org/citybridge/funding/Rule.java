package org.citybridge.funding;

import java.util.Locale;

import org.citybridge.country.CountryGroup;
import org.citybridge.system.translation.Translated;
import org.citybridge.system.translation.Translations;

/**
 * One eligibility rule as stored: the fields its kind uses are set, the others are null. A
 * free-text condition may have translations (V60), in {@code i18n} under "condition".
 */
public record Rule(Kind kind, Role role, CountryGroup group, String countryCode, Boolean allowed, BodyKind bodyKind,
		Integer minimum, String condition, Translations i18n) {

	public Rule {
		i18n = i18n == null ? Translations.NONE : i18n;
	}

	/** The condition as the reader sees it: in their language when translated, else the original. */
	public Translated shownCondition(Locale reader) {
		Translated shown = this.i18n.pick("condition", reader);
		return shown != null ? shown : new Translated(this.condition, "en", true);
	}

	/** The kinds of rule; see the funding_rules migration. */
	public enum Kind {
		COUNTRY_GROUP, COUNTRY, BODY_KIND, MIN_PARTNERS, MIN_COUNTRIES, CONDITION
	}

	/** The part a body plays in a project. */
	public enum Role {
		LEAD, PARTNER
	}

	public static Rule group(Role role, CountryGroup group) {
		return new Rule(Kind.COUNTRY_GROUP, role, group, null, null, null, null, null, null);
	}

	public static Rule country(Role role, String code, boolean allowed) {
		return new Rule(Kind.COUNTRY, role, null, code, allowed, null, null, null, null);
	}

	public static Rule body(BodyKind kind) {
		return new Rule(Kind.BODY_KIND, null, null, null, null, kind, null, null, null);
	}

	public static Rule minPartners(int minimum) {
		return new Rule(Kind.MIN_PARTNERS, null, null, null, null, null, minimum, null, null);
	}

	public static Rule minCountries(int minimum) {
		return new Rule(Kind.MIN_COUNTRIES, null, null, null, null, null, minimum, null, null);
	}

	public static Rule condition(String text) {
		return condition(text, Translations.NONE);
	}

	public static Rule condition(String text, Translations i18n) {
		return new Rule(Kind.CONDITION, null, null, null, null, null, null, text, i18n);
	}
}
