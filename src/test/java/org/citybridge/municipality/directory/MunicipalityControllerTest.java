package org.citybridge.municipality.directory;

import java.util.List;

import org.citybridge.system.SystemTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.citybridge.municipality.directory.Directory;
import org.citybridge.municipality.DirectoryOptions;
import org.citybridge.municipality.DirectoryQuery;
import org.citybridge.municipality.MunicipalityFixtures;
import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.system.ResultPage;
import org.citybridge.municipality.profile.MunicipalityProfiles;
import org.citybridge.municipality.records.MunicipalityUpkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

@WebMvcTest(MunicipalityController.class)
@Import({ SystemTestConfiguration.class, DirectoryPages.class })
class MunicipalityControllerTest {

	@Autowired
	MockMvcTester mvc;

	/** The header's unread-requests badge asks it on every page. */
	@MockitoBean
	org.citybridge.matchmaking.Requests requests;

	@MockitoBean
	MunicipalitySearch search;

	@MockitoBean
	MunicipalityProfiles profiles;

	@MockitoBean
	DirectoryOptions options;

	@MockitoBean
	LocationMaps maps;

	@MockitoBean
	MunicipalityUpkeep upkeep;

	@BeforeEach
	void options() {
		given(this.options.countryChecksHtml(any(), any())).willAnswer(call -> DirectoryOptions.checkboxesHtml("country",
				List.of(new DirectoryOptions.CountryOption("RS", "Serbia")), call.getArgument(1)));
		given(this.options.themeChecksHtml(any(), any(), any())).willAnswer(call -> DirectoryOptions
			.checkboxesHtml(call.getArgument(1), List.of(new DirectoryOptions.CountryOption("HEALTH", "Health")), java.util.Set.of()));
		given(this.search.query(any()))
			.willAnswer(call -> MunicipalityFixtures.directory(call.getArgument(0), MunicipalityFixtures.nis()).query());
		given(this.search.search(any())).willAnswer(call -> new ResultPage<>(List.of(MunicipalityFixtures.nis()), 1, 1,
				call.<DirectoryQuery>getArgument(0).size(), MunicipalitySearch.MAX_RESULTS));
	}

	@Test
	void listsResultsWithCountryNamesInTheVisitorsLanguage() {
		assertThat(this.mvc.get().uri("/municipalities?q=nis&lang=fr")).hasStatusOk()
			.bodyText()
			.contains("href=\"/municipalities/7\" translate=\"no\">Niš</a>")
			.contains("Ниш")
			.contains("Serbie")
			.contains("250\u202f000")
			.contains("Culture et patrimoine")
			.contains("1 à 1 sur 1 municipalité");
	}

	@Test
	void escapesHostileTextInTheQuery() {
		assertThat(this.mvc.get().uri("/municipalities").param("q", "<script>alert(1)</script>")).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;");
	}

	@Test
	void keepsSqlInTheQueryAsPlainText() {
		assertThat(this.mvc.get().uri("/municipalities").param("q", "x'; DROP TABLE municipalities; --"))
			.hasStatusOk()
			.bodyText()
			.contains("x&#39;; DROP TABLE municipalities; --");
	}

	@Test
	void treatsAMalformedPageNumberAndAHugeSizeAsTheDefaults() {
		assertThat(this.mvc.get().uri("/municipalities?page=abc&size=100000")).hasStatusOk();
		assertThat(this.mvc.get().uri("/municipalities?page=-1&size=-5")).hasStatusOk();
	}

	@Test
	void explainsAPopulationThatIsNotANumberAndKeepsTheOtherFilters() {
		assertThat(this.mvc.get().uri("/municipalities?population_min=abc&country=RS")).hasStatusOk()
			.bodyText()
			.contains("The smallest population “<bdi lang=\"\">abc</bdi>” is not a whole number.")
			.contains("<label><input type=\"checkbox\" name=\"country\" value=\"RS\" checked>Serbia</label>");
	}

