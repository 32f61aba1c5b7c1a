package org.citybridge.funding.lumpsums;

import java.util.List;
import java.util.Locale;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.funding.FundingCatalogue;
import org.citybridge.funding.FundingDemoData;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.BONN;
import static org.citybridge.DemoPlaces.GHENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Published lump-sum tables (issue 24) on PostgreSQL: staff enter the rows with their source; the
 * instrument's page and the group check show them as a table with a caption and headers, in each
 * language; overlapping rows and amounts that are not positive are the database's to refuse, and come
 * back next to the field with everything typed; a stale save is refused; nobody but staff writes.
 */
class LumpSumsIT extends DemoDataIntegrationTest {

	static final String FUND = "example-city-partnership-fund";

	static final String SOURCE = "https://example.org/calls/pilot/lump-sums";

	@Autowired
	LumpSums lumpSums;

	@Autowired
	FundingCatalogue catalogue;

	long instrument;

	@BeforeEach
	void setUp() {
		this.context.getBean(FundingDemoData.class).load();
		this.instrument = this.catalogue.bySlug(FUND).id();
		this.jdbc.sql("DELETE FROM funding_lump_sum_tables WHERE instrument_id = ?").param(this.instrument).update();
	}

	MockMvcRequestBuilder save(String uri, String email, String rows, String source, long version) {
		return this.mvc.post().uri(uri).with(csrf()).with(as(email)).param("rows", rows).param("sourceUrl", source)
			.param("note", "As published for the pilot call (example).").param("version", String.valueOf(version));
	}

	long rows() {
		return this.jdbc.sql("""
				SELECT count(*) FROM funding_lump_sums s JOIN funding_lump_sum_tables t ON t.id = s.table_id
				WHERE t.instrument_id = ?
				""").param(this.instrument).query(Long.class).single();
	}

