package org.citybridge.funding.pages;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.system.ViewerZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.citybridge.funding.Call;
import org.citybridge.funding.Eligibility;
import org.citybridge.funding.Finding;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.Instruments;
import org.citybridge.funding.Rule;
import org.citybridge.funding.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.ERDENET;
import static org.citybridge.DemoPlaces.GHENT;
import static org.citybridge.DemoPlaces.NIS;

/** The public funding pages on the demo data: list, filters, one instrument, deadlines, feed, finder. */
class FundingPagesIT extends DemoDataIntegrationTest {

	@Autowired
	FundingFinder finder;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
	}

	long id(long geonamesId) {
		return AccountTestSupport.municipalityId(this.context, geonamesId);
	}

	@Test
	void instrumentsReadInTheReadersLanguage() {
		assertThat(this.mvc.get().uri("/funding/taiex?lang=fr")).hasStatusOk().bodyText()
			.contains("<h1>Instrument d’assistance technique et d’échange d’informations (TAIEX)</h1>",
					"Assistance technique à court terme.", "Missions d’experts, ateliers, visites d’étude.")
			.doesNotContain("class=\"original-lang\"");
		assertThat(this.mvc.get().uri("/funding?lang=mn")).hasStatusOk().bodyText()
			.contains("Твиннинг", "ЕХ-ны гишүүн орнууд болон хүлээн авагч орнуудын төрийн захиргааны байгууллага хоорондын төслүүд.")
			.doesNotContain("Short-term technical assistance.");
		assertThat(this.mvc.get().uri("/funding/example-city-partnership-fund?lang=mn")).hasStatusOk().bodyText()
			.contains("Туршилтын төслийн сонгон шалгаруулалт (жишээ)");
	}

	@Test
	void loadingTheDemoDataTwiceAddsNothing() {
		long instruments = this.jdbc.sql("SELECT count(*) FROM funding_instruments").query(Long.class).single();
		long calls = this.jdbc.sql("SELECT count(*) FROM funding_calls").query(Long.class).single();
		this.context.getBean(FundingDemoData.class).load();
		assertThat(this.jdbc.sql("SELECT count(*) FROM funding_instruments").query(Long.class).single()).isEqualTo(instruments);
		assertThat(this.jdbc.sql("SELECT count(*) FROM funding_calls").query(Long.class).single()).isEqualTo(calls);
	}

	@Test
	void twinningAndTaiexAssertOnlyWhatTheProductSaysAndExamplesAreMarked() {
		// The demo data's instruments: staff tests add instruments of their own ("fixture-…").
		assertThat(this.jdbc.sql("SELECT count(*) FROM funding_calls c JOIN funding_instruments i ON i.id = c.instrument_id WHERE NOT i.example AND i.slug NOT LIKE 'fixture-%'")
			.query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM funding_rules r JOIN funding_instruments i ON i.id = r.instrument_id WHERE NOT i.example AND r.kind <> 'CONDITION' AND i.slug NOT LIKE 'fixture-%'")
			.query(Long.class).single()).isZero();
		// Examples are named as such; the CERV strands of issue 24 as demonstration data (real programmes, rules to check).
		assertThat(this.jdbc.sql("SELECT count(*) FROM funding_instruments WHERE example AND name NOT LIKE '%(example)' AND name NOT LIKE '%(demonstration)' AND slug NOT LIKE 'fixture-%'")
			.query(Long.class).single()).isZero();
		assertThat(this.mvc.get().uri("/funding/taiex")).hasStatusOk().bodyText()
			.contains("Short-term technical assistance.", "Expert missions, workshops, study visits.",
					"No call has been entered for this instrument.")
			.doesNotContain("Example entry");
		assertThat(this.mvc.get().uri("/funding/example-civic-grant")).hasStatusOk().bodyText()
			.contains("Example entry: not a real programme.");
	}

	@Test
	void listsTheInstrumentsWithUpcomingDeadlinesAndFilters() {
		assertThat(this.mvc.get().uri("/funding")).hasStatusOk().bodyText()
			.contains("Twinning", "TAIEX", "EX-CPF", "Deadlines in the next 90 days", "Call for pilot projects (example)",
					"Request window (example)", "(Asia/Ulaanbaatar)", "aria-current=\"page\"")
			.doesNotContain("Previous call (example)");
		assertThat(this.mvc.get().uri("/funding?theme=SMART_CITY")).hasStatusOk().bodyText()
			.contains("EX-CPF").doesNotContain("EX-TEF</span> —", "TAIEX</span> —");
		assertThat(this.mvc.get().uri("/funding?body=NGO")).hasStatusOk().bodyText().contains("EX-CSG</span> —")
			.doesNotContain("EX-CPF</span> —");
		assertThat(this.mvc.get().uri("/funding?group=PARTNER")).hasStatusOk().bodyText().contains("EX-CPF</span> —")
			.doesNotContain("EX-TEF</span> —", "Twinning —");
		assertThat(this.mvc.get().uri("/funding?open=1")).hasStatusOk().bodyText().contains("EX-CPF</span> —", "EX-TEF</span> —")
			.doesNotContain("EX-CSG</span> —", "TAIEX</span> —");
		assertThat(this.mvc.get().uri("/funding?theme=NOPE&group=MARS&body=%3Cb%3E&open=zzz&tz=Mars/Olympus")).hasStatusOk()
			.bodyText().contains("TAIEX</span> —", "is not a time zone we know").doesNotContain("<b>");
	}

	@Test
	void showsDeadlinesInTheViewersZoneBesideTheCallsOwnAndRemembersIt() {
		MvcTestResult result = this.mvc.get().uri("/funding?tz=Asia/Ulaanbaatar").exchange();
		assertThat(result).hasStatusOk().bodyText().contains("Your time:", "(Asia/Ulaanbaatar)", "(Europe/Brussels)",
				"and in yours, Asia/Ulaanbaatar");
		assertThat(result.getResponse().getCookie(ViewerZone.COOKIE).getValue()).isEqualTo("Asia/Ulaanbaatar");
		assertThat(result.getResponse().getCookie(ViewerZone.COOKIE).getPath()).isEqualTo("/");
		assertThat(this.mvc.get().uri("/").cookie(new Cookie(ViewerZone.COOKIE, "Asia/Ulaanbaatar"))).hasStatusOk().bodyText()
			.contains("Deadlines in the next 90 days", "Call for pilot projects (example)", "Your time:");
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().contains("Call for pilot projects (example)")
			.doesNotContain("Your time:");
	}

	@Test
	void showsAnInstrumentsRulesInPlainWordsAndItsCalls() {
		assertThat(this.mvc.get().uri("/funding/example-technical-exchange")).hasStatusOk().bodyText()
			.contains("May lead: Candidate countries, Potential candidates.", "Also may lead, as an exception: Mongolia.",
					"May partner: EU member states.", "Kinds of body that may apply: municipalities, national administrations.",
					"Request window (example)", "Open");
		assertThat(this.mvc.get().uri("/funding/example-city-partnership-fund")).hasStatusOk().bodyText()
			.contains("At least 2 bodies take part, the lead included.", "Previous call (example)", "Closed");
		assertThat(this.mvc.get().uri("/funding/example-city-partnership-fund?lang=fr")).hasStatusOk().bodyText()
			.contains("Peuvent diriger\u202f: États membres de l’UE.");
	}

	@Test
	void answers404ForUnknownInstrumentsAndCalls() {
		assertThat(this.mvc.get().uri("/funding/no-such-instrument")).hasStatus(404);
		assertThat(this.mvc.get().uri("/funding/" + "x".repeat(300))).hasStatus(404);
	}

	@Test
	void theDeadlineFeedIsAValidICalendarThatIcal4jParses() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/funding/deadlines.ics").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
		String ics = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		calendar.validate();
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).isNotEmpty();
		assertThat(events).extracting(e -> prop(e, "SUMMARY"))
			.contains("EX-CPF: Call for pilot projects (example)", "EX-TEF: Request window (example)");
		VEvent pilot = events.stream().filter(e -> prop(e, "SUMMARY").startsWith("EX-CPF: Call for pilot"))
			.findFirst().orElseThrow();
		assertThat(prop(pilot, "DESCRIPTION")).contains("(Europe/Brussels)", "Example entry");
		assertThat(prop(pilot, "UID")).startsWith("funding-call-");
	}

	static String prop(VEvent event, String name) {
		return event.<net.fortuna.ical4j.model.Property>getProperty(name).map(net.fortuna.ical4j.model.Property::getValue)
			.orElse(null);
	}

	@Test
	void theFinderExplainsEveryRuleForAPairAndNamesTheFailedOne() throws Exception {
		String body = this.mvc.get().uri("/funding/finder?a=" + id(DARKHAN) + "&b=" + id(GHENT)).exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("Instruments for Darkhan and Ghent",
				"Darkhan is in Mongolia, a partner country: may partner, may not lead.",
				"Ghent may lead with Darkhan as partner.",
				"Darkhan is in Mongolia, a partner country, and a rule for Mongolia itself overrides its group",
				"Only these kinds of body may apply: NGOs; municipalities may not.", "Not eligible", "Eligible",
				"Check conditions", "Call for pilot projects (example)");
	}

	@Test
	void theFinderWorksForOneMunicipalityAndSearchesWithoutJavaScript() {
		assertThat(this.mvc.get().uri("/funding/finder")).hasStatusOk().bodyText().contains("Funding finder")
			.doesNotContain("Instruments for");
		assertThat(this.mvc.get().uri("/funding/finder?qa=Дархан")).hasStatusOk().bodyText()
			.contains("type=\"radio\" name=\"a\" value=\"" + id(DARKHAN) + "\"", "Choose one of the matches");
		assertThat(this.mvc.get().uri("/funding/finder?qa=zzqqxx")).hasStatusOk().bodyText()
			.contains("No municipality matches");
		// Picking a match: the same text as before (pa) means "take the chosen one".
		assertThat(this.mvc.get().uri("/funding/finder?qa=darkhan&pa=darkhan&a=" + id(DARKHAN))).hasStatusOk().bodyText()
			.contains("Instruments for Darkhan", "may partner, may not lead", "Darkhan will need partners");
	}

	@Test
	void theFinderShrugsOffBadIdsAndTheSameMunicipalityTwice() {
		assertThat(this.mvc.get().uri("/funding/finder?a=abc&b=-5")).hasStatusOk().bodyText().doesNotContain("Instruments for");
		assertThat(this.mvc.get().uri("/funding/finder?a=999999999999")).hasStatusOk().bodyText()
			.contains("does not exist");
		assertThat(this.mvc.get().uri("/funding/finder?a=99999999999999999999999")).hasStatusOk();
		assertThat(this.mvc.get().uri("/funding/finder?a=" + id(DARKHAN) + "&b=" + id(DARKHAN))).hasStatusOk().bodyText()
			.contains("the same municipality", "Instruments for Darkhan");
		assertThat(this.mvc.get().uri("/funding/finder").param("qa", "<script>x</script>".repeat(100))).hasStatusOk()
			.bodyText().doesNotContain("<script>x");
	}

	@Test
	void theFinderApiGivesOtherFeaturesTheUsableInstrumentsWithReasons() {
		LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
		try {
			List<Verdict> verdicts = this.finder.forPair(id(DARKHAN), id(GHENT));
			assertThat(verdicts).extracting(Verdict::shortName).contains("EX-CPF", "EX-TEF", "EX-CSG", "TAIEX", "Twinning");
			assertThat(verdicts.get(0).eligibility()).isEqualTo(Eligibility.ELIGIBLE);
			Verdict civic = verdicts.stream().filter(v -> v.shortName().equals("EX-CSG")).findFirst().orElseThrow();
			assertThat(civic.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
			assertThat(civic.failures()).extracting(Finding::rule).contains(Rule.Kind.BODY_KIND);
			assertThat(this.finder.usableByPair(id(DARKHAN), id(GHENT))).extracting(Verdict::shortName)
				.doesNotContain("EX-CSG").contains("EX-CPF", "TAIEX");
			// Two Mongolian cities: nobody may lead the partnership fund, and the rule says so.
			Verdict fund = this.finder.forPair(id(DARKHAN), id(ERDENET)).stream()
				.filter(v -> v.shortName().equals("EX-CPF")).findFirst().orElseThrow();
			assertThat(fund.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
			assertThat(fund.failures()).extracting(Finding::text)
				.contains("Neither Darkhan nor Erdenet may lead with the other as partner.",
						"The bodies must come from at least 2 countries; the pair comes from only 1.");
			assertThat(this.finder.forPair(id(DARKHAN), id(DARKHAN))).isEmpty();
			assertThat(this.finder.forPair(id(DARKHAN), 999999999L)).isEmpty();
			assertThat(this.context.getBean(Instruments.class).all()).extracting(Instruments.Ref::shortName)
				.contains("TAIEX", "Twinning");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void theFinderSpeaksTheReadersLanguage() {
		assertThat(this.mvc.get().uri("/funding/finder?lang=mn&a=" + id(DARKHAN))).hasStatusOk().bodyText()
			.contains("түнш болж болно", "тэргүүлж болохгүй");
		assertThat(this.mvc.get().uri("/funding/finder?lang=fr&a=" + id(NIS))).hasStatusOk().bodyText()
			.contains("Serbie", "un pays candidat");
	}
}
