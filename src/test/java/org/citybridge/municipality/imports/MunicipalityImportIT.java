package org.citybridge.municipality.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.citybridge.IntegrationTest;
import org.citybridge.municipality.imports.ImportReport.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.citybridge.municipality.DirectoryCounts;
import org.citybridge.municipality.DirectoryParams;
import org.citybridge.municipality.MunicipalityDemoData;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.profile.MunicipalityProfile;
import org.citybridge.municipality.MunicipalitySearch;
import org.citybridge.municipality.MunicipalitySummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.ERDENET;
import static org.citybridge.DemoPlaces.MORON;
import static org.citybridge.DemoPlaces.NIS;
import static org.citybridge.DemoPlaces.ULAANBAATAR;

/** The GeoNames import on PostgreSQL: upsert, idempotency, validation, all-or-nothing. */
@IntegrationTest
class MunicipalityImportIT {

	static final String HEADER = "geonameid,name,alternate_names,country_code,admin1_code,feature_code,population,latitude,longitude\n";

	@Autowired
	MunicipalityImport importer;

	@Autowired
	MunicipalityDemoData demoData;

	@Autowired
	MunicipalitySearch search;

	@Autowired
	org.citybridge.municipality.profile.MunicipalityProfiles profiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.citybridge.country.Countries countries;

	@Autowired
	DirectoryCounts counts;

	@Autowired
	org.springframework.web.context.WebApplicationContext context;

	org.springframework.test.web.servlet.assertj.MockMvcTester mvc() {
		return org.citybridge.account.AccountTestSupport.mockMvc(this.context);
	}

	long lastDemoId;

	@BeforeEach
	void demoData() {
		this.demoData.load();
		this.lastDemoId = this.jdbc.sql("SELECT max(id) FROM municipalities").query(Long.class).single();
	}

	@AfterEach
	void removeImportedPlaces() {
		this.jdbc.sql("DELETE FROM municipalities WHERE id > ?").param(this.lastDemoId).update();
		this.jdbc.sql("DELETE FROM municipality_search_keys WHERE source = 'geonames'").update();
		this.jdbc.sql("UPDATE municipalities SET feature_code = NULL, admin1_code = NULL WHERE kind <> 'REGION'").update();
	}

