package org.citybridge.municipality.profile;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A municipality's working languages are named, not coded: "russian", "Russian", "орос" and
 * "russe" all mean Russian, the profile stores its code, and the form shows the names in the
 * page's language; a name of no language, or of several, comes back next to the field as typed.
 */
class WorkingLanguagesIT extends DemoDataIntegrationTest {

	long darkhan;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
	}

	long version() {
		return this.jdbc.sql("SELECT version FROM municipalities WHERE id = ?").param(this.darkhan).query(Long.class).single();
	}

	List<String> languages() {
		return List.of(this.jdbc.sql("SELECT array_to_string(working_languages, ',') FROM municipalities WHERE id = ?")
			.param(this.darkhan).query(String.class).single().split(","));
	}

	@Test
	void languagesTypedByNameInAnyOfThePortalsLanguagesAreStoredAsCodes() {
		for (String russian : List.of("russian", "Russian", "орос", "russe", "ru")) {
			assertThat(this.mvc.post().uri("/municipalities/" + this.darkhan + "/edit").with(csrf())
				.with(as(AccountTestSupport.OFFICER_DARKHAN)).param("version", String.valueOf(version()))
				.param("workingLanguages", "Mongolian", russian, "")).as(russian).hasStatus3xxRedirection();
			assertThat(languages()).as(russian).containsExactly("mn", "ru");
		}
		assertThat(this.mvc.get().uri("/municipalities/" + this.darkhan + "/edit").with(as(AccountTestSupport.OFFICER_DARKHAN))
			.cookie(new Cookie("citybridge-lang", "fr"))).hasStatusOk().bodyText()
			.contains("value=\"mongol\"").contains("value=\"russe\"").contains("list=\"language-names\"")
			.contains("<option value=\"russe\">");
	}

	@Test
	void aNameOfNoLanguageComesBackAsTypedWithAMessageAndNothingIsSaved() {
		long before = version();
		var result = this.mvc.post().uri("/municipalities/" + this.darkhan + "/edit").with(csrf())
			.with(as(AccountTestSupport.OFFICER_DARKHAN)).cookie(new Cookie("citybridge-lang", "mn"))
			.param("version", String.valueOf(before)).param("website", "https://kept.example")
			.param("workingLanguages", "монгол", "Klingonish").exchange();
		assertThat(result).hasStatusOk().bodyText().contains("id=\"workingLanguages-error\"")
			.contains("«Klingonish» нэртэй хэл алга.").contains("value=\"Klingonish\"").contains("value=\"монгол\"")
			.contains("value=\"https://kept.example\"");
		assertThat(version()).isEqualTo(before);
	}
}
