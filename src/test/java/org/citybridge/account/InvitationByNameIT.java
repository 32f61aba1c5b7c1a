package org.citybridge.account;

import java.math.BigDecimal;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.municipality.NewMunicipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.NIS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Inviting an officer names the municipality as a person names it: one of that name is the one
 * meant, several or none come back with a message and candidates; the mail says who invites and
 * for which municipality, in the language of the page it was sent from.
 */
class InvitationByNameIT extends DemoDataIntegrationTest {

	@Autowired
	MunicipalityRecords records;

	/** A made-up word per test, so that its addresses and places meet no other test's. */
	String tag;

	@BeforeEach
	void tag() {
		this.tag = AccountTestSupport.tag();
	}

	MvcTestResult invite(String inviter, String language, String email, String municipality, Long chosen) {
		var request = this.mvc.post().uri("/account/invitations").with(csrf()).with(as(inviter))
			.header("Accept-Language", language).param("email", email).param("displayName", "Invitee " + this.tag)
			.param("role", "OFFICER").param("municipality", municipality);
		if (chosen != null) {
			request.param("municipalityId", String.valueOf(chosen));
		}
		return request.exchange();
	}

	long accounts(String email) {
		return this.jdbc.sql("SELECT count(*) FROM accounts WHERE email = ?").param(email).query(Long.class).single();
	}

	String[] mail(String email) {
		return this.jdbc.sql("SELECT subject, body FROM outbox_messages WHERE recipient = ? ORDER BY id DESC LIMIT 1")
			.param(email)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
	}

	@Test
	void staffInviteAnOfficerOfAMunicipalityByItsNameAndTheMailSaysWhoInvitesAndForWhichMunicipality() {
		String email = "officer-" + this.tag + "@nis.example";
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		assertThat(invite(AccountTestSupport.STAFF_NALAS, "en", email, "Niš", null)).hasStatusOk().bodyText()
			.contains("Invitee " + this.tag + " is invited as an officer of Niš (Serbia).", "id=\"invitation-link\"");
		assertThat(this.jdbc.sql("SELECT municipality_id FROM accounts WHERE email = ?").param(email).query(Long.class).single())
			.isEqualTo(nis);
		String[] mail = mail(email);
		assertThat(mail[0]).isEqualTo("Your invitation to CityBridge for Niš");
		assertThat(mail[1]).contains("Hello Invitee " + this.tag)
			.contains(AccountTestSupport.STAFF_NALAS, "from Network of Associations of Local Authorities of South-East Europe (NALAS)")
			.contains("invites you to CityBridge as an officer of Niš (Serbia).")
			.containsPattern("http://localhost(:\\d+)?/invitations/\\S+");
	}

	@Test
	void theMailIsInTheLanguageOfThePageAndNamesTheCountryInItAndAnyScriptFindsTheMunicipality() {
		String email = "officer-mn-" + this.tag + "@nis.example";
		assertThat(invite(AccountTestSupport.STAFF_NALAS, "mn", email, "Ниш", null)).hasStatusOk().bodyText()
			.contains("id=\"invitation-link\"");
		String[] mail = mail(email);
		assertThat(mail[0]).isEqualTo("CityBridge-д урих урилга: Niš");
		assertThat(mail[1]).contains("Сайн байна уу", "Niš (Серби) засаг захиргааны нэгжийн албан хаагчаар", "NALAS");
	}

