package org.citybridge.municipality;

import org.citybridge.system.ResultPage;

import java.util.List;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, finding 7: {@code /municipalities?page=999999} made PostgreSQL build and skip the whole
 * directory (1–2 s a page with the full GeoNames file). Only the first 2,000 results are paged
 * through, the page past them is the last, and it says how to reach the rest; the rows of a deep
 * page are the ones the plain order gives.
 */
@IntegrationTest
class DirectoryPagingIT {

	private static final int PLACES = 2100;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MunicipalitySearch search;

	@Autowired
	WebApplicationContext context;

	MockMvcTester mvc;

	@BeforeEach
	void places() {
		this.mvc = AccountTestSupport.mockMvc(this.context);
		// Tuvalu, which no other test fills: 2,100 places, some sharing a population, some without one.
		this.jdbc.sql("""
				INSERT INTO municipalities (name, country_code, kind, population)
				SELECT 'Paging test ' || n, 'TV', 'TOWN', CASE WHEN n % 7 = 0 THEN NULL ELSE (n % 300) * 10 + 10 END
				FROM generate_series(1, ?) AS n
				""").param(PLACES).update();
	}

	@AfterEach
	void removePlaces() {
		this.jdbc.sql("DELETE FROM municipalities WHERE country_code = 'TV' AND geonames_id IS NULL").update();
	}

	@Test
	void aPageBeyondTheFirst2000ResultsIsTheLastOneAndHoldsTheRowsThePlainOrderGives() {
		ResultPage<MunicipalitySummary> deepest = this.search.page(params("999999"));
		assertThat(deepest.total()).isEqualTo(PLACES);
		assertThat(deepest.page()).isEqualTo(100);
		assertThat(deepest.capped()).isTrue();
		assertThat(deepest.hasNext()).isFalse();
		List<Long> expected = this.jdbc.sql("""
				SELECT id FROM municipalities WHERE country_code = 'TV'
				ORDER BY population DESC NULLS LAST, id LIMIT 20 OFFSET 1980
				""").query(Long.class).list();
		assertThat(deepest.items()).extracting(MunicipalitySummary::id).containsExactlyElementsOf(expected);
		assertThat(this.search.page(params("57")).items()).extracting(MunicipalitySummary::id)
			.containsExactlyElementsOf(this.jdbc.sql("""
					SELECT id FROM municipalities WHERE country_code = 'TV'
					ORDER BY population DESC NULLS LAST, id LIMIT 20 OFFSET 1120
					""").query(Long.class).list());
	}

	@Test
	void theLastPageSaysHowToReachTheRestInEachLanguage() {
		assertThat(this.mvc.get().uri("/municipalities?country=TV&page=999999&lang=en")).hasStatusOk().bodyText()
			.contains("Showing 1,981–2,000 of 2,100 municipalities")
			.contains("Only the first 2,000 of 2,100 results can be paged through.")
			.contains("Page 100 of 100").doesNotContain("rel=\"next\"");
		assertThat(this.mvc.get().uri("/municipalities?country=TV&lang=en")).hasStatusOk().bodyText()
			.doesNotContain("Only the first").contains("rel=\"next\"");
		assertThat(this.mvc.get().uri("/municipalities?country=TV&page=100&lang=fr")).hasStatusOk().bodyText()
			.contains("Seuls les 2\u202f000 premiers résultats sur 2\u202f100");
		assertThat(this.mvc.get().uri("/municipalities?country=TV&page=100&lang=mn")).hasStatusOk().bodyText()
			.contains("байгаа ч зөвхөн эхний");
	}

	private static DirectoryParams params(String page) {
		return new DirectoryParams(null, List.of("TV"), null, null, null, null, null, null, null, null, page, null);
	}
}