	@Test
	void importsPlacesAndImportingTheSameFileAgainChangesNothing() throws IOException {
		java.time.OffsetDateTime started = this.jdbc.sql("SELECT clock_timestamp()").query(java.time.OffsetDateTime.class)
			.single();
		ImportReport first = importSample();
		assertThat(first.applied()).isTrue();
		// The planner's statistics are fresh for the tables the import changed (issue 21).
		assertThat(this.jdbc.sql("SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
				+ "('municipalities', 'municipality_search_keys') AND last_analyze >= ?")
			.param(started).query(Long.class).single()).isEqualTo(2);
		assertThat(first.rows()).isEqualTo(18);
		assertThat(first.rejected()).isZero();
		assertThat(first.notLiving()).isEqualTo(2);
		assertThat(first.inserted()).isEqualTo(8);
		assertThat(first.updated()).isEqualTo(8);

		String before = snapshot();
		ImportReport second = importSample();
		assertThat(second.inserted()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(16);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void readsGzipAsWellAsPlainFiles() throws IOException {
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(zipped); InputStream in = sample()) {
			in.transferTo(gzip);
		}
		ImportReport report = this.importer.importStream(new ByteArrayInputStream(zipped.toByteArray()),
				ImportOptions.allOrNothing(), ImportProgress.NONE);
		assertThat(report.applied()).isTrue();
		assertThat(report.inserted()).isEqualTo(8);
	}

	@Test
	void findsEachPlaceFirstAfterTheImportOnTopOfTheDemoData() throws IOException {
		importSample();
		assertFirst(ULAANBAATAR, "Улаанбаатар", "Ulaanbaatar", "Ulan Bator");
		assertFirst(DARKHAN, "Darkhan", "Дархан");
		assertFirst(MORON, "Mörön", "moron", "Мөрөн");
		assertFirst(ERDENET, "Erdenet", "Эрдэнэт");
		assertFirst(NIS, "nis");
		assertFirst(3430545, "Morón");
	}

	@Test
	void keepsWhatOfficersEditAndTakesTheGeoNamesFacts() throws IOException {
		importSample();
		MunicipalityProfile moron = this.profiles.profile(idOf(MORON));
		assertThat(moron.name()).isEqualTo("Mörön");
		assertThat(moron.nativeName()).isEqualTo("Мөрөн");
		assertThat(moron.geonamesName()).isEqualTo("Murun-kuren");
		assertThat(moron.offeredThemes()).isNotEmpty();

		ImportReport newer = importText(HEADER + "2029945,Murun-kuren,,MN,13,PPLA,30000,49.70000,100.20000\n");
		assertThat(newer.updated()).isEqualTo(1);
		MunicipalityProfile updated = this.profiles.profile(idOf(MORON));
		assertThat(updated.population()).isEqualTo(30000);
		assertThat(updated.latitude()).isEqualByComparingTo("49.7");
		assertThat(updated.name()).isEqualTo("Mörön");
		assertThat(updated.offeredThemes()).isEqualTo(moron.offeredThemes());
	}

	@Test
	void keepsAKnownPopulationWhenANewerFileSaysUnknown() {
		importText(HEADER + "990000001,Testburg,,BE,VLG,PPL,5000,51.00000,4.00000\n");
		importText(HEADER + "990000001,Testburg,,BE,VLG,PPL,0,51.00000,4.00000\n");
		assertThat(this.profiles.profile(idOf(990000001)).population()).isEqualTo(5000);
	}

	@Test
	void skipsPlacesThatAreNoLongerLivingAndCountsThem() {
		ImportReport report = importText(HEADER + "990000002,Oldtown,,DE,06,PPLH,100,52.0,10.0\n"
				+ "990000003,Ghosttown,,DE,06,PPLQ,100,52.0,10.0\n990000004,Ruin,,DE,06,PPLW,100,52.0,10.0\n"
				+ "990000005,Oldcapital,,DE,06,PPLCH,100,52.0,10.0\n990000006,Newtown,,DE,06,PPL,100,52.0,10.0\n");
		assertThat(report.notLiving()).isEqualTo(4);
		assertThat(report.inserted()).isEqualTo(1);
	}

	@Test
	void keepsASectionOfACityAsADistrictOfThatCity() throws IOException {
		importSample();
		MunicipalityProfile district = this.profiles.profile(idOf(3119123));
		assertThat(district.kind()).isEqualTo(MunicipalityKind.DISTRICT);
		assertThat(district.districtOf()).isEqualTo("Barcelona");
		assertThat(this.profiles.profile(idOf(2029947)).kind()).as("a soum centre").isEqualTo(MunicipalityKind.RURAL);
	}

	@Test
	void rejectsEveryInvalidRowWithItsLineAndReasonAndAppliesNothing() {
		long before = this.search.count();
		ImportReport report = importBytes(invalidFile(), ImportOptions.allOrNothing());
		assertThat(report.applied()).isFalse();
		assertThat(this.search.count()).isEqualTo(before);
		assertThat(report.rejections()).extracting(ImportReport.Rejection::line, ImportReport.Rejection::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, Reason.MISSING_NAME),
					org.assertj.core.groups.Tuple.tuple(4L, Reason.UNKNOWN_COUNTRY),
					org.assertj.core.groups.Tuple.tuple(5L, Reason.LATITUDE_OUT_OF_RANGE),
					org.assertj.core.groups.Tuple.tuple(6L, Reason.LONGITUDE_OUT_OF_RANGE),
					org.assertj.core.groups.Tuple.tuple(7L, Reason.NEGATIVE_POPULATION),
					org.assertj.core.groups.Tuple.tuple(8L, Reason.MALFORMED_LINE),
					org.assertj.core.groups.Tuple.tuple(9L, Reason.WRONG_ENCODING),
					org.assertj.core.groups.Tuple.tuple(10L, Reason.NOT_A_NUMBER),
					org.assertj.core.groups.Tuple.tuple(11L, Reason.MISSING_ID),
					org.assertj.core.groups.Tuple.tuple(12L, Reason.NAME_TOO_LONG));
		assertThat(report.rejected()).isEqualTo(10);
	}

