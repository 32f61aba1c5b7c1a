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
		Integer minimum, String condition, Translations i18n, Integer maximum, Integer minimumAbroad) {

	public Rule {
		i18n = i18n == null ? Translations.NONE : i18n;
	}

	/** A rule of the kinds that take neither a maximum nor a number from abroad. */
	public Rule(Kind kind, Role role, CountryGroup group, String countryCode, Boolean allowed, BodyKind bodyKind,
			Integer minimum, String condition, Translations i18n) {
		this(kind, role, group, countryCode, allowed, bodyKind, minimum, condition, i18n, null, null);
	}

	/** Whether this rule is about the whole group of applicants (issue 24) rather than each one. */
	public boolean aboutGroup() {
		return switch (this.kind) {
			case MIN_PARTNERS, MIN_COUNTRIES, MAX_PARTNERS, MIN_ELIGIBLE_COUNTRIES, MIN_FROM_GROUP, MIN_PARTICIPANTS -> true;
			default -> false;
		};
	}

	/** The condition as the reader sees it: in their language when translated, else the original. */
	public Translated shownCondition(Locale reader) {
		Translated shown = this.i18n.pick("condition", reader);
		return shown != null ? shown : new Translated(this.condition, "en", true);
	}

	/** The kinds of rule; see the funding_rules migration. */
	public enum Kind {
		COUNTRY_GROUP, COUNTRY, BODY_KIND, MIN_PARTNERS, MIN_COUNTRIES, CONDITION,
		/** At most this many bodies, lead included ({@link Rule#maximum()}). */
		MAX_PARTNERS,
		/** Bodies from at least this many eligible countries: those whose bodies may lead or partner. */
		MIN_ELIGIBLE_COUNTRIES,
		/** At least this many bodies from countries of the rule's group. */
		MIN_FROM_GROUP,
		/** At least this many participants, of whom {@link Rule#minimumAbroad()} from abroad: a person checks. */
		MIN_PARTICIPANTS
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

	public static Rule maxPartners(int maximum) {
		return new Rule(Kind.MAX_PARTNERS, null, null, null, null, null, null, null, null, maximum, null);
	}

	public static Rule minEligibleCountries(int minimum) {
		return new Rule(Kind.MIN_ELIGIBLE_COUNTRIES, null, null, null, null, null, minimum, null, null);
	}

	public static Rule minFromGroup(CountryGroup group, int minimum) {
		return new Rule(Kind.MIN_FROM_GROUP, null, group, null, null, null, minimum, null, null);
	}

	public static Rule minParticipants(int minimum, Integer abroad) {
		return new Rule(Kind.MIN_PARTICIPANTS, null, null, null, null, null, minimum, null, null, null, abroad);
	}

	public static Rule condition(String text) {
		return condition(text, Translations.NONE);
	}

	public static Rule condition(String text, Translations i18n) {
		return new Rule(Kind.CONDITION, null, null, null, null, null, null, text, i18n);
	}
}