	@Test
	void explainsAnUnknownCountryCodeWithoutEchoingMarkup() {
		assertThat(this.mvc.get().uri("/municipalities").param("country", "ZZ").param("kind", "<b>x</b>"))
			.hasStatusOk()
			.bodyText()
			.contains("“<bdi lang=\"\">ZZ</bdi>” is not a country code we know.")
			.contains("&lt;b&gt;x&lt;/b&gt;")
			.doesNotContain("<b>x</b>");
	}

	@Test
	void cutsAVeryLongQueryAndSaysSo() {
		assertThat(this.mvc.get().uri("/municipalities").param("q", "a".repeat(10_000))).hasStatusOk()
			.bodyText()
			.contains("The name was cut to its first 200 characters.")
			.doesNotContain("a".repeat(201));
	}

	@Test
	void keepsEveryFilterInThePagerAndClearLinks() {
		assertThat(this.mvc.get().uri("/municipalities?q=nis&country=RS&seeking=1&lang=en")).hasStatusOk()
			.bodyText()
			.contains("Clear filters")
			.contains("href=\"/municipalities?q=nis\"");
	}

	@Test
	void pagesThroughManyResultsKeepingTheFilters() {
		org.mockito.BDDMockito
			.willAnswer(call -> DirectoryQuery.of(call.getArgument(0), java.util.Set.of("RS"), java.util.Set.of()))
			.given(this.search)
			.query(any());
		org.mockito.BDDMockito
			.willReturn(new ResultPage<>(java.util.List.of(MunicipalityFixtures.nis()), 95, 2, 20,
					MunicipalitySearch.MAX_RESULTS))
			.given(this.search)
			.search(any());
		assertThat(this.mvc.get().uri("/municipalities?q=nis&country=RS&page=2&lang=en")).hasStatusOk()
			.bodyText()
			.contains("Page 2 of 5")
			.contains("rel=\"prev\" href=\"/municipalities?q=nis&amp;country=RS&amp;sort=relevance\"")
			.containsPattern("rel=\"next\" href=\"/municipalities\\?q=nis&amp;country=RS[^\"]*page=3");
	}

	@Test
	void showsAnUnknownPopulationAsUnknown() {
		given(this.profiles.profile(9)).willReturn(MunicipalityFixtures.choibalsanProfile());
		assertThat(this.mvc.get().uri("/municipalities/9")).hasStatusOk()
			.bodyText()
			.contains("Choibalsan")
			.contains("Чойбалсан")
			.contains("<dd>unknown</dd>")
			.contains("Regional centre");
	}

	@Test
	void drawsTheLocationMapWithATextAlternativeAndItsAttribution() {
		given(this.profiles.profile(9)).willReturn(MunicipalityFixtures.choibalsanProfile());
		given(this.maps.of(any())).willReturn(new LocationMaps.LocationMap("<path class=\"home\" d=\"M0 0L9 9L0 9Z\"/>",
				240, 150, "MN"));
		assertThat(this.mvc.get().uri("/municipalities/9?lang=en")).hasStatusOk()
			.bodyText()
			.contains("aria-label=\"Map: Choibalsan in Mongolia, marked with a red dot.\"")
			.contains("<path class=\"home\"")
			.contains("Natural Earth, public domain");
	}

	@Test
	void acceptsAReadableSlugAfterTheId() {
		given(this.profiles.profile(9)).willReturn(MunicipalityFixtures.choibalsanProfile());
		assertThat(this.mvc.get().uri("/municipalities/9-choibalsan")).hasStatusOk();
	}

	@Test
	void answers404ForAnUnknownMunicipality() {
		given(this.profiles.profile(404404)).willThrow(new MunicipalityNotFound("404404"));
		assertThat(this.mvc.get().uri("/municipalities/404404")).hasStatus(404);
	}

	@Test
	void answers404ForANonNumericId() {
		assertThat(this.mvc.get().uri("/municipalities/abc")).hasStatus(404);
		assertThat(this.mvc.get().uri("/municipalities/-3")).hasStatus(404);
		assertThat(this.mvc.get().uri("/municipalities/99999999999999999999")).hasStatus(404);
	}
}
