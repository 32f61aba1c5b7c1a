package org.citybridge.municipality;

import org.citybridge.system.ResultPage;

import java.util.List;

import org.citybridge.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.citybridge.municipality.directory.Directory;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory search on PostgreSQL: keys, ranking, filters and bad input. */
@IntegrationTest
class MunicipalitySearchIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MunicipalityDemoData demoData;

	@Autowired
	MunicipalitySearch search;

	@Autowired
	org.citybridge.municipality.directory.DirectoryPages pages;

	@Autowired
	SearchKeyWriter keys;

	@BeforeEach
	void demoData() {
		this.demoData.load();
	}

	@AfterEach
	void removeTestPlaces() {
		this.jdbc.sql("DELETE FROM municipalities WHERE geonames_id IS NULL").update();
	}

	@Test
	void ignoresCaseAndDiacritics() {
		assertThat(names("nis")).first().isEqualTo("Niš");
		assertThat(names("SABAC")).first().isEqualTo("Šabac");
		assertThat(names("moron")).first().isEqualTo("Mörön");
	}

	@Test
	void findsTheMongolianCapitalInEitherScriptAndSpelling() {
		for (String q : List.of("Улаанбаатар", "Ulaanbaatar", "Ulan Bator", "ulaanbaatar ", "Ulanbator")) {
			assertThat(names(q)).as(q).first().isEqualTo("Ulaanbaatar");
		}
	}

	@Test
	void findsMongolianCyrillicWithItsOwnLetters() {
		assertThat(names("Мөрөн")).first().isEqualTo("Mörön");
		assertThat(names("Сүхбаатар")).first().isEqualTo("Sükhbaatar");
		assertThat(names("Эрдэнэт")).first().isEqualTo("Erdenet");
	}

	@Test
	void findsRussianSerbianMacedonianAndBulgarianCyrillic() {
		assertThat(names("Дархан")).first().isEqualTo("Darkhan");
		assertThat(names("Ниш")).first().isEqualTo("Niš");
		assertThat(names("Скопје")).first().isEqualTo("Skopje");
		assertThat(names("София")).first().isEqualTo("Sofia");
	}

	@Test
	void findsRomanisationVariants() {
		assertThat(names("Choybalsan")).first().isEqualTo("Choibalsan");
		assertThat(names("Cojbalsan")).first().isEqualTo("Choibalsan");
		assertThat(names("Darxan")).first().isEqualTo("Darkhan");
		assertThat(names("Ulgii")).first().isEqualTo("Ölgii");
		assertThat(names("Baruun Urt")).first().isEqualTo("Baruun-Urt");
	}

	@Test
	void findsPlacesDespiteTyposAndExtraWords() {
		assertThat(names("Erdenet city")).first().isEqualTo("Erdenet");
		assertThat(names("Brussel")).first().isEqualTo("Brussels");
		assertThat(names("Szekesfehervar")).first().isEqualTo("Székesfehérvár");
		assertThat(names("Ulaanbatr")).first().isEqualTo("Ulaanbaatar");
	}

	@Test
	void ranksExactAbovePrefixAboveSimilar() {
		place("Darkhanville", 5_000_000);
		place("Darkhamm", 9_000_000);
		List<String> found = names("Darkhan");
		assertThat(found).containsSubsequence("Darkhan", "Darkhanville", "Darkhamm");
		place("Testa", 10);
		place("Testabcdef", 9_000_000);
		assertThat(names("testa")).startsWith("Testa", "Testabcdef");
	}

	@Test
	void breaksTiesByLargerPopulationThenById() {
		long small = place("Testtie", 100);
		long large = place("Testtie", 200);
		long unknown = place("Testtie", null);
		long sameAsLarge = place("Testtie", 200);
		assertThat(ids("testtie")).containsExactly(large, sameAsLarge, small, unknown);
	}

	@Test
	void filtersByCountryGroupPopulationKindThemesAndSeeking() {
		assertThat(directory(params(null, List.of("MN"), null, null, null, null, null, null, null)).items())
			.isNotEmpty()
			.allMatch(m -> m.countryCode().equals("MN"));
		assertThat(directory(params(null, null, List.of("EU_MEMBER"), null, null, null, null, null, null)).items())
			.extracting(MunicipalitySummary::countryCode)
			.isNotEmpty()
			.doesNotContain("MN", "RS");
		assertThat(directory(params(null, null, null, "100000", "300000", null, null, null, null)).items())
			.isNotEmpty()
			.allMatch(m -> m.population() >= 100_000 && m.population() <= 300_000);
		assertThat(directory(params(null, null, null, null, null, List.of("CAPITAL"), null, null, null)).items())
			.isNotEmpty()
			.allMatch(m -> m.kind() == MunicipalityKind.CAPITAL);
		assertThat(directory(params(null, null, null, null, null, null, List.of("AGRICULTURE_RURAL"), null, null))
			.items()).extracting(MunicipalitySummary::name).contains("Darkhan").doesNotContain("Bonn");
		assertThat(directory(params(null, null, null, null, null, null, null, List.of("SMART_CITY"), "1"))
			.items()).isNotEmpty().allMatch(MunicipalitySummary::seekingPartners);
	}

	@Test
	void showsUpToThreeOfferedThemesInTheVocabularysOrder() {
		MunicipalitySummary darkhan = directory(DirectoryParams.query("Darkhan")).items().get(0);
		assertThat(darkhan.topThemes()).containsExactly("EDUCATION_YOUTH", "AGRICULTURE_RURAL");
	}

	@Test
	void sortsByNameWhenAsked() {
		DirectoryParams p = new DirectoryParams(null, List.of("MN"), null, null, null, null, null, null, null, "name",
				null, "100");
		List<String> found = directory(p).items().stream().map(MunicipalitySummary::name).toList();
		assertThat(found).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
	}

	@Test
	void answersBadInputWithAPageAndMessages() {
		Directory d = this.pages.directory(new DirectoryParams("x' OR 1=1; DROP TABLE municipalities; --",
				List.of("ZZ"), List.of("MARS"), "abc", "-4", List.of("VILLAGE"), List.of("ASTROLOGY"), null, null,
				"random", "-1", "100000"));
		assertThat(d.results().items()).isEmpty();
		assertThat(d.query().size()).isEqualTo(DirectoryQuery.MAX_SIZE);
		assertThat(d.query().problems()).extracting(DirectoryQuery.Problem::key)
			.contains("municipality.filter.problem.country", "municipality.filter.problem.group",
					"municipality.filter.problem.populationMin", "municipality.filter.problem.populationMax",
					"municipality.filter.problem.kind", "municipality.filter.problem.theme",
					"municipality.filter.problem.sort");
		assertThat(this.search.count()).isGreaterThan(40);
	}

	@Test
	void answersAHugeQueryWithoutFailing() {
		Directory d = this.pages.directory(DirectoryParams.query("Дархан".repeat(2_000)));
		assertThat(d.query().text()).hasSize(DirectoryQuery.MAX_QUERY_LENGTH);
		assertThat(d.query().problems()).isNotEmpty();
	}

	@Test
	void matchesNothingForAQueryWithoutLetters() {
		assertThat(names("%_%")).isEmpty();
	}

	private long place(String name, Integer population) {
		long id = this.jdbc.sql("INSERT INTO municipalities (name, country_code, kind, population) VALUES (?, 'BE', 'TOWN', ?)"
				+ " RETURNING id")
			.params(name, population)
			.query(Long.class)
			.single();
		this.keys.refresh(id);
		return id;
	}

	private ResultPage<MunicipalitySummary> directory(DirectoryParams params) {
		return this.search.page(params);
	}

	private static DirectoryParams params(String q, List<String> country, List<String> group, String min, String max,
			List<String> kind, List<String> offers, List<String> seeks, String seeking) {
		return new DirectoryParams(q, country, group, min, max, kind, offers, seeks, seeking, null, null, "100");
	}

	private List<String> names(String q) {
		return directory(DirectoryParams.query(q)).items().stream().map(MunicipalitySummary::name).toList();
	}

	private List<Long> ids(String q) {
		return directory(DirectoryParams.query(q)).items().stream().map(MunicipalitySummary::id).toList();
	}
}
