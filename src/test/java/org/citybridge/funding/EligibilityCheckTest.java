package org.citybridge.funding;

import java.util.List;

import org.citybridge.country.CountryGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The eligibility rules, each kind alone and in combination, evaluated in memory. */
class EligibilityCheckTest {

	static final Party DARKHAN = new Party(1, "Darkhan", "MN", CountryGroup.PARTNER);

	static final Party GHENT = new Party(2, "Ghent", "BE", CountryGroup.EU_MEMBER);

	static final Party BRUSSELS = new Party(3, "Brussels", "BE", CountryGroup.EU_MEMBER);

	static final Party NIS = new Party(4, "Niš", "RS", CountryGroup.CANDIDATE);

	static final List<Rule> EU_LEADS_PARTNERS_JOIN = List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER),
			Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.group(Rule.Role.PARTNER, CountryGroup.PARTNER));

	static EligibilityCheck.Result check(List<Rule> rules, Party... parties) {
		return EligibilityCheck.evaluate(rules, List.of(parties));
	}

	static List<String> keys(EligibilityCheck.Result result) {
		return result.findings().stream().map(EligibilityCheck.Raw::key).toList();
	}

	@Test
	void aPartnerCountryMunicipalityMayPartnerButNotLead() {
		EligibilityCheck.Result result = check(EU_LEADS_PARTNERS_JOIN, DARKHAN);
		assertThat(result.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
		EligibilityCheck.Raw finding = result.findings().get(0);
		assertThat(finding.key()).isEqualTo("funding.reason.country");
		assertThat(finding.args()).contains(new EligibilityCheck.Place(1, "Darkhan"), new EligibilityCheck.CountryName("MN"),
				new EligibilityCheck.Key("funding.group.phrase.PARTNER"), new EligibilityCheck.Key("funding.may.partner.YES"),
				new EligibilityCheck.Key("funding.may.lead.NO"));
	}

	@Test
	void aCountryInNoGroupOfTheRulesIsNotEligibleAndTheCountryRuleIsNamed() {
		EligibilityCheck.Result result = check(EU_LEADS_PARTNERS_JOIN, NIS);
		assertThat(result.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(result.findings()).singleElement().satisfies(f -> {
			assertThat(f.outcome()).isEqualTo(Finding.Outcome.FAILED);
			assertThat(f.rule()).isEqualTo(Rule.Kind.COUNTRY_GROUP);
		});
	}

	@Test
	void aPairNeedsOneThatMayLeadAndTheOtherAsPartner() {
		EligibilityCheck.Result result = check(EU_LEADS_PARTNERS_JOIN, DARKHAN, GHENT);
		assertThat(result.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
		EligibilityCheck.Raw pair = result.findings().get(2);
		assertThat(pair.key()).isEqualTo("funding.reason.pair.met");
		assertThat(pair.args()).containsExactly(new EligibilityCheck.Place(2, "Ghent"), new EligibilityCheck.Place(1, "Darkhan"));
	}

	@Test
	void twoMunicipalitiesThatMayOnlyPartnerAreNotEligibleAsAPair() {
		Party erdenet = new Party(5, "Erdenet", "MN", CountryGroup.PARTNER);
		EligibilityCheck.Result result = check(EU_LEADS_PARTNERS_JOIN, DARKHAN, erdenet);
		assertThat(result.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(result.findings()).filteredOn(f -> f.outcome() == Finding.Outcome.FAILED)
			.singleElement().extracting(EligibilityCheck.Raw::key).isEqualTo("funding.reason.pair.failed");
	}

	@Test
	void aCountryExceptionOverridesItsGroupBothWays() {
		List<Rule> rules = List.of(Rule.group(Rule.Role.LEAD, CountryGroup.CANDIDATE), Rule.country(Rule.Role.LEAD, "MN", true),
				Rule.country(Rule.Role.LEAD, "RS", false), Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER));
		EligibilityCheck.Result darkhan = check(rules, DARKHAN);
		assertThat(darkhan.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
		assertThat(darkhan.findings().get(0).key()).isEqualTo("funding.reason.country.exception");
		assertThat(darkhan.findings().get(0).rule()).isEqualTo(Rule.Kind.COUNTRY);
		assertThat(darkhan.findings().get(0).args()).contains(new EligibilityCheck.Key("funding.may.lead.YES"));

		EligibilityCheck.Result nis = check(rules, NIS);
		assertThat(nis.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(nis.findings().get(0).rule()).isEqualTo(Rule.Kind.COUNTRY);
		assertThat(nis.findings().get(0).args()).contains(new EligibilityCheck.Key("funding.may.lead.NO"));

		// Darkhan leads thanks to the exception, Ghent partners.
		EligibilityCheck.Result pair = check(rules, GHENT, DARKHAN);
		assertThat(pair.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
		assertThat(pair.findings().get(2).args()).containsExactly(new EligibilityCheck.Place(1, "Darkhan"),
				new EligibilityCheck.Place(2, "Ghent"));
	}

	@Test
	void aKindOfBodyRuleWithoutMunicipalitiesFailsAndNamesTheKinds() {
		List<Rule> rules = List.of(Rule.group(Rule.Role.LEAD, CountryGroup.PARTNER), Rule.body(BodyKind.NGO),
				Rule.body(BodyKind.ASSOCIATION));
		EligibilityCheck.Result result = check(rules, DARKHAN);
		assertThat(result.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		EligibilityCheck.Raw body = result.findings().get(1);
		assertThat(body.rule()).isEqualTo(Rule.Kind.BODY_KIND);
		assertThat(body.outcome()).isEqualTo(Finding.Outcome.FAILED);
		assertThat(body.args()).containsExactly(new EligibilityCheck.Keys(List.of("funding.body.NGO", "funding.body.ASSOCIATION")));

		EligibilityCheck.Result withMunicipalities = check(List.of(Rule.group(Rule.Role.LEAD, CountryGroup.PARTNER),
				Rule.body(BodyKind.MUNICIPALITY)), DARKHAN);
		assertThat(withMunicipalities.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
		assertThat(withMunicipalities.findings().get(1).key()).isEqualTo("funding.reason.body.met");
	}

	@Test
	void minimumPartnersAndCountriesAreCountedForAPairAndOnlyNotedForOne() {
		List<Rule> rules = List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER),
				Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.minPartners(2), Rule.minCountries(2));
		EligibilityCheck.Result sameCountry = check(rules, GHENT, BRUSSELS);
		assertThat(sameCountry.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(sameCountry.findings()).filteredOn(f -> f.outcome() == Finding.Outcome.FAILED)
			.singleElement().satisfies(f -> {
				assertThat(f.rule()).isEqualTo(Rule.Kind.MIN_COUNTRIES);
				assertThat(f.args()).containsExactly(2, 1);
			});
		assertThat(keys(sameCountry)).contains("funding.reason.minPartners.met");

		EligibilityCheck.Result three = check(List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER),
				Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.minPartners(3)), GHENT, BRUSSELS);
		assertThat(three.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(keys(three)).contains("funding.reason.minPartners.failed");

		EligibilityCheck.Result alone = check(rules, GHENT);
		assertThat(alone.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
		assertThat(keys(alone)).contains("funding.reason.minPartners.note", "funding.reason.minCountries.note");
	}

	@Test
	void freeTextConditionsAskForACheckUnlessAnotherRuleFails() {
		Rule condition = Rule.condition("Registered two years", org.citybridge.system.translation.Translations.builder()
			.from("en", "{\"fr\": {\"condition\": \"Enregistré depuis deux ans\"}}").put("condition", "Registered two years").build());
		List<Rule> rules = List.of(Rule.group(Rule.Role.LEAD, CountryGroup.PARTNER), condition);
		EligibilityCheck.Result result = check(rules, DARKHAN);
		assertThat(result.eligibility()).isEqualTo(Eligibility.CHECK_CONDITIONS);
		assertThat(result.findings().get(1).args()).containsExactly(new EligibilityCheck.Condition(condition));
		// The finder reads the condition in the reader's language where it is translated, else in its own.
		assertThat(condition.shownCondition(java.util.Locale.FRENCH).text()).isEqualTo("Enregistré depuis deux ans");
		assertThat(condition.shownCondition(java.util.Locale.forLanguageTag("mn")).text()).isEqualTo("Registered two years");
		assertThat(condition.shownCondition(java.util.Locale.forLanguageTag("mn")).lang()).isEqualTo("en");

		EligibilityCheck.Result failing = check(List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER),
				Rule.group(Rule.Role.PARTNER, CountryGroup.EU_MEMBER), Rule.condition("Registered two years")), DARKHAN);
		assertThat(failing.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
	}

	@Test
	void withoutCountryRulesNothingIsGuessed() {
		EligibilityCheck.Result none = check(List.of(), DARKHAN, GHENT);
		assertThat(none.eligibility()).isEqualTo(Eligibility.CHECK_CONDITIONS);
		assertThat(keys(none)).containsExactly("funding.reason.noCountryRules");

		// Rules for leading only: whether Darkhan may partner is unknown, so the pair is to be checked.
		EligibilityCheck.Result leadOnly = check(List.of(Rule.group(Rule.Role.LEAD, CountryGroup.EU_MEMBER)), DARKHAN, GHENT);
		assertThat(leadOnly.eligibility()).isEqualTo(Eligibility.CHECK_CONDITIONS);
		assertThat(keys(leadOnly)).contains("funding.reason.pair.check");
	}

	@Test
	void everyNotEligibleNamesAFailedRule() {
		List<List<Rule>> ruleSets = List.of(EU_LEADS_PARTNERS_JOIN, List.of(Rule.group(Rule.Role.LEAD, CountryGroup.PARTNER),
				Rule.body(BodyKind.NGO)), List.of(Rule.minPartners(5), Rule.group(Rule.Role.LEAD, CountryGroup.OTHER)));
		for (List<Rule> rules : ruleSets) {
			for (List<Party> parties : List.of(List.of(NIS), List.of(DARKHAN), List.of(NIS, DARKHAN), List.of(GHENT, BRUSSELS))) {
				EligibilityCheck.Result result = EligibilityCheck.evaluate(rules, parties);
				if (result.eligibility() == Eligibility.NOT_ELIGIBLE) {
					assertThat(result.findings()).anyMatch(f -> f.outcome() == Finding.Outcome.FAILED && f.rule() != null);
				}
			}
		}
	}
}
