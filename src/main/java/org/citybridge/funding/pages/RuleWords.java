package org.citybridge.funding.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.citybridge.system.DisplayNames;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.citybridge.funding.Instrument;
import org.citybridge.funding.Rule;

/** An instrument's rules in plain words, in the reader's language, for its page. */
@Component
record RuleWords(MessageSource messages, DisplayNames names) {

	List<String> of(Instrument instrument, Locale locale) {
		List<Rule> rules = instrument.rules();
		List<String> lines = new ArrayList<>();
		for (Rule.Role role : Rule.Role.values()) {
			String groups = rules.stream().filter(r -> r.kind() == Rule.Kind.COUNTRY_GROUP && r.role() == role)
				.map(r -> msg("funding.group.plural." + r.group(), locale)).collect(Collectors.joining(", "));
			if (!groups.isEmpty()) {
				lines.add(msg("funding.rules.groups." + role, locale, groups));
			}
			String also = countries(rules, r -> r.role() == role && r.allowed(), locale);
			if (!also.isEmpty()) {
				lines.add(msg("funding.rules.also." + role, locale, also));
			}
			String not = countries(rules, r -> r.role() == role && !r.allowed(), locale);
			if (!not.isEmpty()) {
				lines.add(msg("funding.rules.not." + role, locale, not));
			}
		}
		String bodies = rules.stream().filter(r -> r.kind() == Rule.Kind.BODY_KIND)
			.map(r -> msg("funding.body." + r.bodyKind(), locale)).collect(Collectors.joining(", "));
		if (!bodies.isEmpty()) {
			lines.add(msg("funding.rules.bodies", locale, bodies));
		}
		for (Rule r : rules) {
			String line = r.kind() == Rule.Kind.CONDITION
					? msg("funding.rules.condition", locale, r.shownCondition(locale).text()) : numbers(r, locale);
			if (line != null) {
				lines.add(line);
			}
		}
		if (lines.isEmpty()) {
			lines.add(msg("funding.rules.none", locale));
		}
		return lines;
	}

	/** A call's own group rules (V90) in plain words, as the instrument's page lists them under the call. */
	List<String> ofCall(List<Rule> rules, Locale locale) {
		return rules.stream().map(r -> numbers(r, locale)).filter(java.util.Objects::nonNull).toList();
	}

	/** A rule that counts (partners, countries, participants) in plain words; null for the other kinds. */
	private String numbers(Rule r, Locale locale) {
		return switch (r.kind()) {
			case MIN_PARTNERS -> msg("funding.rules.minPartners", locale, String.valueOf(r.minimum()));
			case MIN_COUNTRIES -> msg("funding.rules.minCountries", locale, String.valueOf(r.minimum()));
			case MAX_PARTNERS -> msg("funding.rules.maxPartners", locale, String.valueOf(r.maximum()));
			case MIN_ELIGIBLE_COUNTRIES -> msg("funding.rules.minEligibleCountries", locale, String.valueOf(r.minimum()));
			case MIN_FROM_GROUP -> msg("funding.rules.minFromGroup", locale, String.valueOf(r.minimum()),
					msg("funding.group.phrase." + r.group(), locale));
			case MIN_PARTICIPANTS -> r.minimumAbroad() == null
					? msg("funding.rules.participants", locale, String.valueOf(r.minimum()))
					: msg("funding.rules.participantsAbroad", locale, String.valueOf(r.minimum()),
							String.valueOf(r.minimumAbroad()));
			default -> null;
		};
	}

	private String countries(List<Rule> rules, Predicate<Rule> which, Locale locale) {
		return rules.stream().filter(r -> r.kind() == Rule.Kind.COUNTRY).filter(which)
			.map(r -> this.names.country(r.countryCode(), locale)).collect(Collectors.joining(", "));
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args.length == 0 ? null : args, locale);
	}
}
