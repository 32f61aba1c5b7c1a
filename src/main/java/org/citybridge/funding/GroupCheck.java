package org.citybridge.funding;

import java.util.ArrayList;
import java.util.List;

import org.citybridge.funding.EligibilityCheck.Answer;
import org.citybridge.funding.EligibilityCheck.Key;
import org.citybridge.funding.EligibilityCheck.Place;
import org.citybridge.funding.EligibilityCheck.Places;
import org.citybridge.funding.EligibilityCheck.Raw;

/**
 * Evaluates an instrument's rules for a group of municipalities (a consortium being assembled),
 * in memory, rule by rule: met, not met with what is missing ("needs 1 more eligible country"), or
 * to check. A country is eligible when its bodies may lead or partner by the instrument's country
 * rules, so countries associated to a programme are entered as country exceptions, as data; a
 * municipality from a country that is not eligible is named as not counting. The result is
 * message keys and arguments, as {@link EligibilityCheck}'s.
 */
final class GroupCheck {

	private GroupCheck() {
	}

	static EligibilityCheck.Result evaluate(List<Rule> rules, List<Party> parties) {
		List<Raw> findings = new ArrayList<>();
		boolean roleRules = rules.stream().anyMatch(r -> r.kind() == Rule.Kind.COUNTRY_GROUP || r.kind() == Rule.Kind.COUNTRY);
		if (parties.isEmpty()) {
			findings.add(new Raw(Finding.Outcome.NOTE, Rule.Kind.MIN_PARTNERS, "funding.consortium.empty", List.of()));
		}
		else if (!roleRules) {
			findings.add(new Raw(Finding.Outcome.CHECK, Rule.Kind.COUNTRY_GROUP, "funding.reason.noCountryRules", List.of()));
		}
		else {
			findings.add(lead(rules, parties));
			List<Place> notCounted = parties.stream().filter(p -> !counts(rules, p)).map(GroupCheck::place).toList();
			if (!notCounted.isEmpty()) {
				findings.add(new Raw(Finding.Outcome.NOTE, Rule.Kind.COUNTRY_GROUP, "funding.consortium.notCounted",
						List.of(new Places(notCounted), notCounted.size())));
			}
		}
		List<BodyKind> bodies = rules.stream().filter(r -> r.kind() == Rule.Kind.BODY_KIND).map(Rule::bodyKind).toList();
		if (!bodies.isEmpty()) {
			EligibilityCheck.Keys kinds = new EligibilityCheck.Keys(bodies.stream().map(k -> "funding.body." + k).toList());
			findings.add(bodies.contains(BodyKind.MUNICIPALITY)
					? new Raw(Finding.Outcome.MET, Rule.Kind.BODY_KIND, "funding.reason.body.met", List.of(kinds))
					: new Raw(Finding.Outcome.FAILED, Rule.Kind.BODY_KIND, "funding.reason.body.failed", List.of(kinds)));
		}
		for (Rule rule : rules) {
			Raw finding = finding(rules, rule, parties, roleRules);
			if (finding != null) {
				findings.add(finding);
			}
		}
		return new EligibilityCheck.Result(EligibilityCheck.conclude(findings), List.copyOf(findings));
	}

	/** What one rule about the group says of these parties; {@code null} for the rules about each party. */
	static Raw finding(List<Rule> rules, Rule rule, List<Party> parties, boolean roleRules) {
		int size = parties.size();
		switch (rule.kind()) {
			case MIN_PARTNERS:
				return atLeast(rule, rule.minimum(), size, "funding.consortium.minPartners", List.of());
			case MAX_PARTNERS:
				return size <= rule.maximum()
						? new Raw(Finding.Outcome.MET, rule.kind(), "funding.consortium.maxPartners.met", List.of(rule.maximum(), size))
						: new Raw(Finding.Outcome.FAILED, rule.kind(), "funding.consortium.maxPartners.failed",
								List.of(rule.maximum(), size, size - rule.maximum()));
			case MIN_COUNTRIES:
				return atLeast(rule, rule.minimum(), (int) parties.stream().map(Party::countryCode).distinct().count(),
						"funding.consortium.minCountries", List.of());
			case MIN_ELIGIBLE_COUNTRIES:
				if (!roleRules) {
					return new Raw(Finding.Outcome.CHECK, rule.kind(), "funding.consortium.minEligibleCountries.check",
							List.of(rule.minimum()));
				}
				return atLeast(rule, rule.minimum(), (int) parties.stream().filter(p -> counts(rules, p))
					.map(Party::countryCode).distinct().count(), "funding.consortium.minEligibleCountries", List.of());
			case MIN_FROM_GROUP:
				return atLeast(rule, rule.minimum(), (int) parties.stream().filter(p -> p.group() == rule.group())
					.filter(p -> !roleRules || counts(rules, p)).count(), "funding.consortium.minFromGroup",
						List.of(new Key("funding.group.phrase." + rule.group())));
			case MIN_PARTICIPANTS:
				return rule.minimumAbroad() == null
						? new Raw(Finding.Outcome.CHECK, rule.kind(), "funding.consortium.participants", List.of(rule.minimum()))
						: new Raw(Finding.Outcome.CHECK, rule.kind(), "funding.consortium.participantsAbroad",
								List.of(rule.minimum(), rule.minimumAbroad()));
			case CONDITION:
				return new Raw(Finding.Outcome.CHECK, Rule.Kind.CONDITION, "funding.reason.condition",
						List.of(new EligibilityCheck.Condition(rule)));
			default:
				return null;
		}
	}

	/** Arguments: the minimum, the count, how many are missing (0 when met), then {@code more}. */
	private static Raw atLeast(Rule rule, int minimum, int count, String key, List<Object> more) {
		List<Object> args = new ArrayList<>(List.of(minimum, count, Math.max(0, minimum - count)));
		args.addAll(more);
		return new Raw(count >= minimum ? Finding.Outcome.MET : Finding.Outcome.FAILED, rule.kind(),
				key + (count >= minimum ? ".met" : ".failed"), List.copyOf(args));
	}

	/** Whether the party's country is eligible: its bodies may lead or partner. */
	static boolean counts(List<Rule> rules, Party party) {
		return EligibilityCheck.answer(rules, party, Rule.Role.LEAD).answer() == Answer.YES
				|| EligibilityCheck.answer(rules, party, Rule.Role.PARTNER).answer() == Answer.YES;
	}

	private static Raw lead(List<Rule> rules, List<Party> parties) {
		List<Answer> answers = parties.stream().map(p -> EligibilityCheck.answer(rules, p, Rule.Role.LEAD).answer()).toList();
		List<Place> leaders = new ArrayList<>();
		for (int i = 0; i < parties.size(); i++) {
			if (answers.get(i) == Answer.YES) {
				leaders.add(place(parties.get(i)));
			}
		}
		if (!leaders.isEmpty()) {
			return new Raw(Finding.Outcome.MET, Rule.Kind.COUNTRY_GROUP, "funding.consortium.lead.met",
					List.of(new Places(leaders), leaders.size()));
		}
		return answers.contains(Answer.UNKNOWN)
				? new Raw(Finding.Outcome.CHECK, Rule.Kind.COUNTRY_GROUP, "funding.consortium.lead.check", List.of())
				: new Raw(Finding.Outcome.FAILED, Rule.Kind.COUNTRY_GROUP, "funding.consortium.lead.failed", List.of());
	}

	private static Place place(Party party) {
		return new Place(party.id(), party.name());
	}
}