	/**
	 * Issue 20: the inviter chooses the invitation's language (the page's by default), and it becomes
	 * the account's; a password reset asked for from a page in another language is mailed in the
	 * account's.
	 */
	@Test
	void theInviterChoosesTheInvitationsLanguageAndResetsFollowTheAccountsLanguage() throws InterruptedException {
		assertThat(this.mvc.get().uri("/account/invitations?lang=fr").with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk()
			.bodyText().containsPattern("<option value=\"fr\"[^>]*selected");
		String email = "officer-chosen-" + this.tag + "@nis.example";
		assertThat(this.mvc.post().uri("/account/invitations").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.header("Accept-Language", "en").param("email", email).param("displayName", "Invitee " + this.tag)
			.param("role", "OFFICER").param("municipality", "Niš").param("language", "mn")).hasStatusOk().bodyText()
			.contains("id=\"invitation-link\"");
		assertThat(mail(email)[0]).isEqualTo("CityBridge-д урих урилга: Niš");
		assertThat(this.jdbc.sql("SELECT language FROM accounts WHERE email = ?").param(email).query(String.class).single())
			.isEqualTo("mn");
		// a language the portal does not speak comes back next to its field, nothing created
		String other = "officer-xx-" + this.tag + "@nis.example";
		assertThat(this.mvc.post().uri("/account/invitations").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.header("Accept-Language", "en").param("email", other).param("displayName", "Invitee " + this.tag)
			.param("role", "OFFICER").param("municipality", "Niš").param("language", "xx")).hasStatusOk().bodyText()
			.contains("id=\"language-error\"", "Choose English, Mongolian or French.");
		assertThat(accounts(other)).isZero();

		// a password reset asked for on an English page, for an account that reads Mongolian
		String before = this.jdbc.sql("SELECT language FROM accounts WHERE email = ?").param(AccountTestSupport.OFFICER_GHENT)
			.query(String.class).single();
		this.jdbc.sql("UPDATE accounts SET language = 'mn' WHERE email = ?").param(AccountTestSupport.OFFICER_GHENT).update();
		try {
			long mails = this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ?").param(AccountTestSupport.OFFICER_GHENT)
				.query(Long.class).single();
			assertThat(this.mvc.post().uri("/password-reset?lang=en").with(csrf()).header("Accept-Language", "en")
				.param("email", AccountTestSupport.OFFICER_GHENT)).hasStatus3xxRedirection();
			// the link is mailed in the background
			long deadline = System.currentTimeMillis() + 10_000;
			while (this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ?").param(AccountTestSupport.OFFICER_GHENT)
				.query(Long.class).single() == mails && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			String[] reset = mail(AccountTestSupport.OFFICER_GHENT);
			assertThat(reset[0] + reset[1]).containsPattern("[А-Яа-яӨөҮү]{4}").contains("/password-reset/");
			assertThat(reset[0]).isNotEqualTo(this.context.getBean(org.springframework.context.MessageSource.class)
				.getMessage("account.mail.reset.subject", null, java.util.Locale.ENGLISH));
		}
		finally {
			this.jdbc.sql("UPDATE accounts SET language = ? WHERE email = ?").params(before, AccountTestSupport.OFFICER_GHENT).update();
		}
	}

	@Test
	void anUnknownNameComesBackWithAMessageNextToTheFieldAndTheValuesKept() {
		String email = "nobody-" + this.tag + "@example.org";
		assertThat(invite(AccountTestSupport.STAFF_NALAS, "en", email, "Atlantis" + this.tag, null)).hasStatusOk().bodyText()
			.contains("id=\"municipality-error\"", "No municipality in the directory is called <bdi lang=\"\">Atlantis" + this.tag + "</bdi>",
					"value=\"" + email + "\"", "value=\"Atlantis" + this.tag + "\"")
			.doesNotContain("id=\"invitation-link\"");
		assertThat(invite(AccountTestSupport.STAFF_NALAS, "en", email, " ", null)).hasStatusOk().bodyText()
			.contains("id=\"municipality-error\"", "An officer needs a municipality: type its name.");
		assertThat(accounts(email)).isZero();
	}

	@Test
	void aNameThatSeveralMunicipalitiesShareComesBackWithThemToChooseFromAndTheChoiceIsInvited() throws Exception {
		long first = place("Dvojnik" + this.tag, 44.0, 20.0);
		long second = place("Dvojnik" + this.tag, 45.0, 19.0);
		String email = "twin-" + this.tag + "@example.org";
		String page = invite(AccountTestSupport.ADMIN, "en", email, "Dvojnik" + this.tag, null).getResponse()
			.getContentAsString();
		assertThat(page).contains("Several municipalities are called <bdi lang=\"\">Dvojnik" + this.tag + "</bdi>", "Which municipality do you mean?",
				"name=\"municipalityId\" value=\"" + first + "\"", "name=\"municipalityId\" value=\"" + second + "\"");
		assertThat(accounts(email)).isZero();

		assertThat(invite(AccountTestSupport.ADMIN, "en", email, "Dvojnik" + this.tag, second)).hasStatusOk().bodyText()
			.contains("id=\"invitation-link\"");
		assertThat(this.jdbc.sql("SELECT municipality_id FROM accounts WHERE email = ?").param(email).query(Long.class).single())
			.isEqualTo(second);
		// a choice that is not one of the name's candidates is not taken
		String other = "twin-other-" + this.tag + "@example.org";
		assertThat(invite(AccountTestSupport.ADMIN, "en", other, "Dvojnik" + this.tag,
				AccountTestSupport.municipalityId(this.context, NIS))).hasStatusOk().bodyText()
			.contains("Several municipalities are called <bdi lang=\"\">Dvojnik" + this.tag + "</bdi>");
		assertThat(accounts(other)).isZero();
	}

	@Test
	void aPartOfANameComesBackWithTheSimilarNamesToChooseFrom() {
		place("Zlatograd" + this.tag, 41.38, 25.1);
		assertThat(invite(AccountTestSupport.ADMIN, "en", "similar-" + this.tag + "@example.org", "Zlatogr" + this.tag, null))
			.hasStatusOk().bodyText().contains("No municipality is called exactly <bdi lang=\"\">Zlatogr" + this.tag + "</bdi>")
			.doesNotContain("id=\"invitation-link\"");
	}

	@Test
	void staffMayInviteOfficersOfTheirMembersOnlyAndOfficersInviteNoOne() {
		String email = "outsider-" + this.tag + "@example.org";
		// Darkhan is no member of CEMR
		assertThat(invite(AccountTestSupport.STAFF_CEMR, "en", email, "Darkhan", null)).hasStatusOk().bodyText()
			.contains("id=\"municipality-error\"", "You may not invite this person in this role.");
		assertThat(invite(AccountTestSupport.OFFICER_DARKHAN, "en", email, "Darkhan", null)).hasStatus(403);
		assertThat(this.mvc.post().uri("/account/invitations").with(csrf()).param("email", email).param("displayName", "X")
			.param("role", "OFFICER").param("municipality", "Darkhan")).hasStatus3xxRedirection();
		assertThat(accounts(email)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM outbox_messages WHERE recipient = ?").param(email).query(Long.class).single())
			.isZero();
	}

	long place(String name, double lat, double lng) {
		return this.records.add(new NewMunicipality(name, null, null, "RS", MunicipalityKind.TOWN, 5_000,
				BigDecimal.valueOf(lat), BigDecimal.valueOf(lng)));
	}


	@Test
	void anAdministratorMovesAnOfficerToAnotherMunicipalityByItsNameAndANameOfNoneChangesNothing() {
		String email = "moved-" + this.tag + "@darkhan.example";
		long darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
		long nis = AccountTestSupport.municipalityId(this.context, NIS);
		long id = this.jdbc.sql("INSERT INTO accounts (email, display_name, role, municipality_id) VALUES (?, 'Moved', 'OFFICER', ?) RETURNING id")
			.params(email, darkhan).query(Long.class).single();
		// The list shows the officer's municipality by its name, in a field to change it.
		assertThat(this.mvc.get().uri("/admin/accounts?q=" + email).with(as(AccountTestSupport.ADMIN))).hasStatusOk().bodyText()
			.contains("name=\"municipality\" type=\"text\"", "value=\"Darkhan\"").doesNotContain("name=\"municipalityId\"");

		assertThat(this.mvc.post().uri("/admin/accounts/" + id + "/role").with(csrf()).with(as(AccountTestSupport.ADMIN))
			.param("role", "OFFICER").param("municipality", "Nowhere " + this.tag)).hasStatus3xxRedirection()
			.flash().containsEntry("flashError", "account.admin.municipality.unknown");
		assertThat(municipalityOf(id)).isEqualTo(darkhan);

		assertThat(this.mvc.post().uri("/admin/accounts/" + id + "/role").with(csrf()).with(as(AccountTestSupport.ADMIN))
			.param("role", "OFFICER").param("municipality", "Ниш")).hasStatus3xxRedirection()
			.flash().containsEntry("flash", "account.admin.roleChanged");
		assertThat(municipalityOf(id)).isEqualTo(nis);

		assertThat(this.mvc.post().uri("/admin/accounts/" + id + "/role").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("role", "OFFICER").param("municipality", "Darkhan")).hasStatus(403);
		assertThat(municipalityOf(id)).isEqualTo(nis);
	}

	private Long municipalityOf(long account) {
		return this.jdbc.sql("SELECT municipality_id FROM accounts WHERE id = ?").param(account).query(Long.class).single();
	}
}