	@Test
	void appliesTheValidRowsWhenAskedToSkipInvalidOnes() {
		long before = this.search.count();
		ImportReport report = importBytes(invalidFile(), ImportOptions.skippingInvalidRows());
		assertThat(report.applied()).isTrue();
		assertThat(report.rejected()).isEqualTo(10);
		assertThat(report.inserted()).isEqualTo(2);
		assertThat(this.search.count()).isEqualTo(before + 2);
	}

	@Test
	void refusesAFileWithoutTheExpectedHeader() {
		assertThatThrownBy(() -> importText("id;name\n1;x\n")).isInstanceOf(ImportFileInvalid.class)
			.hasMessageContaining("geonameid");
		assertThatThrownBy(() -> importText("")).isInstanceOf(ImportFileInvalid.class);
	}

	@Test
	void reportsProgressAndEachRejectedRowAsItGoes() {
		List<ImportReport.Rejection> heard = new java.util.ArrayList<>();
		long[] rows = new long[1];
		this.importer.importStream(new ByteArrayInputStream(invalidFile()), ImportOptions.allOrNothing(),
				new ImportProgress() {
					@Override
					public void rows(long done, long rejected, double rowsPerSecond) {
						rows[0] = done;
					}

					@Override
					public void rejected(ImportReport.Rejection rejection) {
						heard.add(rejection);
					}
				});
		assertThat(rows[0]).isEqualTo(12);
		assertThat(heard).hasSize(10);
	}

