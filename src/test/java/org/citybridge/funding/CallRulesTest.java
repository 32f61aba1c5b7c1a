package org.citybridge.funding;

import java.util.List;

import org.citybridge.country.CountryGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.funding.GroupCheckTest.BONN;
import static org.citybridge.funding.GroupCheckTest.DARKHAN;
import static org.citybridge.funding.GroupCheckTest.GHENT;
import static org.citybridge.funding.GroupCheckTest.NIS;
import static org.citybridge.funding.GroupCheckTest.STRASBOURG;

/**
 * A call's own group rules (issue 24) replace the instrument's rules of the same kind for that call,
 * and only those: the rules about each applicant and the kinds the call leaves alone stay the
 * instrument's.
 */
class CallRulesTest {

	@Test
	void aCallsRuleReplacesTheInstrumentsRulesOfItsKindOnly() {
		List<Rule> instrument = GroupCheckTest.networksOfTowns(false);
		List<Rule> call = List.of(Rule.minEligibleCountries(2), Rule.minFromGroup(CountryGroup.EU_MEMBER, 1));
		List<Rule> rules = FundingCatalogue.forCall(instrument, call);
		assertThat(rules).filteredOn(r -> r.kind() == Rule.Kind.MIN_ELIGIBLE_COUNTRIES).extracting(Rule::minimum)
			.containsExactly(2);
		assertThat(rules).filteredOn(r -> r.kind() == Rule.Kind.MIN_FROM_GROUP).extracting(Rule::minimum).containsExactly(1);
		assertThat(rules).filteredOn(r -> r.kind() == Rule.Kind.MIN_PARTNERS).extracting(Rule::minimum).containsExactly(4);
		assertThat(rules).filteredOn(r -> r.kind() == Rule.Kind.COUNTRY_GROUP).hasSize(2);
		assertThat(FundingCatalogue.forCall(instrument, List.of())).containsExactlyElementsOf(instrument);
	}

	@Test
	void theSameGroupMeetsACallsRulesThatItFailsUnderTheInstruments() {
		List<Rule> instrument = GroupCheckTest.networksOfTowns(false);
		List<Party> group = List.of(GHENT, BONN, NIS, DARKHAN);
		assertThat(GroupCheck.evaluate(instrument, group).eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		// A call that asks for 2 eligible countries only: Ghent and Bonn are enough.
		List<Rule> call = List.of(Rule.minEligibleCountries(2));
		EligibilityCheck.Result result = GroupCheck.evaluate(FundingCatalogue.forCall(instrument, call), group);
		assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.Kind.MIN_ELIGIBLE_COUNTRIES)
			.extracting(EligibilityCheck.Raw::key).containsExactly("funding.consortium.minEligibleCountries.met");
		// And a call that asks for more than the instrument: a group meeting the instrument's rules fails it.
		List<Party> five = List.of(GHENT, BONN, STRASBOURG, NIS, DARKHAN);
		List<Rule> stricter = List.of(Rule.minFromGroup(CountryGroup.EU_MEMBER, 4));
		assertThat(GroupCheck.evaluate(FundingCatalogue.forCall(instrument, stricter), five).findings())
			.filteredOn(f -> f.rule() == Rule.Kind.MIN_FROM_GROUP).extracting(EligibilityCheck.Raw::key)
			.containsExactly("funding.consortium.minFromGroup.failed");
	}
}
