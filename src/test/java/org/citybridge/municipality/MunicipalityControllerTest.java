package org.citybridge.municipality;

import java.util.List;

import org.citybridge.system.SystemTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

@WebMvcTest(MunicipalityController.class)
@Import(SystemTestConfiguration.class)
class MunicipalityControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	MunicipalitySearch search;

	@MockitoBean
	MunicipalityProfiles profiles;

	@Test
	void listsResultsWithCountryNamesInTheVisitorsLanguage() {
		given(this.search.search("nis", 1)).willReturn(new MunicipalityPage(List.of(MunicipalityFixtures.nis()), 1, 1, 20));
		assertThat(this.mvc.get().uri("/municipalities?q=nis&lang=fr")).hasStatusOk()
			.bodyText()
			.contains("href=\"/municipalities/7\">Niš</a>")
			.contains("Ниш")
			.contains("Serbie")
			.contains("250\u202f000")
			.contains("Municipalités 1 à 1 sur 1");
	}

	@Test
	void escapesHostileTextInTheQuery() {
		given(this.search.search(anyString(), anyInt())).willReturn(new MunicipalityPage(List.of(), 0, 1, 20));
		assertThat(this.mvc.get().uri("/municipalities").param("q", "<script>alert(1)</script>")).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;");
	}

	@Test
	void treatsAMalformedPageNumberAsTheFirstPage() {
		given(this.search.search(any(), anyInt())).willReturn(new MunicipalityPage(List.of(), 0, 1, 20));
		assertThat(this.mvc.get().uri("/municipalities?page=abc")).hasStatusOk();
		then(this.search).should().search(null, 1);
	}

	@Test
	void showsAnUnknownPopulationAsUnknown() {
		given(this.search.profile(9)).willReturn(MunicipalityFixtures.choibalsanProfile());
		assertThat(this.mvc.get().uri("/municipalities/9")).hasStatusOk()
			.bodyText()
			.contains("Choibalsan")
			.contains("Чойбалсан")
			.contains("<dd>unknown</dd>")
			.contains("Regional centre");
	}

	@Test
	void answers404ForAnUnknownMunicipality() {
		given(this.search.profile(404404)).willThrow(new MunicipalityNotFound("404404"));
		assertThat(this.mvc.get().uri("/municipalities/404404")).hasStatus(404);
	}

	@Test
	void answers404ForANonNumericId() {
		assertThat(this.mvc.get().uri("/municipalities/abc")).hasStatus(404);
		assertThat(this.mvc.get().uri("/municipalities/-3")).hasStatus(404);
	}
}
