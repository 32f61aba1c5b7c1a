package org.citybridge.municipality.profile;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
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

	/** Darkhan's profile and themes as the demo data has them, put back after each test for the others. */
	Map<String, Object> profile;

	List<String> offered;

	List<String> sought;

	@BeforeEach
	void setUp() {
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		this.profile = this.jdbc.sql("""
				SELECT website, working_languages, seeking_partners, contact_name, contact_email, contact_public
				FROM municipalities WHERE id = ?
				""").param(this.darkhan).query().singleRow();
		this.offered = themes("municipality_offered_themes");
		this.sought = themes("municipality_sought_themes");
	}

	List<String> themes(String table) {
		return this.jdbc.sql("SELECT theme_code FROM " + table + " WHERE municipality_id = ?").param(this.darkhan)
			.query(String.class).list();
	}

	@AfterEach
	void putBack() {
		this.jdbc.sql("""
				UPDATE municipalities SET website = ?, working_languages = ?, seeking_partners = ?, contact_name = ?,
				       contact_email = ?, contact_public = ?
				WHERE id = ?
				""").params(this.profile.get("website"), this.profile.get("working_languages"),
				this.profile.get("seeking_partners"), this.profile.get("contact_name"), this.profile.get("contact_email"),
				this.profile.get("contact_public"), this.darkhan).update();
		for (String table : List.of("municipality_offered_themes", "municipality_sought_themes")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE municipality_id = ?").param(this.darkhan).update();
			for (String theme : table.contains("offered") ? this.offered : this.sought) {
				this.jdbc.sql("INSERT INTO " + table + " (municipality_id, theme_code) VALUES (?, ?)")
					.params(this.darkhan, theme).update();
			}
		}
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
			.contains("«<bdi lang=\"\">Klingonish</bdi>» нэртэй хэл алга.").contains("value=\"Klingonish\"").contains("value=\"монгол\"")
			.contains("value=\"https://kept.example\"");
		assertThat(version()).isEqualTo(before);
	}

	@Test
	void aChangedProfileIsAnnouncedToItsFollowersOnceButNotToWhoChangedItNorWhenRefused() {
		long follower = org.citybridge.notice.NoticesHeld.delegate(this.jdbc);
		org.citybridge.notice.NoticesHeld.follow(this.jdbc, follower, org.citybridge.notice.Followable.MUNICIPALITY,
				this.darkhan);
		long officer = org.citybridge.notice.NoticesHeld.accountId(this.jdbc, AccountTestSupport.OFFICER_DARKHAN);
		org.citybridge.notice.NoticesHeld.follow(this.jdbc, officer, org.citybridge.notice.Followable.MUNICIPALITY,
				this.darkhan);
		String link = "/municipalities/" + this.darkhan;
		long stale = version();
		assertThat(this.mvc.post().uri(link + "/edit").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("version", String.valueOf(stale)).param("website", "https://changed.example")
			.param("workingLanguages", "mn")).hasStatus3xxRedirection();
		assertThat(org.citybridge.notice.NoticesHeld.of(this.jdbc, follower))
			.containsExactly("FOLLOWED_CHANGED|Darkhan|" + link);
		assertThat(org.citybridge.notice.NoticesHeld.of(this.jdbc, officer)).noneMatch(n -> n.startsWith("FOLLOWED_CHANGED"));
		// A stale form is refused: nothing changed, nothing announced.
		this.mvc.post().uri(link + "/edit").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN))
			.param("version", String.valueOf(stale)).param("website", "https://stale.example").param("workingLanguages", "mn")
			.exchange();
		assertThat(org.citybridge.notice.NoticesHeld.of(this.jdbc, follower)).hasSize(1);
		this.jdbc.sql("DELETE FROM follows WHERE account_id = ?").param(officer).update();
	}
}
