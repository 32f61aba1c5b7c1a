package org.citybridge.funding.manage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.citybridge.country.CountryGroup;
import org.citybridge.funding.BodyKind;
import org.citybridge.funding.Instrument;
import org.citybridge.funding.Rule;
import org.citybridge.system.translation.Translations;

/**
 * An instrument as staff enter it, eligibility included: the country groups that may lead and
 * partner, single countries as exceptions (one a field, by name in any of the portal's languages or by
 * code, as typed; the codes once {@link FundingForms} has read them), kinds of body, minimums, and conditions to
 * check, one a line. Becomes rows of funding_rules.
 */
record InstrumentForm(
		@NotBlank(message = "{funding.instrument.name.required}") @Size(max = 200, message = "{funding.instrument.name.size}") String name,
		@NotBlank(message = "{funding.instrument.shortName.required}") @Size(max = 40, message = "{funding.instrument.shortName.size}") String shortName,
		@NotBlank(message = "{funding.instrument.slug.required}") @Size(max = 80, message = "{funding.instrument.slug.size}")
		@Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "{funding.instrument.slug.pattern}") String slug,
		@Size(max = 200, message = "{funding.instrument.text.size}") String managingBody,
		@NotBlank(message = "{funding.instrument.purpose.required}") @Size(max = 2000, message = "{funding.instrument.longText.size}") String purpose,
		@Size(max = 2000, message = "{funding.instrument.longText.size}") String funds,
		@Size(max = 200, message = "{funding.instrument.text.size}") String typicalSize,
		@Size(max = 200, message = "{funding.instrument.text.size}") String typicalDuration,
		@Size(max = 500, message = "{funding.instrument.text.size}")
		@Pattern(regexp = "^(https?://\\S+)?$", message = "{funding.link.pattern}") String officialUrl,
		List<String> themes, List<CountryGroup> leadGroups, List<CountryGroup> partnerGroups,
		@Size(max = MAX_COUNTRIES, message = "{funding.instrument.countries.tooMany}") List<String> leadAlso,
		@Size(max = MAX_COUNTRIES, message = "{funding.instrument.countries.tooMany}") List<String> leadNot,
		@Size(max = MAX_COUNTRIES, message = "{funding.instrument.countries.tooMany}") List<String> partnerAlso,
		@Size(max = MAX_COUNTRIES, message = "{funding.instrument.countries.tooMany}") List<String> partnerNot,
		List<BodyKind> bodyKinds,
		@Pattern(regexp = MINIMUM, message = "{funding.instrument.minimum.range}") String minPartners,
		@Pattern(regexp = MINIMUM, message = "{funding.instrument.minimum.range}") String minCountries,
		@Size(max = 4000, message = "{funding.instrument.conditions.size}") String conditions,
		Boolean example, long version,
		@Size(max = 200, message = "{funding.instrument.name.size}") String nameMn,
		@Size(max = 200, message = "{funding.instrument.name.size}") String nameFr,
		@Size(max = 2000, message = "{funding.instrument.longText.size}") String purposeMn,
		@Size(max = 2000, message = "{funding.instrument.longText.size}") String purposeFr,
		@Size(max = 2000, message = "{funding.instrument.longText.size}") String fundsMn,
		@Size(max = 2000, message = "{funding.instrument.longText.size}") String fundsFr,
		@Size(max = 4000, message = "{funding.instrument.conditions.size}") String conditionsMn,
		@Size(max = 4000, message = "{funding.instrument.conditions.size}") String conditionsFr,
		@Pattern(regexp = MINIMUM, message = "{funding.instrument.minimum.range}") String maxPartners,
		@Pattern(regexp = MINIMUM, message = "{funding.instrument.minimum.range}") String minEligibleCountries,
		CountryGroup fromGroup,
		@Pattern(regexp = MINIMUM, message = "{funding.instrument.minimum.range}") String fromGroupMinimum,
		@Pattern(regexp = PARTICIPANTS, message = "{funding.instrument.participants.range}") String minParticipants,
		@Pattern(regexp = PARTICIPANTS, message = "{funding.instrument.participants.range}") String minParticipantsAbroad) {

	/** A whole number from 1 to 100,000, or nothing: participant minimums. */
	static final String PARTICIPANTS = "^\\s*([1-9][0-9]{0,4}|100000)?\\s*$";

	/**
	 * A whole number from 1 to 100, or nothing. Numbers are text here so that a value that is not
	 * a number is one more field message, not a binding failure that hides the others.
	 */
	static final String MINIMUM = "^\\s*([1-9][0-9]?|100)?\\s*$";

	/** The most countries one exception list may name. */
	static final int MAX_COUNTRIES = 60;

	/** The fields that name countries, in the form's order. */
	static final List<String> COUNTRY_FIELDS = List.of("leadAlso", "leadNot", "partnerAlso", "partnerNot");

	static InstrumentForm empty() {
		return new InstrumentForm("", "", "", "", "", "", "", "", "", List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), "", "", "", false, 0, "", "", "", "", "", "", "", "", "", "", null, "",
				"", "");
	}

	static InstrumentForm of(Instrument i) {
		List<CountryGroup> lead = new ArrayList<>();
		List<CountryGroup> partner = new ArrayList<>();
		List<String> leadAlso = new ArrayList<>();
		List<String> leadNot = new ArrayList<>();
		List<String> partnerAlso = new ArrayList<>();
		List<String> partnerNot = new ArrayList<>();
		List<BodyKind> bodies = new ArrayList<>();
		List<String> conditions = new ArrayList<>();
		List<String> conditionsMn = new ArrayList<>();
		List<String> conditionsFr = new ArrayList<>();
		Integer minPartners = null;
		Integer minCountries = null;
		Integer maxPartners = null;
		Integer minEligible = null;
		CountryGroup fromGroup = null;
		Integer fromGroupMinimum = null;
		Integer participants = null;
		Integer abroad = null;
		for (Rule r : i.rules()) {
			switch (r.kind()) {
				case COUNTRY_GROUP -> (r.role() == Rule.Role.LEAD ? lead : partner).add(r.group());
				case COUNTRY -> (r.role() == Rule.Role.LEAD ? (r.allowed() ? leadAlso : leadNot)
						: (r.allowed() ? partnerAlso : partnerNot)).add(r.countryCode());
				case BODY_KIND -> bodies.add(r.bodyKind());
				case MIN_PARTNERS -> minPartners = r.minimum();
				case MIN_COUNTRIES -> minCountries = r.minimum();
				case MAX_PARTNERS -> maxPartners = r.maximum();
				case MIN_ELIGIBLE_COUNTRIES -> minEligible = r.minimum();
				case MIN_FROM_GROUP -> {
					fromGroup = r.group();
					fromGroupMinimum = r.minimum();
				}
				case MIN_PARTICIPANTS -> {
					participants = r.minimum();
					abroad = r.minimumAbroad();
				}
				case CONDITION -> {
					conditions.add(r.condition());
					conditionsMn.add(r.i18n().given("condition", "mn"));
					conditionsFr.add(r.i18n().given("condition", "fr"));
				}
			}
		}
		return new InstrumentForm(i.name(), i.shortName(), i.slug(), nz(i.managingBody()), i.purpose(), nz(i.funds()),
				nz(i.typicalSize()), nz(i.typicalDuration()), nz(i.officialUrl()), i.themes(), lead, partner,
				leadAlso, leadNot, partnerAlso, partnerNot, bodies, text(minPartners), text(minCountries), String.join("\n", conditions),
				i.example(), i.version(), i.i18n().given("name", "mn"), i.i18n().given("name", "fr"),
				i.i18n().given("purpose", "mn"), i.i18n().given("purpose", "fr"), i.i18n().given("funds", "mn"),
				i.i18n().given("funds", "fr"), oneALine(conditionsMn), oneALine(conditionsFr), text(maxPartners),
				text(minEligible), fromGroup, text(fromGroupMinimum), text(participants), text(abroad));
	}

	/** Translated conditions, one a line beside the originals; nothing when none is translated. */
	private static String oneALine(List<String> translated) {
		return translated.stream().allMatch(String::isEmpty) ? "" : String.join("\n", translated);
	}

	/** The countries of one of {@link #COUNTRY_FIELDS}, as typed. */
	List<String> countries(String field) {
		List<String> values = switch (field) {
			case "leadAlso" -> this.leadAlso;
			case "leadNot" -> this.leadNot;
			case "partnerAlso" -> this.partnerAlso;
			case "partnerNot" -> this.partnerNot;
			default -> throw new IllegalArgumentException(field);
		};
		return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
	}

	/** This form with the four country lists replaced, in {@link #COUNTRY_FIELDS}' order (codes, or names to show). */
	InstrumentForm withCountries(List<List<String>> lists) {
		return new InstrumentForm(this.name, this.shortName, this.slug, this.managingBody, this.purpose, this.funds,
				this.typicalSize, this.typicalDuration, this.officialUrl, this.themes, this.leadGroups, this.partnerGroups,
				lists.get(0), lists.get(1), lists.get(2), lists.get(3), this.bodyKinds, this.minPartners,
				this.minCountries, this.conditions, this.example, this.version, this.nameMn, this.nameFr, this.purposeMn,
				this.purposeFr, this.fundsMn, this.fundsFr, this.conditionsMn, this.conditionsFr, this.maxPartners,
				this.minEligibleCountries, this.fromGroup, this.fromGroupMinimum, this.minParticipants,
				this.minParticipantsAbroad);
	}

	/** The translations of name, purpose and what it funds, as the row keeps them (V60). */
	String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("name", this.nameMn, this.nameFr)
			.field("purpose", this.purposeMn, this.purposeFr)
			.field("funds", this.fundsMn, this.fundsFr)
			.json();
	}

	private static String text(Integer value) {
		return value == null ? "" : String.valueOf(value);
	}

	private static Integer number(String value) {
		return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	/** The rules this form describes, in a stable order. */
	List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		distinct(this.leadGroups).forEach(g -> rules.add(Rule.group(Rule.Role.LEAD, g)));
		distinct(this.partnerGroups).forEach(g -> rules.add(Rule.group(Rule.Role.PARTNER, g)));
		CountryCodes.of(this.leadAlso).forEach(c -> rules.add(Rule.country(Rule.Role.LEAD, c, true)));
		CountryCodes.of(this.leadNot).forEach(c -> rules.add(Rule.country(Rule.Role.LEAD, c, false)));
		CountryCodes.of(this.partnerAlso).forEach(c -> rules.add(Rule.country(Rule.Role.PARTNER, c, true)));
		CountryCodes.of(this.partnerNot).forEach(c -> rules.add(Rule.country(Rule.Role.PARTNER, c, false)));
		distinct(this.bodyKinds).forEach(k -> rules.add(Rule.body(k)));
		if (number(this.minPartners) != null) {
			rules.add(Rule.minPartners(number(this.minPartners)));
		}
		if (number(this.minCountries) != null) {
			rules.add(Rule.minCountries(number(this.minCountries)));
		}
		if (number(this.maxPartners) != null) {
			rules.add(Rule.maxPartners(number(this.maxPartners)));
		}
		if (number(this.minEligibleCountries) != null) {
			rules.add(Rule.minEligibleCountries(number(this.minEligibleCountries)));
		}
		if (this.fromGroup != null && number(this.fromGroupMinimum) != null) {
			rules.add(Rule.minFromGroup(this.fromGroup, number(this.fromGroupMinimum)));
		}
		if (number(this.minParticipants) != null) {
			rules.add(Rule.minParticipants(number(this.minParticipants), number(this.minParticipantsAbroad)));
		}
		List<String> originals = conditionLines();
		List<String> mn = lines(this.conditionsMn);
		List<String> fr = lines(this.conditionsFr);
		for (int n = 0; n < originals.size(); n++) {
			String given = Translations.given()
				.field("condition", n < mn.size() ? mn.get(n) : "", n < fr.size() ? fr.get(n) : "").json();
			rules.add(Rule.condition(originals.get(n),
					Translations.builder().from("en", given).put("condition", originals.get(n)).build()));
		}
		return rules;
	}

	/** The conditions, one a line, blank lines and repeats left out. */
	List<String> conditionLines() {
		return lines(this.conditions).stream().filter(s -> !s.isEmpty()).distinct().toList();
	}

	/**
	 * The translated conditions of {@code lang} ("mn", "fr"): as many lines as {@link #conditionLines()}, or
	 * none; -1 when the count differs (the field's message says so).
	 */
	int translatedConditionLines(String lang) {
		List<String> lines = lines("mn".equals(lang) ? this.conditionsMn : this.conditionsFr);
		return lines.isEmpty() || lines.size() == conditionLines().size() ? lines.size() : -1;
	}

	/** The lines of {@code text}, stripped, without the blank lines at its end (one in between is a condition not translated). */
	private static List<String> lines(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>(Arrays.stream(text.split("\\R")).map(String::strip).toList());
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	List<String> themeCodes() {
		return distinct(this.themes);
	}

	boolean isExample() {
		return Boolean.TRUE.equals(this.example);
	}

	private static <T> List<T> distinct(List<T> values) {
		return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values.stream().filter(v -> v != null).toList()));
	}

	/** The country codes of a resolved list: upper case, without blanks or repeats. */
	static final class CountryCodes {

		private CountryCodes() {
		}

		static List<String> of(List<String> values) {
			if (values == null) {
				return List.of();
			}
			return values.stream().filter(v -> v != null && !v.isBlank())
				.map(v -> v.strip().toUpperCase(Locale.ROOT)).distinct().toList();
		}
	}
}
