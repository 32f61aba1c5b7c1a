package org.citybridge.matchmaking;

import org.citybridge.matchmaking.ranking.CandidateIndex;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.citybridge.IntegrationTest;
import org.citybridge.country.CountryGroup;
import org.citybridge.matchmaking.MatchmakingFixtures.Place;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The in-memory scoring over {@link CandidateIndex} gives the same candidates, scores and order as
 * the single SQL statement it replaced ({@link SqlRankingReference}), for every filter, with and
 * without a hidden agreement and funding; and the copy follows every committed change.
 */
@IntegrationTest
class CandidateIndexIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerSuggestions suggestions;

	@Autowired
	CandidateIndex index;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void ranksExactlyAsTheSqlStatement() {
		MatchmakingFixtures f = new MatchmakingFixtures(this.jdbc);
		long a = f.municipality("Index subject", Place.neutral("MN").kind("REGIONAL_CENTRE").population(80_000)
			.languages("mn", "en").offers("AGRICULTURE_RURAL", "WASTE").seeks("SMART_CITY", "WASTE"));
		long bonn = f.municipality("Index Bonn", Place.neutral("DE").population(300_000).languages("de", "en"));
		long lyon = f.municipality("Index Lyon", Place.neutral("FR").population(500_000).offers("SMART_CITY").lookingForPartners());
		long gent = f.municipality("Index Gent", Place.neutral("BE").kind("REGIONAL_CENTRE").population(90_000)
			.seeks("AGRICULTURE_RURAL").offers("WASTE"));
		long nis = f.municipality("Index Nis", Place.neutral("RS").population(250_000).languages("sr"));
		long home = f.municipality("Index home", Place.neutral("MN").population(20_000));
		long otherMongolian = f.municipality("Index other MN", Place.neutral("MN"));
		long former = f.municipality("Index former", Place.neutral("IT").population(70_000));
		long pending = f.municipality("Index pending", Place.neutral("PT"));
		long district = f.municipality("Index district", Place.neutral("DE").kind("DISTRICT"));
		f.agreement("ACTIVE", a, bonn);
		long hidden = f.agreement("SIGNED", a, gent);
		f.agreement("ACTIVE", bonn, lyon);
		f.agreement("ACTIVE", bonn, nis, lyon);
		f.agreement("ENDED", a, former);
		f.agreement("ACTIVE", otherMongolian, nis);
		f.agreement("DRAFT", otherMongolian, lyon);
		f.agreement("ACTIVE", home, lyon);
		f.agreement("ACTIVE", district, nis);
		f.network(a, gent, nis);
		this.jdbc.sql("INSERT INTO partnership_requests (from_municipality_id, to_municipality_id, message) VALUES (?, ?, 'Hi')")
			.params(a, pending).update();
		List<FundingFeasibility.Scheme> taiex = List.of(new FundingFeasibility.Scheme("TAIEX", null, Set.of(CountryGroup.EU_MEMBER)));
		List<SuggestionFilter> filters = List.of(SuggestionFilter.none(),
				new SuggestionFilter(List.of(), List.of(), List.of(), null, null, false, true, 1),
				new SuggestionFilter(List.of("FR", "RS"), List.of(), List.of(), null, null, false, false, 1),
				new SuggestionFilter(List.of(), List.of("EU_MEMBER"), List.of(), null, null, false, false, 1),
				new SuggestionFilter(List.of("RS"), List.of("EU_MEMBER"), List.of(), null, null, false, false, 1),
				new SuggestionFilter(List.of(), List.of(), List.of("SMART_CITY", "WASTE"), null, null, false, false, 1),
				new SuggestionFilter(List.of(), List.of(), List.of(), 60_000, 400_000, false, false, 1),
				new SuggestionFilter(List.of(), List.of(), List.of(), null, null, true, true, 1));
		for (SuggestionFilter filter : filters) {
			for (long hide : new long[] { -1, hidden }) {
				for (List<FundingFeasibility.Scheme> instruments : List.of(List.<FundingFeasibility.Scheme>of(), taiex)) {
					List<PartnerSuggestions.Row> expected = reference(a, filter, instruments, hide);
					List<PartnerSuggestions.Row> actual = this.suggestions.rank(a, filter, instruments, hide, 1_000_000, 0);
					String what = filter + " hidden " + hide + " funding " + instruments.size();
					assertThat(actual).as(what).hasSameSizeAs(expected);
					assertThat(actual).extracting(PartnerSuggestions.Row::id).as(what)
						.containsExactlyElementsOf(expected.stream().map(PartnerSuggestions.Row::id).toList());
					for (int i = 0; i < expected.size(); i++) {
						assertThat(actual.get(i).score()).as(what).isCloseTo(expected.get(i).score(), within(1e-9));
					}
					// A page is a slice of the same order.
					assertThat(this.suggestions.rank(a, filter, instruments, hide, 3, 2)).extracting(PartnerSuggestions.Row::id)
						.containsExactlyElementsOf(expected.stream().skip(2).limit(3).map(PartnerSuggestions.Row::id).toList());
				}
			}
		}
		List<Long> order = this.suggestions.rank(a, SuggestionFilter.none(), List.of(), -1, 1_000_000, 0).stream()
			.map(PartnerSuggestions.Row::id).toList();
		assertThat(order).contains(lyon, nis, former).doesNotContain(a, bonn, gent, pending, district, home);
		assertThat(this.suggestions.rank(a, SuggestionFilter.none(), List.of(), hidden, 1_000_000, 0))
			.extracting(PartnerSuggestions.Row::id).contains(gent);
	}

	@Test
	void followsEveryCommittedChange() {
		MatchmakingFixtures f = new MatchmakingFixtures(this.jdbc);
		long a = f.municipality("Change subject", Place.neutral("MN").seeks("WATER_SANITATION"));
		long b = f.municipality("Change candidate", Place.neutral("NO"));
		double before = score(a, b);
		this.jdbc.sql("UPDATE municipalities SET seeking_partners = true WHERE id = ?").param(b).update();
		assertThat(score(a, b)).isCloseTo(before + SuggestionWeights.DEFAULT.seeking(), within(1e-9));
		this.jdbc.sql("INSERT INTO municipality_offered_themes (municipality_id, theme_code) VALUES (?, 'WATER_SANITATION')")
			.param(b).update();
		assertThat(score(a, b)).isCloseTo(before + SuggestionWeights.DEFAULT.seeking() + SuggestionWeights.DEFAULT.complementarity(),
				within(1e-9));
		long agreement = f.agreement("ACTIVE", a, b);
		assertThat(ids(a)).doesNotContain(b);
		this.jdbc.sql("UPDATE agreements SET status = 'ENDED' WHERE id = ?").param(agreement).update();
		assertThat(ids(a)).contains(b);
		// Several writes in one transaction count once; a column the suggestions do not read, not at all.
		long version = version();
		this.transactions.executeWithoutResult(tx -> {
			this.jdbc.sql("UPDATE municipalities SET population = 5000 WHERE id = ?").param(b).update();
			this.jdbc.sql("UPDATE municipalities SET population = 6000 WHERE id = ?").param(a).update();
			this.jdbc.sql("DELETE FROM municipality_offered_themes WHERE municipality_id = ?").param(b).update();
		});
		assertThat(version()).isEqualTo(version + 1);
		this.jdbc.sql("UPDATE municipalities SET website = 'https://example.org' WHERE id = ?").param(b).update();
		assertThat(version()).isEqualTo(version + 1);
		assertThat(score(a, b)).isCloseTo(before + SuggestionWeights.DEFAULT.seeking()
				+ SuggestionWeights.DEFAULT.size() * (1 - Math.abs(Math.log(5000) - Math.log(6000)) / Math.log(10)), within(1e-9));
		assertThat(this.suggestions.suggest(a, SuggestionFilter.none(), Locale.ENGLISH).suggestions()).isNotEmpty();
	}

	private List<PartnerSuggestions.Row> reference(long a, SuggestionFilter filter, List<FundingFeasibility.Scheme> instruments,
			long hidden) {
		return SqlRankingReference.statement(this.jdbc, SqlRankingReference.RANKING, SuggestionWeights.DEFAULT, a, filter,
				this.suggestions.targetCountries(filter), this.suggestions.fundingCountries(instruments), hidden)
			.param("limit", 1_000_000)
			.param("offset", 0)
			.query((rs, n) -> new PartnerSuggestions.Row(rs.getLong(1), rs.getDouble(2)))
			.list();
	}

	private double score(long a, long b) {
		return this.suggestions.rank(a, SuggestionFilter.none(), List.of(), -1, 1_000_000, 0).stream()
			.filter(r -> r.id() == b).findFirst().orElseThrow().score();
	}

	private List<Long> ids(long a) {
		return this.suggestions.rank(a, SuggestionFilter.none(), List.of(), -1, 1_000_000, 0).stream()
			.map(PartnerSuggestions.Row::id).toList();
	}

	private long version() {
		return this.jdbc.sql("SELECT version FROM matchmaking_data_version").query(Long.class).single();
	}
}
