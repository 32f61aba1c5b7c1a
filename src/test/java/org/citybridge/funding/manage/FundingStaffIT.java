package org.citybridge.funding.manage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.citybridge.funding.FundingDemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Staff maintain instruments and calls; officers and visitors may not; bad data comes back as messages. */
class FundingStaffIT extends DemoDataIntegrationTest {

	@Autowired
	AuditLog audit;

	@Autowired
	FundingEditor editor;

	String slug;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.slug = "fixture-" + UUID.randomUUID().toString().substring(0, 8);
	}

	MockMvcRequestBuilder instrument(String uri, String email, String slug) {
		return instrument(uri, email, slug, "Testing the forms.");
	}

	MockMvcRequestBuilder instrument(String uri, String email, String slug, String purpose) {
		return this.mvc.post().uri(uri).with(csrf()).with(as(email)).param("name", "Fixture fund " + slug)
			.param("shortName", slug.toUpperCase()).param("slug", slug).param("purpose", purpose)
			.param("officialUrl", "https://example.org/fund").param("themes", "HEALTH", "WASTE")
			.param("leadGroups", "EU_MEMBER").param("partnerGroups", "PARTNER", "CANDIDATE").param("leadAlso", "mn")
			.param("partnerNot", "RS").param("bodyKinds", "MUNICIPALITY").param("minPartners", "2")
			.param("conditions", "First condition\n\nSecond condition").param("example", "true").param("version", "0");
	}

	MockMvcRequestBuilder call(String uri, String email, String opens, String closes, String zone, String url) {
		return this.mvc.post().uri(uri).with(csrf()).with(as(email)).param("title", "Fixture call").param("opens", opens)
			.param("closes", closes).param("zone", zone).param("budget", "EUR 1").param("url", url).param("version", "0");
	}

	long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void officersAndVisitorsAreRefusedEveryStaffPageAndWrite() {
		for (String uri : new String[] { "/funding/new", "/funding/taiex/edit", "/funding/taiex/calls/new" }) {
			assertThat(this.mvc.get().uri(uri)).as(uri).hasStatus3xxRedirection().redirectedUrl().contains("/login");
			assertThat(this.mvc.get().uri(uri).with(as(AccountTestSupport.OFFICER_DARKHAN))).as(uri).hasStatus(403);
			assertThat(this.mvc.get().uri(uri).with(as(AccountTestSupport.STAFF_NALAS))).as(uri).hasStatusOk();
			assertThat(this.mvc.get().uri(uri).with(as(AccountTestSupport.ADMIN))).as(uri).hasStatusOk();
		}
		long before = count("funding_instruments");
		assertThat(instrument("/funding/new", AccountTestSupport.OFFICER_DARKHAN, this.slug)).hasStatus(403);
		assertThat(this.mvc.post().uri("/funding/new").with(csrf()).param("name", "x")).hasStatus3xxRedirection();
		assertThat(count("funding_instruments")).isEqualTo(before);
		// The service refuses too, whatever the URL rules say.
		Actor officer = new Actor(1L, Actor.Role.OFFICER, 1L, null);
		assertThatThrownBy(() -> this.editor.createInstrument(officer, "officer", InstrumentForm.empty()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.editor.createInstrument(Actor.ANONYMOUS, "anonymous", InstrumentForm.empty()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.editor.createCall(officer, "officer", "taiex", CallForm.empty()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void staffAddAnInstrumentWithItsRulesAndTheChangeIsAudited() {
		// The instruments are kept between requests (FundingCatalogue): the list read just before shows the new one at once.
		assertThat(this.mvc.get().uri("/funding").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.doesNotContain("Fixture fund " + this.slug);
		assertThat(instrument("/funding/new", AccountTestSupport.STAFF_NALAS, this.slug)).hasStatus3xxRedirection()
			.redirectedUrl().isEqualTo("/funding/" + this.slug);
		assertThat(this.mvc.get().uri("/funding").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("Fixture fund " + this.slug);
		assertThat(this.mvc.get().uri("/funding/" + this.slug)).hasStatusOk().bodyText()
			.contains("May lead: EU member states.", "Also may lead, as an exception: Mongolia.",
					"May not partner, as an exception: Serbia.", "Check: First condition", "Check: Second condition",
					"At least 2 bodies take part", "https://example.org/fund", "Example entry");
		long id = this.jdbc.sql("SELECT id FROM funding_instruments WHERE slug = ?").param(this.slug).query(Long.class).single();
		assertThat(this.audit.forEntity("funding_instrument", id)).singleElement().satisfies(e -> {
			assertThat(e.action()).isEqualTo(AuditLog.Action.CREATE);
			assertThat(e.actor()).isEqualTo(AccountTestSupport.STAFF_NALAS);
			assertThat(e.changes()).containsKeys("rules", "slug", "themes");
		});

		// Edit: a stale version is refused with a message and nothing changes.
		assertThat(instrument("/funding/" + this.slug + "/edit", AccountTestSupport.STAFF_CEMR, this.slug,
				"Changed purpose.")).hasStatus3xxRedirection();
		assertThat(this.audit.forEntity("funding_instrument", id)).hasSize(2);
		assertThat(instrument("/funding/" + this.slug + "/edit", AccountTestSupport.STAFF_CEMR, this.slug, "Lost edit.")).hasStatusOk().bodyText()
			.contains("Someone else changed this while you were editing it.");
		assertThat(this.jdbc.sql("SELECT purpose FROM funding_instruments WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Changed purpose.");
	}

	@Test
	void whatAnInstrumentFundsAndItsConditionsAreReadInTheReadersLanguageAndKeptByTheForm() {
		assertThat(instrument("/funding/new", AccountTestSupport.STAFF_NALAS, this.slug).param("funds", "Study visits")
			.param("fundsMn", "Туршлага судлах айлчлал").param("conditionsMn", "Нэгдүгээр нөхцөл\nХоёрдугаар нөхцөл")
			.param("conditionsFr", "\nDeuxième condition")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/funding/" + this.slug + "?lang=mn")).hasStatusOk().bodyText()
			.contains("Туршлага судлах айлчлал", "Нэгдүгээр нөхцөл", "Хоёрдугаар нөхцөл").doesNotContain("First condition");
		// French: the first condition is not translated and reads in English, the second in French.
		assertThat(this.mvc.get().uri("/funding/" + this.slug + "?lang=fr")).hasStatusOk().bodyText()
			.contains("First condition", "Deuxième condition").doesNotContain("Second condition");
		// The edit form gives the translations back, one a line beside their originals: saving it loses nothing.
		assertThat(this.mvc.get().uri("/funding/" + this.slug + "/edit").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatusOk().bodyText().contains("Туршлага судлах айлчлал", "Нэгдүгээр нөхцөл\nХоёрдугаар нөхцөл")
			// (the form's first line is empty: the textarea keeps it after the newline HTML drops)
			.contains("name=\"conditionsFr\">\n\nDeuxi&egrave;me condition");

		// A translation with more lines than there are conditions cannot be matched to them: a message, nothing saved.
		assertThat(instrument("/funding/" + this.slug + "/edit", AccountTestSupport.STAFF_NALAS, this.slug, "Changed.")
			.param("version", "1").param("conditionsMn", "Нэг\nХоёр\nГурав")).hasStatusOk().bodyText()
			.contains("in the same order as the 2 original conditions", "id=\"conditionsMn-error\"", "Нэг\nХоёр\nГурав");
		assertThat(this.jdbc.sql("SELECT purpose FROM funding_instruments WHERE slug = ?").param(this.slug)
			.query(String.class).single()).isEqualTo("Testing the forms.");
	}

	@Test
	void anInvalidInstrumentComesBackWithItsValuesAndAMessageNextToEachField() throws Exception {
		long before = count("funding_instruments");
		String body = this.mvc.post().uri("/funding/new").with(csrf()).with(as(AccountTestSupport.STAFF_NALAS))
			.param("name", " ").param("shortName", "Kept <b>short</b>").param("slug", "Not A Slug")
			.param("purpose", "Kept purpose").param("officialUrl", "javascript:alert(1)").param("leadAlso", "Mongolie", "12", "Congo")
			.param("minPartners", "abc").param("minCountries", "1000").param("version", "0").exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("Error: Add an instrument", "Enter the instrument’s name.",
				"Use lower-case letters, digits and single hyphens only.",
				"Enter a web address starting with http:// or https://.", "No country is called “<bdi lang=\"\">12</bdi>”.",
				"“<bdi lang=\"\">Congo</bdi>” can mean several countries: Congo - Brazzaville, Congo - Kinshasa.", "value=\"Mongolie\"",
				"Enter a whole number from 1 to 100.", "value=\"abc\"",
				"value=\"Kept &lt;b&gt;short&lt;/b&gt;\"", "Kept purpose", "id=\"slug-error\"", "aria-invalid=\"true\"");
		assertThat(count("funding_instruments")).isEqualTo(before);

		assertThat(instrument("/funding/new", AccountTestSupport.STAFF_NALAS, "finder")).hasStatusOk().bodyText()
			.contains("is used by another page");
		assertThat(instrument("/funding/new", AccountTestSupport.STAFF_NALAS, "taiex")).hasStatusOk().bodyText()
			.contains("Another instrument already has this address.");
		assertThat(instrument("/funding/new", AccountTestSupport.STAFF_NALAS, this.slug).param("leadAlso", "ZZ"))
			.hasStatusOk().bodyText().contains("No country is called “<bdi lang=\"\">ZZ</bdi>”.");
		assertThat(instrument("/funding/new", AccountTestSupport.STAFF_NALAS, this.slug).param("partnerAlso", "RS"))
			.hasStatusOk().bodyText().contains("Serbia cannot be both allowed and refused");
		assertThat(instrument("/funding/new", AccountTestSupport.STAFF_NALAS, this.slug).param("themes", "NOT_A_THEME"))
			.hasStatusOk().bodyText().contains("Choose themes from the list.");
		assertThat(count("funding_instruments")).isEqualTo(before);
	}

	@Test
	void staffAddAndEditCallsInTheirOwnZoneAndBadDatesOrLinksAreRefused() {
		String calls = "/funding/example-civic-grant/calls/new";
		long before = count("funding_calls");
		assertThat(call(calls, AccountTestSupport.STAFF_CEMR, "2026-05-10T09:00", "2026-05-01T17:00", "Europe/Brussels",
				"https://example.org")).hasStatusOk().bodyText().contains("The call must close after it opens.",
						"value=\"2026-05-10T09:00\"", "Fixture call");
		assertThat(call(calls, AccountTestSupport.STAFF_CEMR, "2026-05-01T09:00", "2026-05-10T17:00", "Mars/Olympus_Mons",
				"https://example.org")).hasStatusOk().bodyText().contains("This is not a time zone we know.",
						"value=\"Mars/Olympus_Mons\"");
		assertThat(call(calls, AccountTestSupport.STAFF_CEMR, "2026-05-01T09:00", "2026-05-10T17:00", "Europe/Brussels",
				"ftp://example.org")).hasStatusOk().bodyText().contains("Enter a web address starting with http://");
		assertThat(call(calls, AccountTestSupport.STAFF_CEMR, "yesterday", "", "", "")).hasStatusOk().bodyText()
			.contains("Enter a date and time such as 2026-05-01T17:00.", "value=\"yesterday\"", "Enter when the call closes",
					"Enter the call’s time zone.");
		assertThat(count("funding_calls")).isEqualTo(before);

		assertThat(call(calls, AccountTestSupport.STAFF_CEMR, "2026-05-01T09:00", "2026-05-10T17:00", "Asia/Ulaanbaatar",
				"https://example.org/call")).hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT max(id) FROM funding_calls").query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT closes_at FROM funding_calls WHERE id = ?").param(id).query(java.sql.Timestamp.class)
			.single().toInstant()).isEqualTo(Instant.parse("2026-05-10T09:00:00Z"));
		assertThat(this.audit.forEntity("funding_call", id)).singleElement()
			.satisfies(e -> assertThat(e.changes()).containsKeys("closesAt", "timeZone"));
		String edit = "/funding/example-civic-grant/calls/" + id + "/edit";
		assertThat(this.mvc.get().uri(edit).with(as(AccountTestSupport.ADMIN))).hasStatusOk().bodyText()
			.contains("value=\"2026-05-10T17:00\"", "value=\"Asia/Ulaanbaatar\"");
		assertThat(call(edit, AccountTestSupport.ADMIN, "2026-05-01T09:00", "2026-05-11T17:00", "Asia/Ulaanbaatar", ""))
			.hasStatus3xxRedirection();
		assertThat(call(edit, AccountTestSupport.ADMIN, "2026-05-01T09:00", "2026-05-12T17:00", "Asia/Ulaanbaatar", ""))
			.hasStatusOk().bodyText().contains("Someone else changed this");
		assertThat(this.audit.forEntity("funding_call", id)).hasSize(2);
		assertThat(this.mvc.get().uri("/funding/example-civic-grant/calls/abc/edit").with(as(AccountTestSupport.ADMIN)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/funding/taiex/calls/" + id + "/edit").with(as(AccountTestSupport.ADMIN)))
			.hasStatus(404);
	}

	@Test
	void theDatabaseItselfRefusesABadCallOrRule() {
		long instrument = this.jdbc.sql("SELECT id FROM funding_instruments WHERE slug = 'taiex'").query(Long.class).single();
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO funding_calls (instrument_id, title, opens_at, closes_at, time_zone)
				VALUES (?, 'x', now(), now() - interval '1 day', 'Europe/Brussels')
				""").param(instrument).update()).hasMessageContaining("funding_calls_closes_after_opens_ck");
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO funding_calls (instrument_id, title, opens_at, closes_at, time_zone, url)
				VALUES (?, 'x', now(), now() + interval '1 day', 'Europe/Brussels', 'javascript:alert(1)')
				""").param(instrument).update()).hasMessageContaining("funding_calls_url_ck");
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO funding_rules (instrument_id, kind, role, country_group, minimum) VALUES (?, 'COUNTRY_GROUP', 'LEAD', 'EU_MEMBER', 3)
				""").param(instrument).update()).hasMessageContaining("funding_rules_shape_ck");
	}
}