	/**
	 * Issue 17, finding 10: with the database gone, the command said "refused" (exit 1, which means
	 * a bad file) and printed a stack trace. It now says the database could not be reached, in one
	 * line, and exits 3.
	 */
	@Test
	void theCommandSaysSoInOneLineWhenTheDatabaseIsOutOfReach(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws IOException {
		java.nio.file.Path file = dir.resolve("two.csv");
		java.nio.file.Files.writeString(file, HEADER + "990000001,Goodtown,,BE,VLG,PPL,100,51.0,4.0\n");
		com.zaxxer.hikari.HikariDataSource gone = new com.zaxxer.hikari.HikariDataSource();
		gone.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/citybridge");
		gone.setConnectionTimeout(500);
		gone.setInitializationFailTimeout(-1);
		java.io.PrintStream console = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try (gone) {
			System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
			MunicipalityImport importer = new MunicipalityImport(new PlaceStaging(JdbcClient.create(gone), gone),
					new org.springframework.transaction.support.TransactionTemplate(
							new org.springframework.jdbc.support.JdbcTransactionManager(gone)),
					this.countries, this.counts, null);
			assertThat(new ImportCommand(importer, null).execute(List.of("import-municipalities", file.toString()), false))
				.isEqualTo(3);
		}
		finally {
			System.setOut(console);
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Failed: the database could not be reached")
			.doesNotContain("Refused").doesNotContain("\tat ");
	}

	@Test
	void theCommandExplainsItsUsage() {
		ImportCommand command = new ImportCommand(this.importer, null);
		assertThat(command.execute(List.of("import-municipalities"), false)).isEqualTo(2);
		assertThat(command.execute(List.of("import-municipalities", "/no/such/file.csv"), false)).isEqualTo(2);
	}

	/** Two valid rows and one row for each reason of refusal, in the order of {@link Reason}'s test. */
	private static byte[] invalidFile() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, HEADER);
		write(out, "990000010,Goodtown,,BE,VLG,PPL,100,51.0,4.0\n");
		write(out, "990000011,,,BE,VLG,PPL,100,51.0,4.0\n");
		write(out, "990000012,Nowhere,,ZZ,01,PPL,100,51.0,4.0\n");
		write(out, "990000013,Northpole,,BE,VLG,PPL,100,91.5,4.0\n");
		write(out, "990000014,Farwest,,BE,VLG,PPL,100,51.0,-181\n");
		write(out, "990000015,Minus,,BE,VLG,PPL,-5,51.0,4.0\n");
		write(out, "990000016,Short,BE,VLG\n");
		out.writeBytes("990000017,Li".getBytes(StandardCharsets.UTF_8));
		out.writeBytes(new byte[] { (byte) 0xe8, (byte) 0x67, (byte) 0x65 });
		write(out, ",,BE,WAL,PPLA2,182597,50.6,5.5\n");
		write(out, "990000018,Numberless,,BE,VLG,PPL,many,51.0,4.0\n");
		write(out, ",Idless,,BE,VLG,PPL,100,51.0,4.0\n");
		write(out, "990000019," + "L".repeat(201) + ",,BE,VLG,PPL,100,51.0,4.0\n");
		write(out, "990000020,Goodvillage,,BE,VLG,PPL,100,51.1,4.1\n");
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private void assertFirst(long geonamesId, String... queries) {
		for (String q : queries) {
			List<MunicipalitySummary> found = this.search.page(DirectoryParams.query(q)).items();
			assertThat(found).as(q).isNotEmpty();
			assertThat(found.get(0).id()).as(q).isEqualTo(idOf(geonamesId));
		}
	}

	private String snapshot() {
		return String.join("\n", this.jdbc.sql("""
				SELECT m.id || '|' || m.name || '|' || coalesce(m.population::text, '') || '|' || m.latitude || '|'
				    || m.version || '|' || m.updated_at || '|' || coalesce(m.district_of::text, '') || '|'
				    || (SELECT string_agg(k.key, ',' ORDER BY k.key) FROM municipality_search_keys k WHERE k.municipality_id = m.id)
				FROM municipalities m ORDER BY m.id
				""").query(String.class).list());
	}

	private ImportReport importSample() throws IOException {
		try (InputStream in = sample()) {
			return this.importer.importStream(in, ImportOptions.allOrNothing(), ImportProgress.NONE);
		}
	}

	private static InputStream sample() throws IOException {
		return new ClassPathResource("geonames/sample.csv").getInputStream();
	}

	private ImportReport importText(String csv) {
		return importBytes(csv.getBytes(StandardCharsets.UTF_8), ImportOptions.allOrNothing());
	}

	private ImportReport importBytes(byte[] bytes, ImportOptions options) {
		return this.importer.importStream(new ByteArrayInputStream(bytes), options, ImportProgress.NONE);
	}

	private long idOf(long geonamesId) {
		return this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?").param(geonamesId)
			.query(Long.class)
			.single();
	}

	@Test
	void theFirstLevelDivisionsOfThePlacesBecomeRegionsWithTheirNamesAndSeatsOnce() {
		String file = HEADER + "990000501,Cherkasy,,UA,01,PPLA,272651,49.44452,32.05738\n"
				+ "990000502,Uman,,UA,01,PPL,83216,48.74838,30.22184\n"
				+ "990000503,Smila,,UA,01,PPL,67000,49.22281,31.88722\n";
		ImportReport report = importBytes(file.getBytes(StandardCharsets.UTF_8), ImportOptions.allOrNothing());
		assertThat(report.applied()).isTrue();
		// The region from the shipped table (Natural Earth): English, French and the country's own Cyrillic name.
		var region = this.jdbc.sql("""
				SELECT id, name, name_fr, native_name, native_script, geonames_id, feature_code FROM municipalities
				WHERE kind = 'REGION' AND country_code = 'UA' AND admin1_code = '01'
				""").query((rs, n) -> java.util.List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7))).single();
		assertThat(region.subList(1, 7)).containsExactly("Cherkasy", "Tcherkassy", "Черкаська область", "Cyrl", "710802", "ADM1");
		assertThat(this.search.page(DirectoryParams.query("Tcherkassy")).items())
			.anySatisfy(m -> assertThat(m.kind()).isEqualTo(MunicipalityKind.REGION));
		// Its profile names the seat (the PPLA) and the places inside, largest first.
		long id = Long.parseLong(region.get(0));
		assertThat(this.mvc().get().uri("/municipalities/{id}?lang=en", id)).hasStatusOk().bodyText()
			.contains("Seat", "Cherkasy", "The 3 municipalities inside")
			.containsSubsequence("Cherkasy", "Uman", "Smila");
		// A second import adds no region twice.
		importBytes(file.getBytes(StandardCharsets.UTF_8), ImportOptions.allOrNothing());
		assertThat(this.jdbc.sql("SELECT count(*) FROM municipalities WHERE kind = 'REGION' AND country_code = 'UA'")
			.query(Long.class).single()).isEqualTo(1);
	}
}
