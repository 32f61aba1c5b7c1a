package org.citybridge.matchmaking;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.citybridge.IntegrationTest;
import org.citybridge.country.CountryGroup;
import org.citybridge.matchmaking.MatchmakingFixtures.Place;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The ranking on PostgreSQL: each signal alone, the exclusions, the filters, the order. */
@IntegrationTest
class PartnerSuggestionsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerSuggestions suggestions;

	MatchmakingFixtures fixtures;

	/** The municipality suggestions are for: a Mongolian regional centre that seeks smart-city expertise. */
	long a;

	Place base = Place.neutral("MN").kind("REGIONAL_CENTRE").population(80_000).languages("mn", "en")
		.offers("AGRICULTURE_RURAL").seeks("SMART_CITY");

	@BeforeEach
	void setUp() {
		this.fixtures = new MatchmakingFixtures(this.jdbc);
		this.a = this.fixtures.municipality("Subject", this.base);
	}

	/** All candidates' scores for A, as the ranking computes them (no page limit). */
	Map<Long, Double> scores(SuggestionFilter filter) {
		Map<Long, Double> scores = new java.util.LinkedHashMap<>();
		this.suggestions.rank(this.a, filter, List.of(), -1, 1_000_000, 0).forEach(r -> scores.put(r.id(), r.score()));
		return scores;
	}

	List<Long> order(SuggestionFilter filter) {
		return this.suggestions.rank(this.a, filter, List.of(), -1, 1_000_000, 0).stream().map(PartnerSuggestions.Row::id).toList();
	}

	List<String> signals(long candidate) {
		PartnerSuggestions.Details details = this.suggestions.details(this.a, List.of(candidate), -1).get(candidate);
		return this.suggestions.reasons(details, List.of(), Locale.ENGLISH).stream().map(PartnerSuggestions.Reason::signal).toList();
	}

	List<String> texts(long candidate) {
		PartnerSuggestions.Details details = this.suggestions.details(this.a, List.of(candidate), -1).get(candidate);
		return this.suggestions.reasons(details, List.of(), Locale.ENGLISH).stream().map(PartnerSuggestions.Reason::text).toList();
	}

	@ParameterizedTest
	@ValueSource(strings = { "complementarity", "sharedTheme", "size", "kind", "language", "network", "seeking",
			"partnerOfPartner", "likeYou" })
	void aCandidateThatDiffersInOneSignalShowsThatReasonAndScoresHigher(String signal) {
		Place neutral = Place.neutral("DE");
		long plain = this.fixtures.municipality("Plain", neutral);
		Place different = switch (signal) {
			case "complementarity" -> neutral.offers("SMART_CITY");
			case "sharedTheme" -> neutral.seeks("SMART_CITY");
			case "size" -> neutral.population(90_000);
			case "kind" -> neutral.kind("REGIONAL_CENTRE");
			case "language" -> neutral.languages("en");
			case "seeking" -> neutral.lookingForPartners();
			default -> neutral;
		};
		long candidate = this.fixtures.municipality("Candidate " + signal, different);
		if (signal.equals("network")) {
			this.fixtures.network(this.a, candidate);
		}
		if (signal.equals("partnerOfPartner")) {
			long bonn = this.fixtures.municipality("Bonn", Place.neutral("FR"));
			this.fixtures.agreement("ACTIVE", this.a, bonn);
			this.fixtures.agreement("ACTIVE", bonn, candidate);
		}
		if (signal.equals("likeYou")) {
			long otherMongolian = this.fixtures.municipality("Other Mongolian", Place.neutral("MN"));
			this.fixtures.agreement("SIGNED", otherMongolian, candidate);
		}
		Map<Long, Double> scores = scores(SuggestionFilter.none());
		assertThat(scores.get(candidate)).as(signal).isGreaterThan(scores.get(plain));
		List<Long> order = order(SuggestionFilter.none());
		assertThat(order.indexOf(candidate)).isLessThan(order.indexOf(plain));
		assertThat(signals(candidate)).containsExactly(signal);
		assertThat(signals(plain)).isEmpty();
		if (signal.equals("partnerOfPartner")) {
			assertThat(texts(candidate)).containsExactly("Partner of your partner Bonn");
		}
	}

	@Test
	void fundingIsAHookThatScoresWhenAnInstrumentIsOpenToThePair() {
		long plain = this.fixtures.municipality("Plain", Place.neutral("US"));
		long eligible = this.fixtures.municipality("Eligible", Place.neutral("FR"));
		List<FundingFeasibility.Scheme> taiex = List.of(new FundingFeasibility.Scheme("TAIEX", null, Set.of(CountryGroup.EU_MEMBER)));
		Map<Long, Double> scores = new java.util.HashMap<>();
		this.suggestions.rank(this.a, SuggestionFilter.none(), taiex, -1, 1_000_000, 0).forEach(r -> scores.put(r.id(), r.score()));
		assertThat(scores.get(eligible) - scores.get(plain)).isEqualTo(SuggestionWeights.DEFAULT.funding());
		PartnerSuggestions.Details details = this.suggestions.details(this.a, List.of(eligible), -1).get(eligible);
		assertThat(this.suggestions.reasons(details, taiex, Locale.ENGLISH)).extracting(PartnerSuggestions.Reason::text)
			.containsExactly("Eligible together for TAIEX");
	}

	@Test
	void aSizeTenTimesApartCountsInTheScoreButIsNotClaimedAsSimilar() {
		Place neutral = Place.neutral("HR");
		long plain = this.fixtures.municipality("Plain", neutral);
		// Darkhan and Zagreb: 74,300 and 698,966 inhabitants, a few tenths of a point.
		this.jdbc.sql("UPDATE municipalities SET population = 74300 WHERE id = ?").param(this.a).update();
		long far = this.fixtures.municipality("Far", neutral.population(698_966));
		long near = this.fixtures.municipality("Near", neutral.population(150_000));
		Map<Long, Double> scores = scores(SuggestionFilter.none());
		assertThat(scores.get(far)).isGreaterThan(scores.get(plain));
		assertThat(signals(far)).isEmpty();
		assertThat(signals(near)).containsExactly("size");
		assertThat(texts(near)).containsExactly("Similar size (74,300 and 150,000 inhabitants)");
	}

	@Test
	void aSuggestionCarriesTheThemesItsReasonsNameInTheThemesOrder() {
		long complementary = this.fixtures.municipality("Themed", Place.neutral("BE").offers("SMART_CITY")
			.seeks("AGRICULTURE_RURAL").languages("fr"));
		SuggestionFilter belgium = new SuggestionFilter(List.of("BE"), List.of(), List.of(), null, null, false, false, 1);
		PartnerSuggestions.Suggestion suggestion = this.suggestions.suggest(this.a, belgium, Locale.ENGLISH)
			.suggestions()
			.stream()
			.filter(s -> s.id() == complementary)
			.findFirst()
			.orElseThrow();
		assertThat(suggestion.themes()).containsExactly("SMART_CITY", "AGRICULTURE_RURAL");
	}

	@Test
	void aComplementaryPairRanksAboveAMerelySimilarPair() {
		long complementary = this.fixtures.municipality("Complementary", Place.neutral("BE").offers("SMART_CITY", "WATER_SANITATION")
			.seeks("AGRICULTURE_RURAL"));
		this.jdbc.sql("INSERT INTO municipality_sought_themes (municipality_id, theme_code) VALUES (?, 'WATER_SANITATION')")
			.param(this.a).update();
		long similar = this.fixtures.municipality("Similar", Place.neutral("BE").kind("REGIONAL_CENTRE").population(80_000)
			.offers("AGRICULTURE_RURAL").seeks("SMART_CITY"));
		List<Long> order = order(SuggestionFilter.none());
		assertThat(order.indexOf(complementary)).isLessThan(order.indexOf(similar));
		assertThat(texts(complementary)).contains("Offers Smart city and innovation, Water and sanitation, which Subject seeks");
	}

	@Test
	void neverSuggestsAnExistingPartnerButDoesOnceTheAgreementEnded() {
		long partner = this.fixtures.municipality("Partner", Place.neutral("DE").offers("SMART_CITY"));
		long formerPartner = this.fixtures.municipality("Former", Place.neutral("DE").offers("SMART_CITY"));
		long draftPartner = this.fixtures.municipality("Draft", Place.neutral("DE").offers("SMART_CITY"));
		this.fixtures.agreement("ACTIVE", this.a, partner);
		this.fixtures.agreement("ENDED", this.a, formerPartner);
		this.fixtures.agreement("DRAFT", draftPartner, this.a);
		List<Long> order = order(SuggestionFilter.none());
		assertThat(order).doesNotContain(this.a, partner, draftPartner).contains(formerPartner);
	}

	@Test
	void leavesOutPendingRequestsTheSameCountryAndDistrictsUnlessAsked() {
		long pending = this.fixtures.municipality("Pending", Place.neutral("DE"));
		long home = this.fixtures.municipality("Home", Place.neutral("MN"));
		long district = this.fixtures.municipality("District", Place.neutral("DE").kind("DISTRICT"));
		this.jdbc.sql("INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message) VALUES (?, ?, 'Hi')")
			.params(pending, this.a).update();
		assertThat(order(SuggestionFilter.none())).doesNotContain(pending, home, district);
		SuggestionFilter withHome = new SuggestionFilter(List.of(), List.of(), List.of(), null, null, false, true, 1);
		assertThat(order(withHome)).contains(home).doesNotContain(pending, district);
	}

	@Test
	void filtersByCountryGroupThemePopulationAndSeeking() {
		long french = this.fixtures.municipality("French", Place.neutral("FR").population(5_000).offers("WASTE").lookingForPartners());
		long serbian = this.fixtures.municipality("Serbian", Place.neutral("RS").population(50_000));
		assertThat(order(new SuggestionFilter(List.of("RS"), List.of(), List.of(), null, null, false, false, 1)))
			.contains(serbian).doesNotContain(french).allSatisfy(id -> assertThat(country(id)).isEqualTo("RS"));
		assertThat(order(new SuggestionFilter(List.of(), List.of("EU_MEMBER"), List.of(), null, null, false, false, 1)))
			.contains(french).doesNotContain(serbian);
		assertThat(order(new SuggestionFilter(List.of(), List.of(), List.of("WASTE"), null, null, false, false, 1)))
			.contains(french).doesNotContain(serbian);
		assertThat(order(new SuggestionFilter(List.of(), List.of(), List.of(), 10_000, 60_000, false, false, 1)))
			.contains(serbian).doesNotContain(french);
		assertThat(order(new SuggestionFilter(List.of(), List.of(), List.of(), null, null, true, false, 1)))
			.contains(french).doesNotContain(serbian);
	}

	@Test
	void equalScoresAreOrderedByTheStableKey() {
		long first = this.fixtures.municipality("Twin one", Place.neutral("IT"));
		long second = this.fixtures.municipality("Twin two", Place.neutral("IT"));
		List<Long> order = order(SuggestionFilter.none());
		assertThat(order.indexOf(first)).isLessThan(order.indexOf(second));
		assertThat(order(SuggestionFilter.none())).isEqualTo(order);
	}

	@Test
	void aPageHasAtMostTwentyAndCountsAllCandidates() {
		for (int i = 0; i < 25; i++) {
			this.fixtures.municipality("Many " + i, Place.neutral("PT"));
		}
		SuggestionFilter portugal = new SuggestionFilter(List.of("PT"), List.of(), List.of(), null, null, false, false, 1);
		PartnerSuggestions.Page first = this.suggestions.suggest(this.a, portugal, Locale.ENGLISH);
		assertThat(first.suggestions()).hasSize(20);
		assertThat(first.hasNext()).isTrue();
		assertThat(first.suggestions().get(0).rank()).isEqualTo(1);
		PartnerSuggestions.Page second = this.suggestions.suggest(this.a, portugal.page(2), Locale.ENGLISH);
		assertThat(second.suggestions().get(0).rank()).isEqualTo(21);
	}

	private String country(long id) {
		return this.jdbc.sql("SELECT country_code FROM municipalities WHERE id = ?").param(id).query(String.class).single();
	}
}
