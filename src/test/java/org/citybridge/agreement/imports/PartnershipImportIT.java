package org.citybridge.agreement.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.imports.PartnershipImport.Report;
import org.citybridge.agreement.imports.PartnershipImport.RowOutcome;
import org.citybridge.agreement.imports.PartnershipMatcher.Outcome;
import org.citybridge.agreement.imports.PartnershipMatcher.Reason;
import org.citybridge.agreement.imports.PartnershipRegister.ListSource;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.municipality.NewMunicipality;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.citybridge.agreement.Agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The matching import of partnerships on PostgreSQL: matched, ambiguous, unmatched and already
 * present rows, districts, idempotency, alternate names, review, bad files and who may import.
 */
class PartnershipImportIT extends DemoDataIntegrationTest {

	static final String HEADER = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n";

	@Autowired
	PartnershipImportRuns runs;

	@Autowired
	PartnershipReview review;

	@Autowired
	MunicipalityRecords records;

	@Autowired
	PartnershipImportCommand command;

	/** A made-up word per test, so that test places never meet demo places or each other. */
	String tag;

	@BeforeEach
	void setUp() {
		Random random = new Random();
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			s.append((char) ('a' + random.nextInt(26)));
		}
		this.tag = s.toString();
	}

	long place(String name, String country, double lat, double lng) {
		return place(name, country, lat, lng, MunicipalityKind.TOWN);
	}

	long place(String name, String country, double lat, double lng, MunicipalityKind kind) {
		return this.records.add(new NewMunicipality(name, null, null, country, kind, 10_000, BigDecimal.valueOf(lat),
				BigDecimal.valueOf(lng)));
	}

	Report run(String csv) {
		return this.runs.runNow(PartnershipCsv.read(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
				new PartnershipImport.Options(ListSource.wikipedia(), "test.csv", true, null, "test"),
				PartnershipImport.Progress.NONE);
	}

	long agreementsBetween(long a, long b) {
		return this.jdbc.sql("SELECT count(*) FROM agreements WHERE party_key = ?::bigint[] AND type = 'SISTER_CITY'")
			.param(new Long[] { Math.min(a, b), Math.max(a, b) })
			.query(Long.class)
			.single();
	}

	@Test
	void matchesBothSidesByNameCountryAndDistanceAndRegistersAnActiveUnverifiedAgreementWithItsSource() {
		long a = place("Alfa" + this.tag, "RS", 43.30, 21.90);
		long b = place("Beta" + this.tag, "MN", 49.48, 105.92);
		Report report = run(HEADER + "Alfa" + this.tag + ",Serbia,43.32,21.91,Beta" + this.tag + ",Mongolia,49.49,105.93\n");
		assertThat(report.added()).isEqualTo(1);
		assertThat(report.results().get(0).outcome()).isEqualTo(RowOutcome.MATCHED);
		var row = this.jdbc.sql("""
				SELECT status, verified_at IS NULL AS unverified, source, source_attribution FROM agreements
				WHERE party_key = ?::bigint[]
				""").param(new Long[] { Math.min(a, b), Math.max(a, b) })
			.query((rs, n) -> rs.getString(1) + "|" + rs.getBoolean(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
			.single();
		assertThat(row).isEqualTo("ACTIVE|true|PUBLIC_LIST|Partnership list from Wikipedia contributors, CC BY-SA 4.0");
	}

	@Test
	void runningTheSameFileAgainAddsNothingAndCountsThePairsAsAlreadyPresent() {
		long a = place("Gama" + this.tag, "RS", 44.0, 20.0);
		long b = place("Delta" + this.tag, "BE", 51.0, 3.7);
		String csv = HEADER + "Gama" + this.tag + ",Serbia,44.0,20.0,Delta" + this.tag + ",Belgium,51.0,3.7\n"
				+ "Delta" + this.tag + ",Belgium,51.0,3.7,Gama" + this.tag + ",Serbia,44.0,20.0\n";
		Report first = run(csv);
		assertThat(first.added()).isEqualTo(1);
		// the same pair listed twice (both countries' pages list it) is already present the second time
		assertThat(first.alreadyPresent()).isEqualTo(1);
		Report second = run(csv);
		assertThat(second.added()).isZero();
		assertThat(second.alreadyPresent()).isEqualTo(2);
		assertThat(agreementsBetween(a, b)).isEqualTo(1);
	}

	@Test
	void aDistrictInBracketsMatchesTheDistrictWhereTheDirectoryHasItElseItsCity() {
		long city = place("Grad" + this.tag, "RS", 43.32, 21.90);
		long district = place("Kvart" + this.tag, "RS", 43.30, 21.92, MunicipalityKind.DISTRICT);
		this.jdbc.sql("UPDATE municipalities SET district_of = ? WHERE id = ?").params(city, district).update();
		long partner = place("Partner" + this.tag, "BE", 51.05, 3.72);
		Report report = run(HEADER
				+ "Kvart" + this.tag + " (Grad" + this.tag + "),Serbia,43.30,21.92,Partner" + this.tag + ",Belgium,51.05,3.72\n"
				+ "Nepoznat" + this.tag + " (Grad" + this.tag + "),Serbia,43.31,21.91,Partner" + this.tag + ",Belgium,51.05,3.72\n"
				+ "Grad" + this.tag + " – Drugi" + this.tag + ",Serbia,43.31,21.91,Partner" + this.tag + ",Belgium,51.05,3.72\n");
		assertThat(report.results().get(0).first().match().id()).isEqualTo(district);
		assertThat(report.results().get(1).first().match().id()).isEqualTo(city);
		assertThat(report.results().get(2).first().match().id()).isEqualTo(city);
		// two district rows that fold onto the same city pair: added once, then already present
		assertThat(report.results().get(1).outcome()).isEqualTo(RowOutcome.MATCHED);
		assertThat(report.results().get(2).outcome()).isEqualTo(RowOutcome.ALREADY_PRESENT);
		assertThat(agreementsBetween(district, partner)).isEqualTo(1);
		assertThat(agreementsBetween(city, partner)).isEqualTo(1);
	}

	@Test
	void twoPlacesOfTheSameNameNearbyAreAmbiguousAndStaffPickOneInTheReview() {
		long near = place("Selo" + this.tag, "RS", 44.00, 20.00);
		long other = place("Selo" + this.tag, "RS", 44.05, 20.05);
		long partner = place("Ville" + this.tag, "FR", 48.0, 2.0);
		String csv = HEADER + "Selo" + this.tag + ",Serbia,44.02,20.02,Ville" + this.tag + ",France,48.0,2.0\n";
		Report report = run(csv);
		assertThat(report.ambiguous()).isEqualTo(1);
		assertThat(report.results().get(0).first().outcome()).isEqualTo(Outcome.AMBIGUOUS);
		assertThat(report.results().get(0).first().candidates()).extracting(PartnershipMatcher.Candidate::id)
			.containsExactlyInAnyOrder(near, other);

		long rowId = this.jdbc.sql("SELECT id FROM partnership_import_rows WHERE outcome = 'AMBIGUOUS' AND sides -> 0 ->> 'name' = ?")
			.param("Selo" + this.tag).query(Long.class).list().get(0);
		assertThat(this.review.pending(0)).extracting(PartnershipReview.ReviewRow::id).contains(rowId);
		var staff = this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS);
		assertThat(this.mvc.get().uri("/agreements/import/review/" + rowId).with(user(staff))).hasStatusOk()
			.bodyText().contains("<svg", "Selo" + this.tag);
		// a candidate that is not one of the row's is refused with a message
		assertThat(this.mvc.post().uri("/agreements/import/review/" + rowId).param("first", String.valueOf(partner))
			.with(csrf()).with(user(staff))).hasStatusOk().bodyText().contains("Choose one municipality for each ambiguous side.");
		assertThat(this.mvc.post().uri("/agreements/import/review/" + rowId).param("first", String.valueOf(other))
			.with(csrf()).with(user(staff))).hasStatus3xxRedirection();
		assertThat(agreementsBetween(other, partner)).isEqualTo(1);
		assertThat(this.review.pending(0)).extracting(PartnershipReview.ReviewRow::id).doesNotContain(rowId);

		// the choice is remembered: importing again matches that side the same way
		Report again = run(csv);
		assertThat(again.results().get(0).first().reason()).isEqualTo(Reason.DECIDED);
		assertThat(again.results().get(0).outcome()).isEqualTo(RowOutcome.ALREADY_PRESENT);
	}

	@Test
	void unmatchedSidesSayWhy() {
		place("Daleko" + this.tag, "RS", 44.00, 20.00);
		place("Blizu" + this.tag, "RS", 44.00, 21.00);
		String csv = HEADER
				// 50 km north of the only place of that name
				+ "Daleko" + this.tag + ",Serbia,44.45,20.00,Blizu" + this.tag + ",Serbia,44.0,21.0\n"
				+ "Blizu" + this.tag + ",Atlantis,44.0,21.0,Blizu" + this.tag + ",Serbia,44.0,21.0\n"
				+ "Nigde" + this.tag + ",Serbia,44.0,21.0,Blizu" + this.tag + ",Serbia,44.0,21.0\n";
		Report report = run(csv);
		assertThat(report.unmatched()).isEqualTo(3);
		assertThat(report.results().get(0).first().reason()).isEqualTo(Reason.TOO_FAR);
		assertThat(report.results().get(1).first().reason()).isEqualTo(Reason.UNKNOWN_COUNTRY);
		assertThat(report.results().get(2).first().reason()).isEqualTo(Reason.NO_SUCH_NAME);
		assertThat(report.unmatchedSidesByReason()).containsEntry("TOO_FAR", 1L).containsEntry("UNKNOWN_COUNTRY", 1L);
	}

	@Test
	void aKnownOtherNameOrACountrysOwnFormMatchesAndTheListsSpellingIsKeptAsAnAlternateName() {
		// real names (the table is of real places), at coordinates no other test uses
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		double lat = 52 + random.nextDouble(3);
		double lng = 24 + random.nextDouble(7);
		long mahilyow = place("Mahilyow", "BY", lat, lng);
		long zhodzina = place("Horad Zhodzina" + this.tag, "BY", lat + 0.5, lng);
		long kimhae = place("Kimhae" + this.tag, "KR", 35.2342, 128.8811);
		long partner = place("Rustavi" + this.tag, "GE", 41.5436, 45.0117);
		Report report = run(HEADER + "Mogilev,Belarus," + lat + "," + lng + ",Rustavi" + this.tag + ",Georgia (country),41.54,45.01\n"
				+ "Zhodzina" + this.tag + ",Belarus," + (lat + 0.5) + "," + lng + ",Rustavi" + this.tag + ",Georgia (country),41.54,45.01\n"
				+ "Gimhae" + this.tag + ",South Korea,35.2342,128.8811,Rustavi" + this.tag + ",Georgia (country),41.54,45.01\n");
		assertThat(report.results()).extracting(r -> r.first().match().id()).containsExactly(mahilyow, zhodzina, kimhae);
		assertThat(agreementsBetween(mahilyow, partner)).isEqualTo(1);
		String[] names = this.jdbc.sql("SELECT alternate_names FROM municipalities WHERE id = ?").param(mahilyow)
			.query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();
		assertThat(names).contains("Mogilev");
	}

	@Test
	void aRowGeocodedToAnotherCountryOrARegionsCentreMatchesTheOnlyPlaceOfItsNameInItsCountry() {
		// Perth (Scotland) geocoded to Perth, Western Australia, as in the Wikipedia list
		long perth = place("Perth" + this.tag, "GB", 56.3952, -3.4314);
		place("Fremantle" + this.tag, "AU", -32.0569, 115.7439);
		// Sebeş at 46° N 25° E, Romania's centre, 110 km from the town
		long sebes = place("Sebeş" + this.tag, "RO", 45.9564, 23.57);
		long partner = place("Bydgoszcz" + this.tag, "PL", 53.1235, 18.0084);
		Report report = run(HEADER + "Perth" + this.tag + ",Scotland,-31.9558,115.8597,Bydgoszcz" + this.tag + ",Poland,53.12,18.01\n"
				+ "Sebes" + this.tag + ",Romania,46,25,Bydgoszcz" + this.tag + ",Poland,53.12,18.01\n");
		assertThat(report.results()).extracting(r -> r.first().match().id()).containsExactly(perth, sebes);
		assertThat(report.results()).extracting(r -> r.first().reason())
			.containsExactly(Reason.COORDINATES_ELSEWHERE, Reason.COORDINATES_ELSEWHERE);
		assertThat(agreementsBetween(perth, partner)).isEqualTo(1);
	}

	@Test
	void aFarPlaceOfTheNameIsNotMatchedWhereTheCoordinatesMayBeTheCitysOrTheNameIsNotUnique() {
		// Zell in Carinthia is not in the directory; the only Zell there is in Tyrol, 210 km away
		place("Zell" + this.tag, "AT", 47.23, 11.88);
		place("Klagenfurt" + this.tag, "AT", 46.62, 14.31);
		// two Portsmouths in the United States, the row geocoded to the English one
		place("Portsmouth" + this.tag, "US", 43.07, -70.76);
		place("Portsmouth" + this.tag, "US", 36.84, -76.30);
		place("Fareham" + this.tag, "GB", 50.85, -1.18);
		// Jiangjin and Jiangyin share a search key, not a name
		place("Jiangyin" + this.tag, "CN", 31.91, 120.26);
		place("Graz" + this.tag, "AT", 47.07, 15.44);
		Report report = run(HEADER + "Zell" + this.tag + ",Austria,46.4667,14.3833,Graz" + this.tag + ",Austria,47.07,15.44\n"
				+ "Portsmouth" + this.tag + ",United States,50.8058,-1.0872,Graz" + this.tag + ",Austria,47.07,15.44\n"
				+ "Jiangjin" + this.tag + ",China,35,103,Graz" + this.tag + ",Austria,47.07,15.44\n");
		assertThat(report.results()).extracting(r -> r.first().reason())
			.containsExactly(Reason.TOO_FAR, Reason.TOO_FAR, Reason.TOO_FAR);
		assertThat(report.unmatched()).isEqualTo(3);
	}

	@Test
	void aDistrictNamedWithItsCityIsFoundNearTheCityWhenTheCoordinatesAreNeither() {
		// Joniškis – Žagarė: the row's coordinates are Šiauliai's, 40 km from Joniškis, 48 km from Žagarė
		place("Joniškis" + this.tag, "LT", 56.2394, 23.6154);
		long zagare = place("Žagarė" + this.tag, "LT", 56.3615, 23.2509);
		place("Siauliai" + this.tag, "LT", 55.93, 23.31);
		place("Jelgava" + this.tag, "LV", 56.65, 23.72);
		Report report = run(HEADER + "Joniškis" + this.tag + " – Žagarė" + this.tag + ",Lithuania,55.9319,23.3142,Jelgava"
				+ this.tag + ",Latvia,56.65,23.72\n");
		assertThat(report.results().get(0).first().match().id()).isEqualTo(zagare);
		assertThat(report.results().get(0).first().reason()).isEqualTo(Reason.COORDINATES_ELSEWHERE);
	}

	@Test
	void theListsSpellingBecomesAnAlternateNameThatTheDirectorySearchFinds() {
		long city = place("Ulan Bator" + this.tag, "MN", 47.9077, 106.8832);
		long partner = place("Bonn" + this.tag, "DE", 50.73, 7.10);
		Report report = run(HEADER + "Ulaanbaatar" + this.tag + ",Mongolia,47.92,106.92,Bonn" + this.tag
				+ ",Germany,50.73,7.10\n");
		assertThat(report.added()).isEqualTo(1);
		assertThat(report.results().get(0).first().match().id()).isEqualTo(city);
		assertThat(agreementsBetween(city, partner)).isEqualTo(1);
		String[] names = this.jdbc.sql("SELECT alternate_names FROM municipalities WHERE id = ?").param(city)
			.query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();
		assertThat(names).contains("Ulaanbaatar" + this.tag);
		assertThat(this.mvc.get().uri("/municipalities").param("q", "Ulaanbaatar" + this.tag)).hasStatusOk()
			.bodyText().contains("Ulan Bator" + this.tag);
	}

	@Test
	void staffUploadAFileAndSeeItsReport() throws Exception {
		place("Upload" + this.tag, "RS", 44.0, 20.0);
		place("Partner" + this.tag, "BE", 51.0, 4.0);
		MvcTestResult result = upload(HEADER + "Upload" + this.tag + ",Serbia,44.0,20.0,Partner" + this.tag
				+ ",Belgium,51.0,4.0\n", "pairs.csv", AccountTestSupport.STAFF_NALAS);
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/agreements/imports/");
		long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (this.runs.find(runId).orElseThrow().running() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(this.mvc.get().uri(location).with(user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS))))
			.hasStatusOk().bodyText().contains("Imported", "1 row read, 1 matched", "Agreements added", "Serbia");
	}

	@Test
	void anUploadWithoutAnExplicitSourceComesBackWithAMessageNextToTheChoiceAndStartsNoRun() {
		String csv = HEADER + "A" + this.tag + ",Serbia,44,20,B" + this.tag + ",Belgium,51,4\n";
		String staff = AccountTestSupport.STAFF_NALAS;
		long before = this.jdbc.sql("SELECT count(*) FROM partnership_import_runs").query(Long.class).single();
		assertThat(upload(csv, "own.csv", staff, Map.of())).hasStatusOk().bodyText()
			.contains("id=\"list-error\"", "Choose whose list it is: Wikipedia’s lists or your own.")
			.doesNotContainPattern("name=\"list\"[^>]*checked");
		// an own list needs its name and attribution; what was typed comes back
		assertThat(upload(csv, "own.csv", staff, Map.of("list", "OWN", "sourceAttribution", "Kept " + this.tag,
				"sourceUrl", "ftp://nope")))
			.hasStatusOk().bodyText()
			.contains("id=\"sourceName-error\"", "Type the name of your list.", "value=\"Kept " + this.tag + "\"",
					"id=\"sourceUrl-error\"")
			.containsPattern("value=\"OWN\"[^>]*checked");
		// a name typed for an own list while Wikipedia's is chosen is not silently dropped
		assertThat(upload(csv, "own.csv", staff, Map.of("list", "WIKIPEDIA", "sourceName", "Our survey")))
			.hasStatusOk().bodyText().contains("id=\"list-error\"", "value=\"Our survey\"");
		assertThat(upload(csv, "own.csv", staff, Map.of("list", "SOMETHING"))).hasStatusOk().bodyText()
			.contains("id=\"list-error\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_import_runs").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anOwnListsEntriesCarryItsNameAndAttributionAlsoWhenStaffRegisterThemFromTheReview() {
		long a = place("Vlastiti" + this.tag, "RS", 44.0, 20.0);
		long near = place("Dvojni" + this.tag, "RS", 45.00, 19.00);
		place("Dvojni" + this.tag, "RS", 45.05, 19.05);
		long partner = place("Partenaire" + this.tag, "FR", 48.0, 2.0);
		String csv = HEADER + "Vlastiti" + this.tag + ",Serbia,44.0,20.0,Partenaire" + this.tag + ",France,48.0,2.0\n"
				+ "Dvojni" + this.tag + ",Serbia,45.02,19.02,Partenaire" + this.tag + ",France,48.0,2.0\n";
		ListSource own = ListSource.own("Our survey " + this.tag, "Compiled by test staff", "https://example.org/list");
		Report report = this.runs.runNow(PartnershipCsv.read(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
				new PartnershipImport.Options(own, "own.csv", true, null, "test"), PartnershipImport.Progress.NONE);
		assertThat(report.added()).isEqualTo(1);
		assertThat(source(a, partner)).isEqualTo("CSV_UPLOAD|Our survey " + this.tag + "|Compiled by test staff|https://example.org/list");

		long rowId = this.jdbc.sql("SELECT id FROM partnership_import_rows WHERE outcome = 'AMBIGUOUS' AND sides -> 0 ->> 'name' = ?")
			.param("Dvojni" + this.tag).query(Long.class).single();
		Actor staff = new Actor(this.jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(AccountTestSupport.STAFF_NALAS)
			.query(Long.class).single(), Actor.Role.STAFF, null, null);
		PartnershipReview.Resolution done = this.review.resolve(rowId, near, null, staff, "staff");
		assertThat(done.added()).isTrue();
		assertThat(source(near, partner)).isEqualTo("CSV_UPLOAD|Our survey " + this.tag + "|Compiled by test staff|https://example.org/list");
		assertThat(this.jdbc.sql("SELECT party_key FROM agreements WHERE id = ?").param(done.agreementId())
			.query((rs, n) -> java.util.Arrays.asList((Long[]) rs.getArray(1).getArray())).single())
			.containsExactlyInAnyOrder(near, partner);
	}

	@Test
	void theCommandLineRecordsAnOwnListUnderTheNameAndAttributionGiven(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws IOException {
		long a = place("Komanda" + this.tag, "RS", 44.0, 20.0);
		long b = place("Ligne" + this.tag, "FR", 48.0, 2.0);
		java.nio.file.Path file = dir.resolve("own.csv");
		java.nio.file.Files.writeString(file,
				HEADER + "Komanda" + this.tag + ",Serbia,44.0,20.0,Ligne" + this.tag + ",France,48.0,2.0\n");
		assertThat(this.command.execute(java.util.List.of(PartnershipImportCommand.NAME, file.toString()), false, true, 0, 42,
				"Survey " + this.tag, "Compiled by staff", null)).isZero();
		assertThat(source(a, b)).isEqualTo("CSV_UPLOAD|Survey " + this.tag + "|Compiled by staff|");
	}

	private String source(long a, long b) {
		return this.jdbc.sql("""
				SELECT source || '|' || source_name || '|' || source_attribution || '|' || coalesce(source_url, '') FROM agreements
				WHERE party_key = ?::bigint[]
				""").param(new Long[] { Math.min(a, b), Math.max(a, b) }).query(String.class).single();
	}

	@Test
	void theReportListsEveryRowWithItsLineWhatMatchedTheCandidatesAndWhyTheOthersFailed() throws Exception {
		place("Upload" + this.tag, "RS", 44.0, 20.0);
		place("Partner" + this.tag, "BE", 51.0, 4.0);
		place("Twin" + this.tag, "RS", 45.00, 19.00);
		place("Twin" + this.tag, "RS", 45.05, 19.05);
		place("Daleko" + this.tag, "RS", 43.00, 22.00);
		String csv = HEADER
				+ "Upload" + this.tag + ",Serbia,44.0,20.0,Partner" + this.tag + ",Belgium,51.0,4.0\n"
				+ "Twin" + this.tag + ",Serbia,45.02,19.02,Partner" + this.tag + ",Belgium,51.0,4.0\n"
				+ "Atlantis" + this.tag + ",Atlantis,0,0,Partner" + this.tag + ",Belgium,51.0,4.0\n"
				+ "Daleko" + this.tag + ",Serbia,43.6,22.0,Partner" + this.tag + ",Belgium,51.0,4.0\n"
				+ "Nigde" + this.tag + ",Serbia,44.0,21.0,Partner" + this.tag + ",Belgium,51.0,4.0\n";
		String staff = AccountTestSupport.STAFF_NALAS;
		MvcTestResult result = upload(csv, "own.csv", staff, Map.of("list", "OWN", "sourceName", "Survey " + this.tag,
				"sourceAttribution", "NALAS staff"));
		String location = result.getResponse().getRedirectedUrl();
		long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (this.runs.find(runId).orElseThrow().running() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		var user = user(this.users.loadUserByUsername(staff));
		assertThat(this.mvc.get().uri(location).with(user)).hasStatusOk().bodyText()
			.contains("Survey " + this.tag, "NALAS staff", "Rows of the file", "All (5)", "Not matched (3)")
			.contains("Line 2", "Added", "<span translate=\"no\">Upload" + this.tag + "</span>, <span translate=\"no\">Serbia</span>: matched to")
			.contains("Line 3", "<span translate=\"no\">Twin" + this.tag + "</span>, <span translate=\"no\">Serbia</span>: 2 municipalities may be meant:", "Choose the municipalities of line 3")
			.contains("Line 4", "<span translate=\"no\">Atlantis" + this.tag + "</span>, <span translate=\"no\">Atlantis</span>: The country is not known.")
			.contains("Line 5", "<span translate=\"no\">Daleko" + this.tag + "</span>, <span translate=\"no\">Serbia</span>: Municipalities of that name, all farther than 30 km.",
					"Nearest of that name:")
			.contains("Line 6", "<span translate=\"no\">Nigde" + this.tag + "</span>, <span translate=\"no\">Serbia</span>: No municipality of that name in the country.");
		assertThat(this.mvc.get().uri(location).param("outcome", "UNMATCHED").with(user)).hasStatusOk().bodyText()
			.contains("Line 4", "Line 5", "Line 6").doesNotContain("Line 2<", "Line 3<");
		assertThat(this.mvc.get().uri(location).param("outcome", "UNMATCHED").param("reason", "TOO_FAR").with(user))
			.hasStatusOk().bodyText().contains("Line 5").doesNotContain("Line 4<", "Line 6<");
		assertThat(this.mvc.get().uri(location).param("outcome", "nonsense").param("page", "-3").with(user)).hasStatusOk()
			.bodyText().contains("Line 2", "Line 6");
		assertThat(this.mvc.get().uri(location).param("page", "999").with(user)).hasStatusOk().bodyText()
			.contains("No rows of this kind.");
	}

	@Test
	void theReportOfABigFileShowsItsRowsFiftyAPage() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 120; i++) {
			csv.append("Nigde").append(i).append(this.tag).append(",Serbia,44.0,21.0,Nowhere").append(this.tag)
				.append(",Belgium,51.0,4.0\n");
		}
		run(csv.toString());
		long runId = this.jdbc.sql("SELECT max(id) FROM partnership_import_runs").query(Long.class).single();
		var user = user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS));
		assertThat(this.mvc.get().uri("/agreements/imports/" + runId).with(user)).hasStatusOk().bodyText()
			.contains("Line 51<", "Page 1 of 3", "page=1").doesNotContain("Line 52<");
		assertThat(this.mvc.get().uri("/agreements/imports/" + runId).param("page", "2").with(user)).hasStatusOk()
			.bodyText().contains("Line 121<", "Page 3 of 3").doesNotContain("Line 101<");
	}

	@Test
	void filesThatAreNoPartnershipListGetAMessageNotAnError() throws IOException {
		String staff = AccountTestSupport.STAFF_NALAS;
		assertThat(upload(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 1, 2 }, "x.csv", staff))
			.hasStatusOk().bodyText().contains("The file is not a CSV text file in UTF-8.", "Error:");
		assertThat(upload("name,country\nGhent,BE\n", "x.csv", staff)).hasStatusOk().bodyText()
			.contains("The first line must be the header");
		assertThat(upload(new byte[] { 0x1f, (byte) 0x8b, 8, 0, 1, 2, 3 }, "x.csv.gz", staff)).hasStatusOk().bodyText()
			.contains("damaged or cut short");
		assertThat(upload("\n", "x.csv", staff)).hasStatusOk().bodyText().contains("The file is empty.");
		assertThat(upload(new byte[0], "x.csv", staff)).hasStatusOk().bodyText().contains("Choose a file to import.");
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
			gzip.write("city,country\n".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(upload(zipped.toByteArray(), "x.csv.gz", staff)).hasStatusOk().bodyText()
			.contains("The first line must be the header");
	}

	/** A compressed file of one endless field (32 MB of zeros in a few hundred KB) comes back with a message, not a run. */
	@Test
	void aCompressedFileWithARowLongerThan64KilobytesIsRefusedWithAMessage() throws IOException {
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
			gzip.write((HEADER + "Ghent,Belgium,").getBytes(StandardCharsets.UTF_8));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 32; i++) {
				gzip.write(zeros);
			}
		}
		long runs = this.jdbc.sql("SELECT count(*) FROM partnership_import_runs").query(Long.class).single();
		assertThat(upload(zipped.toByteArray(), "bomb.csv.gz", AccountTestSupport.STAFF_NALAS)).hasStatusOk().bodyText()
			.contains("id=\"file-error\"", "A row of the file is longer than 64 KB");
		assertThat(this.jdbc.sql("SELECT count(*) FROM partnership_import_runs").query(Long.class).single()).isEqualTo(runs);
	}

	@Test
	void officersAndVisitorsCannotImportOrReview() {
		String csv = HEADER + "A,Serbia,44,20,B,Belgium,51,4\n";
		assertThat(upload(csv, "x.csv", AccountTestSupport.OFFICER_DARKHAN)).hasStatus(403);
		assertThat(this.mvc.post().uri("/agreements/import").multipart()
			.file(new MockMultipartFile("file", "x.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()))
			.hasStatus3xxRedirection();
		for (String page : new String[] { "/agreements/import", "/agreements/import/review", "/agreements/imports/1" }) {
			assertThat(this.mvc.get().uri(page).with(user(this.users.loadUserByUsername(AccountTestSupport.OFFICER_DARKHAN))))
				.hasStatus(403);
			assertThat(this.mvc.get().uri(page)).hasStatus3xxRedirection();
		}
		Actor officer = new Actor(1L, Actor.Role.OFFICER, 1L, null);
		assertThatThrownBy(() -> this.runs.start(officer, "officer", "x.csv",
				new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ListSource.own("x", "y", null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.review.resolve(1L, 1L, 2L, officer, "officer")).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void malformedAddressesAnswer404() {
		var staff = this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS);
		assertThat(this.mvc.get().uri("/agreements/imports/abc").with(user(staff))).hasStatus(404);
		assertThat(this.mvc.get().uri("/agreements/imports/99999999").with(user(staff))).hasStatus(404);
		assertThat(this.mvc.get().uri("/agreements/import/review/99999999999999999999").with(user(staff))).hasStatus(404);
		assertThat(this.mvc.get().uri("/agreements/import/review").param("page", "-5").with(user(staff))).hasStatusOk();
		assertThat(this.mvc.post().uri("/agreements/import/review/99999999").param("first", "x").with(csrf()).with(user(staff)))
			.hasStatus(404);
	}

	private MvcTestResult upload(String csv, String name, String email) {
		return upload(csv.getBytes(StandardCharsets.UTF_8), name, email);
	}

	private MvcTestResult upload(byte[] bytes, String name, String email) {
		return upload(bytes, name, email, Map.of("list", "WIKIPEDIA"));
	}

	private MvcTestResult upload(String csv, String name, String email, Map<String, String> params) {
		return upload(csv.getBytes(StandardCharsets.UTF_8), name, email, params);
	}

	private MvcTestResult upload(byte[] bytes, String name, String email, Map<String, String> params) {
		var request = this.mvc.post().uri("/agreements/import").multipart()
			.file(new MockMultipartFile("file", name, "text/csv", bytes));
		params.forEach((key, value) -> request.param(key, value));
		return request.with(csrf()).with(user(this.users.loadUserByUsername(email))).exchange();
	}

	@Test
	void aSideNamingAFirstLevelDivisionMatchesTheRegionButATownOfTheNameOrItsSeatAtTheCoordinatesWins() {
		long selenge = this.jdbc.sql("SELECT id FROM municipalities WHERE kind = 'REGION' AND country_code = 'MN' AND name = 'Selenge'")
			.query(Long.class).single();
		long partner = place("Bonghwa" + this.tag, "KR", 36.89, 128.73);
		// A soum centre named Selenge, as GeoNames has one in Khövsgöl, 370 km west of the aimag's centre.
		long soum = this.records.add(new NewMunicipality("Selenge", null, null, "MN", MunicipalityKind.RURAL, 500,
				BigDecimal.valueOf(49.43333), BigDecimal.valueOf(101.46667)));
		try {
			Report report = run(HEADER
					// the row of the real list: its coordinates are in the aimag (Altanbulag), no town of the name near
					+ "Bonghwa" + this.tag + ",South Korea,36.8925,128.7324,Selenge,Mongolia,50.3193,106.4995\n"
					// a row at the soum centre means the soum
					+ "Bonghwa" + this.tag + ",South Korea,36.8925,128.7324,Selenge,Mongolia,49.44,101.47\n"
					// a row at the aimag's seat (Sükhbaatar) names the city, under a name the directory lacks: no match
					+ "Bonghwa" + this.tag + ",South Korea,36.8925,128.7324,Selenge,Mongolia,50.2314,106.2078\n");
			assertThat(report.results().get(0).second().match().id()).isEqualTo(selenge);
			assertThat(report.results().get(1).second().match().id()).isEqualTo(soum);
			assertThat(report.results().get(2).second().outcome()).isEqualTo(Outcome.UNMATCHED);
			assertThat(agreementsBetween(partner, selenge)).isEqualTo(1);
			long agreement = this.jdbc.sql("SELECT id FROM agreements WHERE party_key = ?::bigint[]")
				.param(new Long[] { Math.min(partner, selenge), Math.max(partner, selenge) }).query(Long.class).single();
			// The region's agreement, profile and suggestions read in each language, its name in the reader's.
			for (String lang : new String[] { "en", "mn", "fr" }) {
				String name = "mn".equals(lang) ? "Сэлэнгэ" : "Selenge";
				assertThat(this.mvc.get().uri("/agreements/{id}?lang=" + lang, agreement)).hasStatusOk().bodyText()
					.contains(name);
				assertThat(this.mvc.get().uri("/municipalities/{id}?lang=" + lang, selenge)).hasStatusOk().bodyText()
					.contains(name, "mn".equals(lang) ? "Сүхбаатар" : "Sükhbaatar", "Bonghwa" + this.tag);
				assertThat(this.mvc.get().uri("/municipalities/{id}/partners?lang=" + lang, selenge)).hasStatusOk()
					.bodyText().contains(name);
			}
		}
		finally {
			this.jdbc.sql("DELETE FROM agreements WHERE ? = ANY (party_key)").param(soum).update();
			this.jdbc.sql("DELETE FROM municipalities WHERE id = ?").param(soum).update();
		}
	}
}