	@Test
	void staffEnterTheTableAndTheInstrumentsPageAndTheGroupCheckShowIt() {
		String uri = "/funding/" + FUND + "/lump-sums";
		assertThat(this.mvc.get().uri(uri).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("Edit the lump-sum table", "Rows, one a line", "<code translate=\"no\">25-50 = 8455</code>");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455\n51–100: €12 000\n101+: 20,000-50,745", SOURCE, 0))
			.hasStatus3xxRedirection().redirectedUrl().isEqualTo("/funding/" + FUND + "#lump-sums");
		LumpSumTable table = this.lumpSums.ofInstrument(this.instrument).orElseThrow();
		assertThat(table.rows()).containsExactly(new LumpSumRow(25, 50, 8455, null), new LumpSumRow(51, 100, 12000, null),
				new LumpSumRow(101, null, 20000, 50745));
		// The form gives the rows back as typed in the plain shape.
		assertThat(this.mvc.get().uri(uri).with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk().bodyText()
			.contains("25-50 = 8455\n51-100 = 12000\n101+ = 20000-50745");

		assertThat(this.mvc.get().uri("/funding/" + FUND)).hasStatusOk().bodyText()
			.contains("<h2 id=\"lump-sums-heading\">Published lump sums</h2>",
					"<caption>Lump sums by number of participants, as published</caption>",
					"<th scope=\"col\">Number of participants</th>", "<th scope=\"col\">Lump sum</th>",
					"<th scope=\"row\">25 to 50</th>", "<td>€8,455</td>", "<th scope=\"row\">101 or more</th>",
					"<td>€20,000 to €50,745</td>", "href=\"" + SOURCE + "\"", "As published for the pilot call (example).");
		assertThat(this.mvc.get().uri("/funding/" + FUND + "?lang=fr")).hasStatusOk().bodyText()
			.contains("<th scope=\"row\">de 25 à 50</th>", "<th scope=\"row\">101 ou plus</th>", "Montants forfaitaires publiés",
					"lang=\"en\">As published for the pilot call (example).");
		assertThat(this.mvc.get().uri("/funding/" + FUND + "?lang=mn")).hasStatusOk().bodyText()
			.contains("Нийтэлсэн нэг удаагийн тогтмол дүн", "<th scope=\"col\">Оролцогчдын тоо</th>", "ба түүнээс дээш");

		long ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		long bonn = AccountTestSupport.municipalityId(this.context, BONN);
		assertThat(this.mvc.get().uri("/funding/group?m=" + ghent + "&m=" + bonn + "&instrument=" + FUND)).hasStatusOk()
			.bodyText().contains("<caption>Lump sums by number of participants, as published</caption>", "<td>€8,455</td>");
	}

	@Test
	void aCallHasATableOfItsOwnShownUnderTheCallAndInTheGroupCheckForThatCall() {
		long call = this.jdbc.sql("SELECT id FROM funding_calls WHERE instrument_id = ? AND title = 'Call for pilot projects (example)'")
			.param(this.instrument).query(Long.class).single();
		String uri = "/funding/" + FUND + "/calls/" + call + "/lump-sums";
		assertThat(this.mvc.get().uri(uri).with(as(AccountTestSupport.STAFF_NALAS))).hasStatusOk().bodyText()
			.contains("Call for pilot projects (example)");
		assertThat(save(uri, AccountTestSupport.STAFF_NALAS, "10-40: 5000", SOURCE, 0)).hasStatus3xxRedirection()
			.redirectedUrl().isEqualTo("/funding/" + FUND + "#call-" + call);
		assertThat(this.lumpSums.ofInstrument(this.instrument)).isEmpty();
		assertThat(this.lumpSums.ofCall(call).orElseThrow().rows()).containsExactly(new LumpSumRow(10, 40, 5000, null));
		assertThat(this.mvc.get().uri("/funding/" + FUND)).hasStatusOk().bodyText()
			.contains("<caption>Lump sums of this call by number of participants, as published</caption>", "<td>€5,000</td>");
		long ghent = AccountTestSupport.municipalityId(this.context, GHENT);
		assertThat(this.mvc.get().uri("/funding/group?m=" + ghent + "&call=" + call)).hasStatusOk().bodyText()
			.contains("Lump sums of this call by number of participants", "<td>€5,000</td>");
		// A call of another instrument is not found under this one.
		long other = this.jdbc.sql("SELECT id FROM funding_calls WHERE instrument_id <> ? LIMIT 1").param(this.instrument)
			.query(Long.class).single();
		assertThat(this.mvc.get().uri("/funding/" + FUND + "/calls/" + other + "/lump-sums").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/funding/" + FUND + "/calls/abc/lump-sums").with(as(AccountTestSupport.STAFF_NALAS)))
			.hasStatus(404);
	}

	@Test
	void badRowsComeBackNextToTheFieldWithEverythingTypedAndNothingSaved() {
		String uri = "/funding/" + FUND + "/lump-sums";
		// Overlapping rows: the exclusion constraint refuses them; the message is next to the rows.
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455\n40-60: 9000", SOURCE, 0)).hasStatusOk().bodyText()
			.contains("Two rows overlap: each number of participants may be in one row only.", "id=\"rows-error\"",
					"25-50: 8455\n40-60: 9000", "value=\"" + SOURCE + "\"");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455\nlots: 9000", SOURCE, 0)).hasStatusOk().bodyText()
			.contains("Line 2 is not a row: write for example 25-50 = 8455.", "lots: 9000");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 0", SOURCE, 0)).hasStatusOk().bodyText()
			.contains("Line 1: a lump sum is a whole number of euros above 0");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "50-25: 100", SOURCE, 0)).hasStatusOk().bodyText()
			.contains("Line 1: the participants go from 1 to 100,000");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 9000-8000", SOURCE, 0)).hasStatusOk().bodyText()
			.contains("Line 1: a lump sum is a whole number of euros above 0");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455", "", 0)).hasStatusOk().bodyText()
			.contains("Enter the address where the lump sums are published.", "id=\"sourceUrl-error\"");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455", "javascript:alert(1)", 0)).hasStatusOk().bodyText()
			.contains("id=\"sourceUrl-error\"");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "", SOURCE, 0)).hasStatusOk().bodyText()
			.contains("Enter at least one row");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "x".repeat(5000), SOURCE, 0)).hasStatusOk();
		assertThat(this.mvc.post().uri(uri).with(csrf()).with(as(AccountTestSupport.STAFF_CEMR)).param("rows", "1: 5")
			.param("sourceUrl", SOURCE).param("version", "abc")).hasStatusOk();
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455\n40-60: 9000", SOURCE, 0).header("Accept-Language", "mn"))
			.hasStatusOk().bodyText().contains("Хоёр мөр давхцаж байна");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455\n40-60: 9000", SOURCE, 0).header("Accept-Language", "fr"))
			.hasStatusOk().bodyText().contains("Deux lignes se chevauchent");
		assertThat(rows()).isZero();
		assertThat(this.lumpSums.ofInstrument(this.instrument)).isEmpty();

		// A save from a form opened before another is refused; emptying rows and address removes the table.
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-50: 8455", SOURCE, 0)).hasStatus3xxRedirection();
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "25-60: 9000", SOURCE, 0)).hasStatusOk().bodyText()
			.contains("Someone else changed this while you were editing it", "25-60: 9000");
		assertThat(save(uri, AccountTestSupport.STAFF_CEMR, "", "", 1)).hasStatus3xxRedirection();
		assertThat(this.lumpSums.ofInstrument(this.instrument)).isEmpty();
	}

	@Test
	void theDatabaseRefusesOverlapsAndAmountsThatAreNotPositiveWhoeverWrites() {
		long table = this.jdbc.sql("""
				INSERT INTO funding_lump_sum_tables (instrument_id, source_url) VALUES (?, ?) RETURNING id
				""").params(this.instrument, SOURCE).query(Long.class).single();
		LumpSums.writeRows(this.jdbc, table, List.of(new LumpSumRow(25, 50, 8455, null)));
		assertThatThrownBy(() -> LumpSums.writeRows(this.jdbc, table, List.of(new LumpSumRow(50, null, 9000, null))))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("funding_lump_sums_no_overlap");
		assertThatThrownBy(() -> LumpSums.writeRows(this.jdbc, table, List.of(new LumpSumRow(60, 70, 0, null))))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("funding_lump_sums_amount_ck");
		assertThatThrownBy(() -> LumpSums.writeRows(this.jdbc, table, List.of(new LumpSumRow(60, 70, -5, null))))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> LumpSums.writeRows(this.jdbc, table, List.of(new LumpSumRow(60, 70, 500, 400))))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("funding_lump_sums_amount_max_ck");
		// Next to it, without overlap, is fine; a second table of the same instrument is not.
		LumpSums.writeRows(this.jdbc, table, List.of(new LumpSumRow(51, null, 9000, null)));
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO funding_lump_sum_tables (instrument_id, source_url) VALUES (?, ?)")
			.params(this.instrument, SOURCE).update()).isInstanceOf(DataIntegrityViolationException.class);
		// A call of another instrument cannot carry this instrument's table.
		long other = this.jdbc.sql("SELECT id FROM funding_calls WHERE instrument_id <> ? LIMIT 1").param(this.instrument)
			.query(Long.class).single();
		assertThatThrownBy(() -> this.jdbc.sql("INSERT INTO funding_lump_sum_tables (instrument_id, call_id, source_url) VALUES (?, ?, ?)")
			.params(this.instrument, other, SOURCE).update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void officersAndVisitorsCannotEditLumpSums() {
		String uri = "/funding/" + FUND + "/lump-sums";
		assertThat(this.mvc.get().uri(uri).with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(save(uri, AccountTestSupport.OFFICER_DARKHAN, "25-50: 8455", SOURCE, 0)).hasStatus(403);
		assertThat(this.mvc.get().uri(uri)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.post().uri(uri).with(csrf()).param("rows", "25-50: 8455").param("sourceUrl", SOURCE))
			.hasStatus3xxRedirection();
		Actor officer = new Actor(1L, Actor.Role.OFFICER, 1L, null);
		assertThatThrownBy(() -> this.lumpSums.save(officer, "officer", this.instrument, null,
				new LumpSumForm("25-50: 8455", SOURCE, "", 0), Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
		assertThat(rows()).isZero();
	}

	@Test
	void townTwinningShowsItsPublishedLumpSumsAsDemonstrationDataWithTheirSource() {
		assertThat(this.mvc.get().uri("/funding/cerv-town-twinning")).hasStatusOk().bodyText().contains("<th scope=\"row\">50 or more</th>", "<td>€8,455 to €50,745</td>",
				"href=\"https://www.euro-access.eu/en/calls/1237/Town-Twinning\"", "(example)",
				"As published for the 2025/2026 calls — check the call document.");
		this.context.getBean(FundingDemoData.class).load();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM funding_lump_sum_tables t JOIN funding_instruments i ON i.id = t.instrument_id
				WHERE i.slug = 'cerv-town-twinning'
				""").query(Long.class).single()).isEqualTo(1);
	}
}
