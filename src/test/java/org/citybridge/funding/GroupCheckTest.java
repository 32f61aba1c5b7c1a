package org.citybridge.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.citybridge.country.CountryGroup;
import org.citybridge.system.web.IcuMessageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group rules (issue 24), each met and not met, with what is missing in words in English, Mongolian
 * and French, as the bundles put it; and the consortium of Ghent, Bonn, Niš and Darkhan for a
 * Networks of Towns application.
 */
class GroupCheckTest {

	static final Party GHENT = new Party(1, "Ghent", "BE", CountryGroup.EU_MEMBER);

	static final Party BONN = new Party(2, "Bonn", "DE", CountryGroup.EU_MEMBER);

	static final Party NIS = new Party(3, "Niš", "RS", CountryGroup.CANDIDATE);

	static final Party DARKHAN = new Party(4, "Darkhan", "MN", CountryGroup.PARTNER);

	static final Party STRASBOURG = new Party(5, "Strasbourg", "FR", CountryGroup.EU_MEMBER);

	static final Party ANTWERP = new Party(6, "Antwerp", "BE", CountryGroup.EU_MEMBER);

	/** CERV Networks of Towns as the issue gives it: EU members lead and partner; 4 applicants, 4 eligible countries, 2 EU. */
	static List<Rule> networksOfTowns(boolean serbiaAssociated) {
		List<Rule> rules = new ArrayList<>(List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER),
				Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.body(BodyKind.MUNICIPALITY),
				Rule.minPartners(4), Rule.minEligibleCountries(4), Rule.minFromGroup(CountryGroup.EU_MEMBER, 2)));
		if (serbiaAssociated) {
			// Countries associated to the programme are entered as data: Serbia may lead and partner.
			rules.add(Rule.country(Rule.Role.LEAD, "RS", true));
			rules.add(Rule.country(Rule.Role.PARTNER, "RS", true));
		}
		return rules;
	}

	static final IcuMessageSource MESSAGES = messages();

	static IcuMessageSource messages() {
		IcuMessageSource source = new IcuMessageSource(true);
		source.setBasenames("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static EligibilityCheck.Result check(List<Rule> rules, Party... parties) {
		return GroupCheck.evaluate(rules, List.of(parties));
	}

	/** The finding of this kind of rule, the only one. */
	static EligibilityCheck.Raw finding(EligibilityCheck.Result result, Rule.Kind kind) {
		List<EligibilityCheck.Raw> found = result.findings().stream().filter(f -> f.rule() == kind).toList();
		assertThat(found).as(kind + " findings").hasSize(1);
		return found.get(0);
	}

	/** The finding in words, as the finder writes it (places by the name given here). */
	static String words(EligibilityCheck.Raw raw, String language) {
		Locale locale = Locale.forLanguageTag(language);
		Object[] args = raw.args().stream().map(arg -> {
			if (arg instanceof EligibilityCheck.Key key) {
				return MESSAGES.getMessage(key.key(), null, locale);
			}
			if (arg instanceof EligibilityCheck.Places places) {
				return places.places().stream().map(EligibilityCheck.Place::name).collect(Collectors.joining(", "));
			}
			if (arg instanceof EligibilityCheck.Keys keys) {
				return keys.keys().stream().map(k -> MESSAGES.getMessage(k, null, locale)).collect(Collectors.joining(", "));
			}
			if (arg instanceof EligibilityCheck.Condition condition) {
				return condition.rule().condition();
			}
			return arg instanceof Integer n ? String.valueOf(n) : arg;
		}).toArray();
		return MESSAGES.getMessage(raw.key(), args, locale);
	}

	@Test
	void ghentBonnNisAndDarkhanNeedOneMoreEligibleCountryWhenSerbiaIsAssociated() {
		EligibilityCheck.Result result = check(networksOfTowns(true), GHENT, BONN, NIS, DARKHAN);
		assertThat(result.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(result.findings().stream().filter(f -> f.outcome() == Finding.Outcome.FAILED))
			.singleElement().satisfies(f -> assertThat(words(f, "en"))
				.isEqualTo("Needs 1 more eligible country: at least 4 eligible countries, the group comes from 3."));
		assertThat(words(finding(result, Rule.Kind.MIN_PARTNERS), "en"))
			.isEqualTo("At least 4 bodies must take part; the group has 4.");
		assertThat(words(finding(result, Rule.Kind.MIN_FROM_GROUP), "en"))
			.isEqualTo("At least 2 municipalities from an EU member state; the group has 2.");
		assertThat(result.findings()).anySatisfy(f -> {
			assertThat(f.outcome()).isEqualTo(Finding.Outcome.NOTE);
			assertThat(words(f, "en")).isEqualTo("Darkhan does not count toward the eligible countries of this call.");
			assertThat(words(f, "mn")).isEqualTo("Darkhan энэ сонгон шалгаруулалтын эрх бүхий улсын тоонд орохгүй.");
			assertThat(words(f, "fr")).isEqualTo("Darkhan ne compte pas parmi les pays admissibles de cet appel.");
		});
	}

	@Test
	void withoutSerbiaAssociatedNisDoesNotCountEither() {
		EligibilityCheck.Result result = check(networksOfTowns(false), GHENT, BONN, NIS, DARKHAN);
		assertThat(words(finding(result, Rule.Kind.MIN_ELIGIBLE_COUNTRIES), "en"))
			.isEqualTo("Needs 2 more eligible countries: at least 4 eligible countries, the group comes from 2.");
		assertThat(result.findings()).anySatisfy(f -> assertThat(words(f, "en"))
			.isEqualTo("Niš, Darkhan do not count toward the eligible countries of this call."));
	}

	@Test
	void aGroupThatMeetsEveryRuleIsEligible() {
		EligibilityCheck.Result result = check(networksOfTowns(true), GHENT, BONN, NIS, STRASBOURG);
		assertThat(result.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
		assertThat(result.findings()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Finding.Outcome.MET));
		assertThat(words(finding(result, Rule.Kind.MIN_ELIGIBLE_COUNTRIES), "en"))
			.isEqualTo("The bodies must come from at least 4 eligible countries; the group comes from 4.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "mn", "fr" })
	void eachGroupRuleMetAndNotMetInWords(String language) {
		List<Rule> rules = List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER),
				Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.group(Rule.Role.PARTNER, CountryGroup.PARTNER),
				Rule.minPartners(3), Rule.maxPartners(3), Rule.minCountries(3), Rule.minEligibleCountries(3),
				Rule.minFromGroup(CountryGroup.EU_MEMBER, 2), Rule.minParticipants(50, 25));
		EligibilityCheck.Result met = check(rules, GHENT, BONN, DARKHAN);
		EligibilityCheck.Result notMet = check(rules, GHENT, ANTWERP, DARKHAN, BONN);
		EligibilityCheck.Result tooFew = check(rules, DARKHAN, GHENT);
		EligibilityCheck.Result noLead = check(rules, DARKHAN);
		Expected expected = Expected.of(language);

		assertThat(met.eligibility()).isEqualTo(Eligibility.CHECK_CONDITIONS);
		assertThat(words(finding(met, Rule.Kind.MIN_PARTNERS), language)).isEqualTo(expected.minPartnersMet);
		assertThat(words(finding(tooFew, Rule.Kind.MIN_PARTNERS), language)).isEqualTo(expected.minPartnersFailed);
		assertThat(words(finding(met, Rule.Kind.MAX_PARTNERS), language)).isEqualTo(expected.maxPartnersMet);
		assertThat(words(finding(notMet, Rule.Kind.MAX_PARTNERS), language)).isEqualTo(expected.maxPartnersFailed);
		assertThat(words(finding(met, Rule.Kind.MIN_COUNTRIES), language)).isEqualTo(expected.minCountriesMet);
		assertThat(words(finding(tooFew, Rule.Kind.MIN_COUNTRIES), language)).isEqualTo(expected.minCountriesFailed);
		assertThat(words(finding(met, Rule.Kind.MIN_ELIGIBLE_COUNTRIES), language)).isEqualTo(expected.eligibleMet);
		assertThat(words(finding(tooFew, Rule.Kind.MIN_ELIGIBLE_COUNTRIES), language)).isEqualTo(expected.eligibleFailed);
		assertThat(words(finding(met, Rule.Kind.MIN_FROM_GROUP), language)).isEqualTo(expected.fromGroupMet);
		assertThat(words(finding(tooFew, Rule.Kind.MIN_FROM_GROUP), language)).isEqualTo(expected.fromGroupFailed);
		assertThat(words(finding(met, Rule.Kind.MIN_PARTICIPANTS), language)).isEqualTo(expected.participants);
		assertThat(finding(met, Rule.Kind.MIN_PARTICIPANTS).outcome()).isEqualTo(Finding.Outcome.CHECK);
		assertThat(met.findings().stream().filter(f -> f.key().startsWith("funding.consortium.lead")).findFirst().orElseThrow())
			.satisfies(f -> assertThat(words(f, language)).isEqualTo(expected.leadMet));
		assertThat(noLead.findings().stream().filter(f -> f.key().startsWith("funding.consortium.lead")).findFirst().orElseThrow())
			.satisfies(f -> {
				assertThat(f.outcome()).isEqualTo(Finding.Outcome.FAILED);
				assertThat(words(f, language)).isEqualTo(expected.leadFailed);
			});
		assertThat(notMet.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(tooFew.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
	}

	@Test
	void withoutCountryRulesTheEligibleCountriesAreToCheck() {
		EligibilityCheck.Result result = check(List.of(Rule.minEligibleCountries(2)), GHENT, DARKHAN);
		assertThat(result.eligibility()).isEqualTo(Eligibility.CHECK_CONDITIONS);
		assertThat(finding(result, Rule.Kind.MIN_ELIGIBLE_COUNTRIES).outcome()).isEqualTo(Finding.Outcome.CHECK);
	}

	@Test
	void aPairIsToldWhatTheWholeGroupWillNeedWithoutBeingRefused() {
		EligibilityCheck.Result pair = EligibilityCheck.evaluate(networksOfTowns(true), List.of(GHENT, DARKHAN));
		assertThat(pair.findings()).filteredOn(f -> f.rule() == Rule.Kind.MIN_ELIGIBLE_COUNTRIES)
			.singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Finding.Outcome.NOTE));
	}

	/** The words each rule gives, per language. */
	record Expected(String minPartnersMet, String minPartnersFailed, String maxPartnersMet, String maxPartnersFailed,
			String minCountriesMet, String minCountriesFailed, String eligibleMet, String eligibleFailed,
			String fromGroupMet, String fromGroupFailed, String participants, String leadMet, String leadFailed) {

		static Expected of(String language) {
			return switch (language) {
				case "en" -> new Expected("At least 3 bodies must take part; the group has 3.",
						"Needs 1 more municipality: at least 3 bodies must take part, the group has 2.",
						"At most 3 bodies may take part; the group has 3.",
						"1 municipality too many: at most 3 bodies may take part, the group has 4.",
						"The bodies must come from at least 3 countries; the group comes from 3.",
						"Needs 1 more country: the bodies must come from at least 3 countries, the group comes from 2.",
						"The bodies must come from at least 3 eligible countries; the group comes from 3.",
						"Needs 1 more eligible country: at least 3 eligible countries, the group comes from 2.",
						"At least 2 municipalities from an EU member state; the group has 2.",
						"Needs 1 more municipality from an EU member state: at least 2, the group has 1.",
						"Check yourself: the project must have at least 50 participants, of whom at least 25 invited from abroad.",
						"May lead: Ghent, Bonn.",
						"No municipality of the group may lead this instrument’s projects.");
				case "mn" -> new Expected("Дор хаяж 3 байгууллага оролцох ёстой; бүлэгт 3 байна.",
						"Дахиад 1 хот хэрэгтэй: дор хаяж 3 байгууллага оролцох ёстой, бүлэгт 2 байна.",
						"Хамгийн ихдээ 3 байгууллага оролцож болно; бүлэгт 3 байна.",
						"1 хот илүү байна: хамгийн ихдээ 3 байгууллага оролцож болно, бүлэгт 4 байна.",
						"Байгууллагууд дор хаяж 3 улсаас ирэх ёстой; бүлэг 3 улсаас бүрдэнэ.",
						"Дахиад 1 улс хэрэгтэй: байгууллагууд дор хаяж 3 улсаас ирэх ёстой, бүлэг 2 улсаас бүрдэнэ.",
						"Байгууллагууд дор хаяж 3 эрх бүхий улсаас ирэх ёстой; бүлэг 3 эрх бүхий улсаас бүрдэнэ.",
						"Дахиад 1 эрх бүхий улс хэрэгтэй: дор хаяж 3 эрх бүхий улс, бүлэг 2 улсаас бүрдэнэ.",
						"ЕХ-ны гишүүн улс: дор хаяж 2 хот байх ёстой; бүлэгт 2 байна.",
						"ЕХ-ны гишүүн улс: дахиад 1 хот хэрэгтэй (дор хаяж 2, бүлэгт 1 байна).",
						"Өөрөө шалгана уу: төсөлд дор хаяж 50 оролцогч байх ёстой, үүнээс дор хаяж 25 нь гадаадаас уригдсан байна.",
						"Төслийг удирдаж болно: Ghent, Bonn.",
						"Бүлгийн аль ч хот энэ хэрэгслийн төслийг удирдах эрхгүй.");
				default -> new Expected("Au moins 3 organismes doivent participer ; le groupe en compte 3.",
						"Il manque 1 commune : au moins 3 organismes doivent participer, le groupe en compte 2.",
						"Au plus 3 organismes peuvent participer ; le groupe en compte 3.",
						"1 commune de trop : au plus 3 organismes peuvent participer, le groupe en compte 4.",
						"Les organismes doivent venir d’au moins 3 pays ; le groupe vient de 3.",
						"Il manque 1 pays : les organismes doivent venir d’au moins 3 pays, le groupe vient de 2.",
						"Les organismes doivent venir d’au moins 3 pays admissibles ; le groupe vient de 3.",
						"Il manque 1 pays admissible : au moins 3 pays admissibles, le groupe vient de 2.",
						"Au moins 2 communes d’un État membre de l’UE ; le groupe en compte 2.",
						"Il manque 1 commune d’un État membre de l’UE : au moins 2, le groupe en compte 1.",
						"À vérifier vous-même : le projet doit réunir au moins 50 participants, dont au moins 25 invités de l’étranger.",
						"Peuvent diriger le projet : Ghent, Bonn.",
						"Aucune commune du groupe ne peut diriger les projets de cet instrument.");
			};
		}
	}
}
