package org.citybridge.portal;

import jakarta.servlet.http.Cookie;

import org.citybridge.funding.FundingDeadlines;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.system.SystemTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The layout and language switching, as the home page shows them. */
@WebMvcTest({ HomeController.class, PageController.class })
@Import({ SystemTestConfiguration.class, HomePage.class })
class HomeControllerTest {

	@Autowired
	MockMvcTester mvc;

	/** The header's unread-requests badge asks it on every page. */
	@MockitoBean
	org.citybridge.matchmaking.Requests requests;

	@MockitoBean
	MunicipalitySearch municipalities;

	@MockitoBean
	BarrierReports barrierReports;

	@MockitoBean
	FundingDeadlines deadlines;

	/** No world load running: the home page as after it, or without demo data (its own test: WorldLoadIT). */
	@MockitoBean
	org.citybridge.portal.world.WorldLoadProgress world;

	@BeforeEach
	void counts() {
		given(this.municipalities.count()).willReturn(1234L);
		given(this.municipalities.countCountries()).willReturn(12L);
	}

	@Test
	void showsTheHomePageInEnglishByDefault() {
		MvcTestResult result = this.mvc.get().uri("/").exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("<html lang=\"en\">")
			.contains("Find a partner city abroad")
			.contains("Institutional partnerships", "EU funding and technical assistance",
					"Regional and global networks", "Local capacity for international engagement")
			.contains("1,234")
			.contains("action=\"/municipalities\"")
			.contains("Skip to main content")
			.contains("Place data ©");
	}

	@Test
	void switchesToMongolianWithTheLangParameterAndRemembersIt() {
		MvcTestResult result = this.mvc.get().uri("/?lang=mn").exchange();
		assertThat(result).bodyText().contains("<html lang=\"mn\">").contains("Гадаадад түнш хот олох");
		assertThat(result).cookies().containsCookie("citybridge-lang");
		Cookie remembered = result.getResponse().getCookie("citybridge-lang");

		MvcTestResult next = this.mvc.get().uri("/accessibility").cookie(remembered).exchange();
		assertThat(next).bodyText().contains("<html lang=\"mn\">").contains("Хүртээмжийн мэдэгдэл");
	}

	@Test
	void followsTheBrowserLanguageWhenNoneWasChosen() {
		assertThat(this.mvc.get().uri("/").header("Accept-Language", "fr-BE,fr;q=0.9,en;q=0.5"))
			.bodyText()
			.contains("<html lang=\"fr\">")
			.contains("Trouver une ville partenaire à l’étranger");
	}

	@Test
	void fallsBackToEnglishForALanguageThePortalDoesNotSpeak() {
		assertThat(this.mvc.get().uri("/").header("Accept-Language", "de-DE,de;q=0.9")).bodyText()
			.contains("<html lang=\"en\">");
		MvcTestResult unsupported = this.mvc.get().uri("/?lang=xx").exchange();
		assertThat(unsupported).hasStatusOk();
		assertThat(unsupported).bodyText().contains("<html lang=\"en\">");
	}

	@Test
	void theLanguageSwitcherKeepsThePageAndMarksTheCurrentLanguage() {
		assertThat(this.mvc.get().uri("/privacy?lang=fr")).bodyText()
			.contains("href=\"/privacy?lang=mn\" lang=\"mn\" hreflang=\"mn\">Монгол</a>")
			.contains("href=\"/privacy?lang=en\" lang=\"en\" hreflang=\"en\">English</a>")
			.contains("href=\"/privacy?lang=fr\" lang=\"fr\" hreflang=\"fr\" aria-current=\"true\">Français</a>");
	}

	@Test
	void aBarrierReportWithErrorsComesBackWithTheValuesAndAMessageNextToEachField() {
		MvcTestResult result = this.mvc.post()
			.uri("/accessibility")
			.with(csrf())
			.param("description", "short")
			.param("page", "/municipalities")
			.param("email", "not-an-email")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("<title>Error: Accessibility statement</title>")
			.contains(">short</textarea>")
			.contains("value=\"/municipalities\"")
			.contains("value=\"not-an-email\"")
			.contains("id=\"description-error\"", "Write between 10 and 5,000 characters.")
			.contains("id=\"email-error\"", "Enter an email address such as name@example.org")
			.contains("aria-describedby=\"description-hint description-error\"")
			.contains("aria-invalid=\"true\"");
		then(this.barrierReports).shouldHaveNoInteractions();
	}

	@Test
	void aValidBarrierReportIsKeptAndThanked() {
		given(this.barrierReports.report(any(), any(), any())).willReturn(true);
		MvcTestResult result = this.mvc.post()
			.uri("/accessibility")
			.with(csrf())
			.param("description", "The directory table is hard to read with my screen reader.")
			.exchange();
		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/accessibility#report");
		assertThat(result).flash().containsEntry("reportFlash", "accessibility.report.thanks");
		then(this.barrierReports).should().report(any(), any(), any());
	}

	@Test
	void aReportOverTheHourlyLimitComesBackWithItsTextAndAMessageNextToIt() {
		given(this.barrierReports.report(any(), any(), any())).willReturn(false);
		MvcTestResult result = this.mvc.post()
			.uri("/accessibility")
			.with(csrf())
			.param("description", "The eleventh report of the hour from this connection.")
			.exchange();
		assertThat(result).hasStatusOk().bodyText()
			.contains("The eleventh report of the hour from this connection.")
			.contains("id=\"description-error\"", "Ten reports have been sent from your connection in the last hour");
	}

	@Test
	void aBarrierReportWithoutCsrfTokenIsRefused() {
		assertThat(this.mvc.post().uri("/accessibility").param("description", "Forged from another site."))
			.hasStatus(403);
		then(this.barrierReports).shouldHaveNoInteractions();
	}

	@Test
	void showsTheDemoNoticeOnlyInDemoMode() {
		assertThat(this.mvc.get().uri("/")).bodyText().doesNotContain("demo-banner");
	}
}
