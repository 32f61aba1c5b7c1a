package org.citybridge.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates an instrument's rules for one municipality or a pair, in memory, over rules already
 * loaded. A rule for a single country overrides the rule for its group; a role no rule mentions is
 * unknown, so the finder says check conditions rather than guess. The result is message keys
 * and arguments; {@link FundingFinder} puts them into the reader's language.
 */
final class EligibilityCheck {

	private EligibilityCheck() {
	}

	/**
	 * An argument to put in the reader's language: a message key, a country name, a list of keys, a
	 * place (named in the reader's script) or a condition as staff wrote it (marked with its language).
	 */
	sealed interface Term permits Key, CountryName, Keys, Place, Places, Condition {
	}

	record Place(long id, String name) implements Term {
	}

	/** Several places, named one after the other. */
	record Places(List<Place> places) implements Term {
	}

	/** A free-text condition, in the reader's language when translated. */
	record Condition(Rule rule) implements Term {
	}

	record Key(String key) implements Term {
	}

	record CountryName(String code) implements Term {
	}

	record Keys(List<String> keys) implements Term {
	}

	/** A finding before translation. */
	record Raw(Finding.Outcome outcome, Rule.Kind rule, String key, List<Object> args) {
	}

	record Result(Eligibility eligibility, List<Raw> findings) {
	}

	enum Answer {
		YES, NO, UNKNOWN
	}

	/** May this party take this role, and did a country exception decide it? */
	record RoleAnswer(Answer answer, boolean byException) {
	}

	static Result evaluate(List<Rule> rules, List<Party> parties) {
		if (parties.isEmpty() || parties.size() > 2) {
			throw new IllegalArgumentException("One municipality or a pair");
		}
		List<Raw> findings = new ArrayList<>();
		boolean roleRules = rules.stream().anyMatch(r -> r.kind() == Rule.Kind.COUNTRY_GROUP || r.kind() == Rule.Kind.COUNTRY);
		if (!roleRules) {
			findings.add(new Raw(Finding.Outcome.CHECK, Rule.Kind.COUNTRY_GROUP, "funding.reason.noCountryRules", List.of()));
		}
		else {
			for (Party party : parties) {
				findings.add(party(rules, party));
			}
			if (parties.size() == 2) {
				findings.add(pair(rules, parties.get(0), parties.get(1)));
			}
		}
		List<BodyKind> bodies = rules.stream().filter(r -> r.kind() == Rule.Kind.BODY_KIND).map(Rule::bodyKind).toList();
		if (!bodies.isEmpty()) {
			Keys kinds = new Keys(bodies.stream().map(k -> "funding.body." + k).toList());
			findings.add(bodies.contains(BodyKind.MUNICIPALITY)
					? new Raw(Finding.Outcome.MET, Rule.Kind.BODY_KIND, "funding.reason.body.met", List.of(kinds))
					: new Raw(Finding.Outcome.FAILED, Rule.Kind.BODY_KIND, "funding.reason.body.failed", List.of(kinds)));
		}
		for (Rule rule : rules) {
			switch (rule.kind()) {
				case MIN_PARTNERS -> findings.add(minimum(rule, parties.size(), "funding.reason.minPartners", parties));
				case MIN_COUNTRIES -> findings.add(minimum(rule,
						(int) parties.stream().map(Party::countryCode).distinct().count(), "funding.reason.minCountries", parties));
				case CONDITION -> findings.add(new Raw(Finding.Outcome.CHECK, Rule.Kind.CONDITION, "funding.reason.condition",
						List.of(new Condition(rule))));
				default -> {
				}
			}
		}
		for (Rule rule : rules) {
			if (rule.aboutGroup() && rule.kind() != Rule.Kind.MIN_PARTNERS && rule.kind() != Rule.Kind.MIN_COUNTRIES) {
				Raw group = GroupCheck.finding(rules, rule, parties, roleRules);
				// A rule about the whole group that one municipality or a pair does not meet yet is what it will need of partners.
				findings.add(group.outcome() == Finding.Outcome.FAILED && rule.kind() != Rule.Kind.MAX_PARTNERS
						? new Raw(Finding.Outcome.NOTE, group.rule(), group.key(), group.args()) : group);
			}
		}
		return new Result(conclude(findings), List.copyOf(findings));
	}

