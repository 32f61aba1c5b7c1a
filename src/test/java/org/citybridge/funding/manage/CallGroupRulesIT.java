package org.citybridge.funding.manage;

import java.util.List;
import java.util.Locale;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.Call;
import org.citybridge.funding.Eligibility;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.Rule;
import org.citybridge.funding.Verdict;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Group rules of a call (issue 24: "these rules change from call to call"), on PostgreSQL: staff enter
 * them on the call's form; they replace the instrument's rules of the same kind for that call only; the
 * group check and a partner search aimed at the call use them and say so; bad values come back next to
 * their fields with everything typed; the database refuses rules of the wrong shape; nobody but staff
 * writes them.
 */
class CallGroupRulesIT extends DemoDataIntegrationTest {

	static final String FUND = "example-city-partnership-fund";

	@Autowired
	FundingCatalogue catalogue;

	@Autowired
	FundingFinder finder;

	@Autowired
	FundingEditor editor;

	long instrument;

	Call call;

	long ghent;

	long darkhan;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.instrument = this.catalogue.bySlug(FUND).id();
		this.call = this.catalogue.calls(this.instrument).stream().filter(c -> c.title().equals("Call for pilot projects (example)"))
			.findFirst().orElseThrow();
		this.jdbc.sql("DELETE FROM funding_call_rules WHERE call_id = ?").param(this.call.id()).update();
		this.jdbc.sql("DELETE FROM partner_searches WHERE NOT example").update();
		this.ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
	}

	String editUri() {
		return "/funding/" + FUND + "/calls/" + this.call.id() + "/edit";
	}

	/** The call's form as it stands, with the fields given on top. */
	MockMvcRequestBuilder save(String email, String... fields) {
		Call now = this.catalogue.call(this.instrument, this.call.id());
		CallForm form = CallForm.of(now, List.of());
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("title", form.title());
		values.put("opens", form.opens());
		values.put("closes", form.closes());
		values.put("zone", form.zone());
		values.put("budget", form.budget());
		values.put("url", form.url());
		values.put("version", String.valueOf(now.version()));
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		MockMvcRequestBuilder request = this.mvc.post().uri(editUri()).with(csrf()).with(as(email));
		for (var value : values.entrySet()) {
			request = request.param(value.getKey(), value.getValue());
		}
		return request;
	}

	long callRules() {
		return this.jdbc.sql("SELECT count(*) FROM funding_call_rules WHERE call_id = ?").param(this.call.id()).query(Long.class)
			.single();
	}

	@Test
	void staffEnterACallsRulesAndTheGroupCheckUsesThemForThatCallAndSaysSo() {
		assertThat(this.mvc.get().uri(editUri()).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("Group rules of this call", "Leave a rule empty to keep the instrument’s");
		assertThat(save(AccountTestSupport.STAFF_CEMR, "minPartners", "5", "fromGroup", "EU_MEMBER", "fromGroupMinimum", "2"))
			.hasStatus3xxRedirection();
		assertThat(this.catalogue.callRules(this.call.id())).extracting(Rule::kind)
			.containsExactly(Rule.Kind.MIN_PARTNERS, Rule.Kind.MIN_FROM_GROUP);
		// The form shows them again; the instrument's page lists them under the call, the instrument's own unchanged.
		assertThat(this.mvc.get().uri(editUri()).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("name=\"minPartners\" value=\"5\"", "<option value=\"EU_MEMBER\" selected=\"selected\"");
		assertThat(this.mvc.get().uri("/funding/" + FUND)).hasStatusOk().bodyText()
			.contains("Rules of this call, in place of the instrument’s of the same kind:", "At least 5 bodies take part",
					"At least 2 bodies come from an EU member state", "At least 2 bodies take part");

		// Ghent and Darkhan meet the instrument's rules, not the call's: the finder says which it used.
		List<Long> group = List.of(this.ghent, this.darkhan);
		Verdict own = this.finder.forGroup(this.instrument, group, Locale.ENGLISH).orElseThrow();
		Verdict ofCall = this.finder.forGroup(this.instrument, this.call.id(), group, Locale.ENGLISH).orElseThrow();
		assertThat(own.rulesOf()).isNull();
		assertThat(own.failures()).isEmpty();
		assertThat(ofCall.rulesOf().id()).isEqualTo(this.call.id());
		assertThat(ofCall.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
		assertThat(ofCall.failures()).extracting(f -> f.text()).containsExactly(
				"Needs 3 more municipalities: at least 5 bodies must take part, the group has 2.",
				"Needs 1 more municipality from an EU member state: at least 2, the group has 1.");
		// A call of another instrument is no choice: the instrument's own rules.
		long otherCall = this.jdbc.sql("SELECT id FROM funding_calls WHERE instrument_id <> ? LIMIT 1").param(this.instrument)
			.query(Long.class).single();
		assertThat(this.finder.forGroup(this.instrument, otherCall, group, Locale.ENGLISH).orElseThrow().rulesOf()).isNull();

		String page = "/funding/group?m=" + this.ghent + "&m=" + this.darkhan + "&call=" + this.call.id();
		assertThat(this.mvc.get().uri(page)).hasStatusOk().bodyText()
			.contains("Checked against the rules of the call", "Call for pilot projects (example)",
					"Needs 3 more municipalities", "<option value=\"" + this.call.id() + "\" selected=\"selected\"")
			.doesNotContain("Technical Exchange Facility");
		assertThat(this.mvc.get().uri(page + "&lang=mn")).hasStatusOk().bodyText()
			.contains("сонгон шалгаруулалтын дүрмээр шалгав", "Дахиад 3 хот хэрэгтэй");
		assertThat(this.mvc.get().uri(page + "&lang=fr")).hasStatusOk().bodyText()
			.contains("Vérifié selon les règles de l’appel", "Il manque 3 communes");
		// Without a call, or with an unknown one, each instrument's own rules; no 500.
		assertThat(this.mvc.get().uri("/funding/group?m=" + this.ghent + "&m=" + this.darkhan + "&call=abc")).hasStatusOk()
			.bodyText().doesNotContain("Checked against the rules of the call");
		assertThat(this.mvc.get().uri("/funding/group?m=" + this.ghent + "&call=999999999")).hasStatusOk();

		// A search aimed at the call checks its group under the call's rules, and says so to its members.
		var published = this.mvc.post().uri("/partner-searches/new").with(as(AccountTestSupport.OFFICER_GHENT)).with(csrf())
			.param("title", "Pilot projects").param("idea", "Smart lighting").param("instrument", FUND)
			.param("call", String.valueOf(this.call.id())).param("partnersNeeded", "4").param("expires",
					java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString())
			.exchange();
		assertThat(published).hasStatus3xxRedirection();
		String location = published.getResponse().getRedirectedUrl();
		assertThat(this.mvc.get().uri(location).with(as(AccountTestSupport.OFFICER_GHENT))).hasStatusOk().bodyText()
			.contains("Checked against the rules of the call", "Needs 4 more municipalities", "call=" + this.call.id());
	}

	@Test
	void badCallRulesComeBackNextToTheirFieldsWithEverythingTyped() {
		assertThat(save(AccountTestSupport.STAFF_CEMR, "title", "Kept <b>title</b>", "maxPartners", "abc",
				"minEligibleCountries", "0", "minParticipants", "many")).hasStatusOk().bodyText()
			.contains("Kept &lt;b&gt;title&lt;/b&gt;", "value=\"abc\"", "value=\"many\"", "Enter a whole number from 1 to 100.",
					"Enter a whole number from 1 to 100,000.", "id=\"maxPartners-error\"", "id=\"minParticipants-error\"");
		assertThat(save(AccountTestSupport.STAFF_CEMR, "fromGroup", "EU_MEMBER")).hasStatusOk().bodyText()
			.contains("Choose a country group and enter its minimum, or neither.", "id=\"fromGroupMinimum-error\"");
		assertThat(save(AccountTestSupport.STAFF_CEMR, "minParticipants", "50", "minParticipantsAbroad", "60")).hasStatusOk()
			.bodyText().contains("Enter the participants from abroad only with a minimum of participants, and not above it.",
					"value=\"60\"");
		// The instrument asks for at least 2 partners: a call's maximum of 1 contradicts it.
		assertThat(save(AccountTestSupport.STAFF_CEMR, "maxPartners", "1")).hasStatusOk().bodyText()
			.contains("The maximum must not be below the minimum number of partners (2).", "id=\"maxPartners-error\"");
		assertThat(save(AccountTestSupport.STAFF_CEMR, "fromGroup", "NOT_A_GROUP", "fromGroupMinimum", "2")).hasStatusOk();
		assertThat(save(AccountTestSupport.STAFF_CEMR, "maxPartners", "1").header("Accept-Language", "mn")).hasStatusOk().bodyText()
			.contains("id=\"maxPartners-error\"", "Хамгийн их тоо нь түншийн хамгийн бага тооноос (2) бага байж болохгүй.");
		assertThat(save(AccountTestSupport.STAFF_CEMR, "maxPartners", "1").header("Accept-Language", "fr")).hasStatusOk().bodyText()
			.contains("Le maximum ne doit pas être inférieur au nombre minimal de partenaires (2).");
		assertThat(callRules()).isZero();

		// A save from a form opened before another save is refused, its values kept.
		assertThat(save(AccountTestSupport.STAFF_CEMR, "minPartners", "3")).hasStatus3xxRedirection();
		assertThat(save(AccountTestSupport.STAFF_CEMR, "minPartners", "6", "version", "0")).hasStatusOk().bodyText()
			.contains("Someone else changed this while you were editing it", "value=\"6\"");
		assertThat(this.catalogue.callRules(this.call.id())).extracting(Rule::minimum).containsExactly(3);

		// The database keeps the shapes and the one-rule-a-kind, whoever writes.
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO funding_call_rules (call_id, kind, minimum) VALUES (?, 'MIN_FROM_GROUP', 2)")
			.param(this.call.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO funding_call_rules (call_id, kind, minimum) VALUES (?, 'MIN_PARTNERS', 4)")
			.param(this.call.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO funding_call_rules (call_id, kind, country_group) VALUES (?, 'COUNTRY_GROUP', 'EU_MEMBER')")
			.param(this.call.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO funding_call_rules (call_id, kind, maximum) VALUES (?, 'MAX_PARTNERS', 0)")
			.param(this.call.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void officersAndVisitorsCannotWriteACallsRules() {
		assertThat(this.mvc.get().uri(editUri()).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(save(AccountTestSupport.OFFICER_DARKHAN, "minPartners", "9")).hasStatus(403);
		assertThat(this.mvc.get().uri(editUri())).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.post().uri(editUri()).with(csrf()).param("minPartners", "9")).hasStatus3xxRedirection();
		Actor officer = new Actor(1L, Actor.Role.OFFICER, 1L, null);
		assertThatThrownBy(() -> this.editor.updateCall(officer, "officer", FUND, this.call.id(),
				CallForm.of(this.call, List.of(Rule.minPartners(9))))).isInstanceOf(AccessDeniedException.class);
		assertThat(callRules()).isZero();
	}

	@Test
	void theNetworksOfTowns2025CallCarriesItsPublishedRulesAsDemonstrationData() {
		long nt = this.catalogue.bySlug("cerv-networks-of-towns").id();
		Call demo = this.catalogue.calls(nt).stream().filter(c -> c.title().equals("Networks of Towns 2025 (demonstration)"))
			.findFirst().orElseThrow();
		assertThat(demo.url()).isEqualTo("https://www.euro-access.eu/en/calls/1711/Networks-of-Towns");
		assertThat(this.catalogue.callRules(demo.id())).extracting(Rule::kind).containsExactly(Rule.Kind.MIN_PARTNERS,
				Rule.Kind.MIN_ELIGIBLE_COUNTRIES, Rule.Kind.MIN_FROM_GROUP);
		// Loading again adds nothing.
		this.context.getBean(FundingDemoData.class).load();
		assertThat(this.jdbc.sql("SELECT count(*) FROM funding_calls WHERE title = ?").param(demo.title()).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.mvc.get().uri("/funding/cerv-networks-of-towns?lang=fr")).hasStatusOk().bodyText()
			.contains("Réseaux de villes 2025 (démonstration)", "Règles de cet appel",
					"Les pays associés à ce programme comptent comme pays admissibles");
		assertThat(this.mvc.get().uri("/funding/cerv-networks-of-towns?lang=mn")).hasStatusOk().bodyText()
			.contains("Хотуудын сүлжээ 2025 (үзүүлэнгийн)", "Одоогоор нэг ч улс оруулаагүй");
		assertThat(this.mvc.get().uri("/funding/cerv-networks-of-towns")).hasStatusOk().bodyText()
			.contains("None is entered yet: check the call document.");
		// An instrument whose rules count no eligible countries does not speak of associated countries.
		assertThat(this.mvc.get().uri("/funding/taiex")).hasStatusOk().bodyText().doesNotContain("None is entered yet");
	}
}
