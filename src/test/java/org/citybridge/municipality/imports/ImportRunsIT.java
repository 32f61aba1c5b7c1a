package org.citybridge.municipality.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Staff upload a file and follow its import on a page; nobody else may. */
class ImportRunsIT extends DemoDataIntegrationTest {

	static final String HEADER = "geonameid,name,alternate_names,country_code,admin1_code,feature_code,population,latitude,longitude\n";

	static final String GOOD = HEADER + "990000101,Importville,,BE,VLG,PPL,12000,51.1,4.1\n"
			+ "990000102,Exportville,,RS,SE,PPL,8000,44.1,20.1\n";

	static final String ONE_BAD = GOOD + "990000103,Nowhere,,QQ,01,PPL,10,10.0,10.0\n";

	@AfterEach
	void removeImportedPlaces() {
		this.jdbc.sql("DELETE FROM municipalities WHERE geonames_id BETWEEN 990000100 AND 990000199"
				+ " OR geonames_id BETWEEN 990100000 AND 990199999").update();
		this.jdbc.sql("ANALYZE municipalities").update();
	}

	/**
	 * The upload the feature exists for is long: its progress is written every 10,000 rows while
	 * the rows still stream into PostgreSQL. That write once waited, on the connection holding the
	 * open COPY, for the COPY to end: the run stayed RUNNING at 0 rows for ever.
	 */
	@Test
	void anUploadOfMoreThanTenThousandRowsEndsAppliedAndItsProgressWasShownOnTheWay() throws Exception {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < 12_000; i++) {
			csv.append(990100000 + i).append(",Testplace ").append(i).append(",,BE,VLG,PPL,").append(1000 + i)
				.append(',').append(50 + i % 100 / 100.0).append(',').append(4 + i % 100 / 100.0).append('\n');
		}
		long runId = upload(csv.toString(), false);
		waitUntilDone(runId);
		assertThat(status(runId)).isEqualTo("APPLIED");
		assertThat(this.jdbc.sql("SELECT rows_done FROM import_runs WHERE id = ?").param(runId).query(Long.class).single())
			.isEqualTo(12_000);
		assertThat(this.jdbc.sql("SELECT count(*) FROM municipalities WHERE geonames_id BETWEEN 990100000 AND 990199999")
			.query(Long.class).single()).isEqualTo(12_000);
	}

	@Test
	void staffImportAFileAndSeeItsReport() throws Exception {
		long runId = upload(GOOD, false);
		waitUntilDone(runId);
		assertThat(this.mvc.get().uri("/municipalities/imports/" + runId).with(user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS))))
			.hasStatusOk().bodyText().contains("Imported").contains("2 rows read, 0 rejected");
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void oneInvalidRowStopsTheWholeImportAndTheReportNamesIt() throws Exception {
		long runId = upload(ONE_BAD, false);
		waitUntilDone(runId);
		assertThat(this.mvc.get().uri("/municipalities/imports/" + runId).with(user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS))))
			.hasStatusOk().bodyText().contains("Not imported: nothing was changed").contains("Unknown country code")
			.containsPattern("<td[^>]*>4</td>");
		assertThat(count()).isZero();
	}

	@Test
	void skippingInvalidRowsAppliesTheOthers() throws Exception {
		long runId = upload(ONE_BAD, true);
		waitUntilDone(runId);
		assertThat(status(runId)).isEqualTo("APPLIED");
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void aFileWithoutTheExpectedColumnsIsRefusedWithAMessage() throws Exception {
		long runId = upload("name,country\nGhent,BE\n", false);
		waitUntilDone(runId);
		assertThat(this.mvc.get().uri("/municipalities/imports/" + runId).with(user(this.users.loadUserByUsername(AccountTestSupport.ADMIN))))
			.bodyText().contains("The file is not in the expected format");
	}

	/** A compressed bomb of one endless line (100 MB of zeros in 100 KB) is refused at 64 KB, not read into memory. */
	@Test
	void aLineLongerThan64KilobytesIsRefusedWithAMessageEvenInsideACompressedBomb() throws Exception {
		java.io.ByteArrayOutputStream gzip = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gzip)) {
			out.write(HEADER.getBytes(StandardCharsets.UTF_8));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 100; i++) {
				out.write(zeros);
			}
		}
		MockMultipartFile file = new MockMultipartFile("file", "bomb.csv.gz", "application/gzip", gzip.toByteArray());
		MvcTestResult result = this.mvc.post().uri("/municipalities/import").multipart().file(file).with(csrf())
			.with(user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS))).exchange();
		String location = result.getResponse().getRedirectedUrl();
		long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		waitUntilDone(runId);
		assertThat(status(runId)).isEqualTo("REFUSED");
		assertThat(this.mvc.get().uri("/municipalities/imports/" + runId).with(user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS))))
			.hasStatusOk().bodyText().contains("The file is not in the expected format");
		assertThat(this.jdbc.sql("SELECT report->>'fileProblem' FROM import_runs WHERE id = ?").param(runId).query(String.class).single())
			.startsWith("Line 2 is longer than 64 KB");
	}

	@Test
	void noFileComesBackWithAMessageNextToTheField() {
		MvcTestResult result = this.mvc.post().uri("/municipalities/import").multipart()
			.file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0])).with(csrf())
			.with(user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS))).exchange();
		assertThat(result).hasStatusOk().bodyText().contains("id=\"file-error\"", "Choose a file to import.");
	}

	@Test
	void officersAndVisitorsCannotImport() {
		MockMultipartFile file = new MockMultipartFile("file", "places.csv", "text/csv", GOOD.getBytes(StandardCharsets.UTF_8));
		assertThat(this.mvc.post().uri("/municipalities/import").multipart().file(file).with(csrf())
			.with(user(this.users.loadUserByUsername(AccountTestSupport.OFFICER_DARKHAN)))).hasStatus(403);
		assertThat(this.mvc.post().uri("/municipalities/import").multipart().file(file).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/municipalities/import").with(user(this.users.loadUserByUsername(AccountTestSupport.OFFICER_DARKHAN))))
			.hasStatus(403);
		assertThat(count()).isZero();
	}

	private long upload(String csv, boolean skipInvalid) {
		MockMultipartFile file = new MockMultipartFile("file", "places.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		var request = this.mvc.post().uri("/municipalities/import").multipart().file(file).with(csrf())
			.with(user(this.users.loadUserByUsername(AccountTestSupport.STAFF_NALAS)));
		if (skipInvalid) {
			request = request.param("skipInvalid", "on");
		}
		MvcTestResult result = request.exchange();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/municipalities/imports/");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private void waitUntilDone(long runId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while ("RUNNING".equals(status(runId)) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(status(runId)).isNotEqualTo("RUNNING");
	}

	private String status(long runId) {
		return this.jdbc.sql("SELECT status FROM import_runs WHERE id = ?").param(runId).query(String.class).single();
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM municipalities WHERE geonames_id BETWEEN 990000100 AND 990000199")
			.query(Long.class).single();
	}
}