	/** Not eligible if any rule fails; else check conditions if any must be checked; else eligible. */
	static Eligibility conclude(List<Raw> findings) {
		return findings.stream().anyMatch(f -> f.outcome() == Finding.Outcome.FAILED) ? Eligibility.NOT_ELIGIBLE
				: findings.stream().anyMatch(f -> f.outcome() == Finding.Outcome.CHECK) ? Eligibility.CHECK_CONDITIONS
						: Eligibility.ELIGIBLE;
	}

	static RoleAnswer answer(List<Rule> rules, Party party, Rule.Role role) {
		Optional<Rule> exception = rules.stream()
			.filter(r -> r.kind() == Rule.Kind.COUNTRY && r.role() == role && r.countryCode().equals(party.countryCode()))
			.findFirst();
		if (exception.isPresent()) {
			return new RoleAnswer(Boolean.TRUE.equals(exception.get().allowed()) ? Answer.YES : Answer.NO, true);
		}
		boolean anyForRole = rules.stream()
			.anyMatch(r -> r.role() == role && (r.kind() == Rule.Kind.COUNTRY_GROUP || r.kind() == Rule.Kind.COUNTRY));
		if (!anyForRole) {
			return new RoleAnswer(Answer.UNKNOWN, false);
		}
		boolean group = rules.stream()
			.anyMatch(r -> r.kind() == Rule.Kind.COUNTRY_GROUP && r.role() == role && r.group() == party.group());
		return new RoleAnswer(group ? Answer.YES : Answer.NO, false);
	}

	private static Raw party(List<Rule> rules, Party party) {
		RoleAnswer lead = answer(rules, party, Rule.Role.LEAD);
		RoleAnswer partner = answer(rules, party, Rule.Role.PARTNER);
		Finding.Outcome outcome = lead.answer() == Answer.YES || partner.answer() == Answer.YES ? Finding.Outcome.MET
				: lead.answer() == Answer.UNKNOWN || partner.answer() == Answer.UNKNOWN ? Finding.Outcome.CHECK
						: Finding.Outcome.FAILED;
		boolean exception = lead.byException() || partner.byException();
		Rule.Kind kind = exception ? Rule.Kind.COUNTRY : Rule.Kind.COUNTRY_GROUP;
		return new Raw(outcome, kind, exception ? "funding.reason.country.exception" : "funding.reason.country",
				List.of(place(party), new CountryName(party.countryCode()), new Key("funding.group.phrase." + party.group()),
						new Key("funding.may.partner." + partner.answer()), new Key("funding.may.lead." + lead.answer())));
	}

	private static Raw pair(List<Rule> rules, Party a, Party b) {
		Answer leadA = answer(rules, a, Rule.Role.LEAD).answer();
		Answer leadB = answer(rules, b, Rule.Role.LEAD).answer();
		Answer partnerA = answer(rules, a, Rule.Role.PARTNER).answer();
		Answer partnerB = answer(rules, b, Rule.Role.PARTNER).answer();
		if (leadA == Answer.YES && partnerB == Answer.YES) {
			return new Raw(Finding.Outcome.MET, Rule.Kind.COUNTRY_GROUP, "funding.reason.pair.met", List.of(place(a), place(b)));
		}
		if (leadB == Answer.YES && partnerA == Answer.YES) {
			return new Raw(Finding.Outcome.MET, Rule.Kind.COUNTRY_GROUP, "funding.reason.pair.met", List.of(place(b), place(a)));
		}
		if ((leadA != Answer.NO && partnerB != Answer.NO) || (leadB != Answer.NO && partnerA != Answer.NO)) {
			return new Raw(Finding.Outcome.CHECK, Rule.Kind.COUNTRY_GROUP, "funding.reason.pair.check",
					List.of(place(a), place(b)));
		}
		return new Raw(Finding.Outcome.FAILED, Rule.Kind.COUNTRY_GROUP, "funding.reason.pair.failed",
				List.of(place(a), place(b)));
	}

	private static Place place(Party party) {
		return new Place(party.id(), party.name());
	}

	private static Raw minimum(Rule rule, int count, String key, List<Party> parties) {
		int minimum = rule.minimum();
		if (count >= minimum) {
			return new Raw(Finding.Outcome.MET, rule.kind(), key + ".met", List.of(minimum, count));
		}
		if (parties.size() == 1) {
			return new Raw(Finding.Outcome.NOTE, rule.kind(), key + ".note", List.of(minimum, place(parties.get(0))));
		}
		return new Raw(Finding.Outcome.FAILED, rule.kind(), key + ".failed", List.of(minimum, count));
	}
}
