package org.citybridge.agreement.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.citybridge.DemoDataIntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.citybridge.agreement.AgreementDemoData;
import org.citybridge.agreement.AgreementFixtures;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;
import org.citybridge.agreement.Agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.citybridge.DemoPlaces.DARKHAN;
import static org.citybridge.DemoPlaces.ZEITZ;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The register as staff, officers and the public use it, on PostgreSQL. */
class AgreementsIT extends DemoDataIntegrationTest {

	@Autowired
	AgreementRegister register;

	@Autowired
	Agreements agreements;

	AgreementFixtures fixtures;

	long darkhan;

	@BeforeEach
	void setUp() {
		this.fixtures = new AgreementFixtures(this.jdbc);
		this.darkhan = AccountTestSupport.municipalityId(this.context, DARKHAN);
	}

	MockMvcRequestBuilder save(String uri, String email, String title, Long... parties) {
		MockMvcRequestBuilder request = this.mvc.post().uri(uri).with(csrf()).with(as(email)).param("type", "SISTER_CITY")
			.param("title", title).param("status", "ACTIVE").param("version", "0").param("action", "save");
		for (Long party : parties) {
			request.param("partyIds", String.valueOf(party));
		}
		return request;
	}

	long count(String where, Object... params) {
		return this.jdbc.sql("SELECT count(*) FROM agreements WHERE " + where).params(params).query(Long.class).single();
	}

	@Test
	void staffRegisterAVerifiedAgreementAndASecondOneBetweenTheSamePairInAnyOrderIsRefusedNamingTheFirst() {
		long a = this.fixtures.municipality("Bonn", "DE");
		long b = this.fixtures.municipality("Ulaanbaatar", "MN");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Bonn – Ulaanbaatar", a, b))
			.hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM agreements WHERE title = 'Bonn – Ulaanbaatar' AND party_key @> ARRAY[?, ?]::bigint[]")
			.params(a, b).query(Long.class).single();
		assertThat(count("id = ? AND verified_at IS NOT NULL", id)).isEqualTo(1);
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_NALAS, "Again, reversed", b, a)).hasStatusOk()
			.bodyText()
			.contains("already registered and not ended", "Bonn – Ulaanbaatar", "Again, reversed");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_NALAS, "Again, reversed", b, a)).body()
			.asString()
			.contains("href=\"/agreements/" + id + "\"");
		assertThat(count("party_key = ARRAY[?, ?]::bigint[]", Math.min(a, b), Math.max(a, b))).isEqualTo(1);
		// Once it has ended, the pair may sign again.
		this.jdbc.sql("UPDATE agreements SET status = 'ENDED' WHERE id = ?").param(id).update();
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_NALAS, "Renewed", b, a)).hasStatus3xxRedirection();
	}

	@Test
	void refusesARepeatedPartyASinglePartyAndAnUnknownOneWithFieldMessages() {
		long a = this.fixtures.municipality("Kaposvár", "HU");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Twice", a, a)).hasStatusOk().bodyText()
			.contains("Each municipality can be a party only once.");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Alone", a)).hasStatusOk().bodyText()
			.contains("at least two parties");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Ghost", a, 987_654_321L)).hasStatusOk()
			.bodyText()
			.contains("not in the directory");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Garbage").param("partyIds", "abc"))
			.hasStatusOk();
		assertThat(count("title IN ('Twice', 'Alone', 'Ghost', 'Garbage')")).isZero();
	}

	@Test
	void refusesAnEndBeforeTheSigningAndASignedAgreementSignedInTheFuture() {
		long a = this.fixtures.municipality("Zeitz", "DE");
		long b = this.fixtures.municipality("Darkhan", "MN");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Backwards", a, b).param("signedOn", "2020-05-01")
			.param("endsOn", "2019-01-01")).hasStatusOk().bodyText().contains("must be after the signing date", "Backwards");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Future", a, b)
			.param("signedOn", LocalDate.now().plusDays(5).toString())).hasStatusOk().bodyText()
			.contains("cannot be signed in the future");
		// A draft may carry a planned signing date.
		assertThat(this.mvc.post().uri("/agreements/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("type", "SISTER_CITY").param("title", "Planned").param("status", "DRAFT").param("version", "0")
			.param("partyIds", String.valueOf(a), String.valueOf(b))
			.param("signedOn", LocalDate.now().plusDays(5).toString())).hasStatus3xxRedirection();
		assertThat(count("title IN ('Backwards', 'Future')")).isZero();
	}

	@Test
	void twoStaffSavingTheSameDuplicatePairAtTheSameMomentOnlyOneSucceeds() throws Exception {
		long a = this.fixtures.municipality("Székesfehérvár", "HU");
		long b = this.fixtures.municipality("Erdenet", "MN");
		Actor cemr = new Actor(1L, Actor.Role.STAFF, null, null);
		Actor nalas = new Actor(2L, Actor.Role.STAFF, null, null);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> results = List.of(cemr, nalas).stream().map(actor -> pool.submit(() -> {
				start.await();
				try {
					this.register.create(actor, "staff", form("Race", actor == cemr ? List.of(a, b) : List.of(b, a)), null);
					return "saved";
				}
				catch (AgreementRefused refused) {
					return refused.messageKey() + ":" + refused.conflictId();
				}
			})).toList();
			start.countDown();
			List<String> outcomes = results.stream().map(f -> {
				try {
					return f.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
			assertThat(outcomes).filteredOn("saved"::equals).hasSize(1);
			long id = this.jdbc.sql("SELECT id FROM agreements WHERE title = 'Race' AND party_key @> ARRAY[?, ?]::bigint[]")
				.params(a, b).query(Long.class).single();
			assertThat(outcomes).contains("agreement.error.duplicate:" + id);
		}
		finally {
			pool.shutdown();
		}
	}

	static AgreementForm form(String title, List<Long> parties) {
		return new AgreementForm(AgreementType.SISTER_CITY, parties, "", title, null, null, null, List.of(),
				AgreementStatus.ACTIVE, null, null, null, 0, "save", null, null, null);
	}

	@Test
	void acceptsARealPdfServesItWithItsHashAndRefusesATextFileNamedPdfKeepingTheOtherValues() throws IOException {
		long a = this.fixtures.municipality("Niš", "RS");
		long b = this.fixtures.municipality("Ohrid", "MK");
		MockMultipartFile fake = new MockMultipartFile("document", "agreement.pdf", "application/pdf",
				"just text, not a PDF".getBytes());
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_NALAS, "With a fake file", a, b).multipart()
			.file(fake)
			.param("notes", "Kept notes")).hasStatusOk().bodyText().contains("must be a PDF file", "Kept notes",
					"With a fake file");
		byte[] pdf = pdf();
		MockMultipartFile real = new MockMultipartFile("document", "signed.pdf", "application/octet-stream", pdf);
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_NALAS, "With a real file", a, b).multipart()
			.file(real)).hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM agreements WHERE title = 'With a real file'").query(Long.class).single();
		var download = this.mvc.get().uri("/agreements/" + id + "/document").exchange();
		assertThat(download).hasStatusOk().hasContentType("application/pdf").body().isEqualTo(pdf);
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"signed.pdf\"");
		assertThat(this.mvc.get().uri("/agreements/" + id)).bodyText().contains(SignedDocument.sha256(pdf));
		assertThat(this.mvc.get().uri("/agreements/" + id + "/document")).hasStatusOk();
		long other = this.fixtures.agreement(AgreementType.FRIENDSHIP, "ACTIVE", a, b);
		assertThat(this.mvc.get().uri("/agreements/" + other + "/document")).hasStatus(404);
		byte[] large = new byte[SignedDocument.MAX_BYTES + 1];
		System.arraycopy(pdf, 0, large, 0, pdf.length);
		assertThatThrownBy(() -> SignedDocument.of("big.pdf", large)).isInstanceOf(AgreementRefused.class)
			.hasMessage("agreement.error.document.tooLarge");
	}

	/**
	 * A signed document that runs JavaScript when opened, or whose cross-reference stream inflates
	 * to hundreds of megabytes, comes back with a message next to the field; nothing is saved.
	 */
	@Test
	void aSignedDocumentThatRunsJavaScriptOrInflatesToHundredsOfMegabytesIsRefusedWithAMessageNextToTheField() {
		long a = this.fixtures.municipality("Bitola", "MK");
		long b = this.fixtures.municipality("Erdenet", "MN");
		MockMultipartFile script = new MockMultipartFile("document", "signed.pdf", "application/pdf",
				org.citybridge.system.HostilePdfs.withOpenActionJavaScript());
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_NALAS, "With a script", a, b).multipart().file(script))
			.hasStatusOk().bodyText().contains("id=\"document-error\"", "contains JavaScript", "With a script");
		MockMultipartFile bomb = new MockMultipartFile("document", "signed.pdf", "application/pdf",
				org.citybridge.system.HostilePdfs.crossReferenceBomb(org.citybridge.system.HostilePdfs.BOMB_INFLATES_TO));
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_NALAS, "With a bomb", a, b).multipart().file(bomb))
			.hasStatusOk().bodyText().contains("id=\"document-error\"", "too complex to check", "With a bomb");
		assertThat(this.jdbc.sql("SELECT count(*) FROM agreements WHERE title IN ('With a script', 'With a bomb')")
			.query(Long.class).single()).isZero();
	}

	static byte[] pdf() throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void aStaleEditIsRefusedAndTheOtherChangeKept() {
		long a = this.fixtures.municipality("Ghent", "BE");
		long b = this.fixtures.municipality("Choibalsan", "MN");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Versioned", a, b)).hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM agreements WHERE title = 'Versioned'").query(Long.class).single();
		assertThat(save("/agreements/" + id + "/edit", AccountTestSupport.STAFF_CEMR, "First edit", a, b)
			.param("version", "0")).hasStatus3xxRedirection();
		assertThat(save("/agreements/" + id + "/edit", AccountTestSupport.STAFF_NALAS, "Second edit", a, b)
			.param("version", "0")).hasStatusOk().bodyText().contains("Someone saved this agreement");
		assertThat(this.jdbc.sql("SELECT title FROM agreements WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("First edit");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entries WHERE entity_type = 'agreement' AND entity_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void anOfficerProposesOnlyForTheirOwnMunicipalityAndNeverVerifies() {
		long other = this.fixtures.municipality("Liège", "BE");
		long third = this.fixtures.municipality("Lyon", "FR");
		assertThat(save("/agreements/new", AccountTestSupport.OFFICER_DARKHAN, "Not ours", other, third)).hasStatus(403);
		assertThat(save("/agreements/new", AccountTestSupport.OFFICER_DARKHAN, "Proposal", this.darkhan, other))
			.hasStatus3xxRedirection();
		long id = this.jdbc.sql("SELECT id FROM agreements WHERE title = 'Proposal'").query(Long.class).single();
		assertThat(count("id = ? AND verified_at IS NULL AND proposed_by_account_id IS NOT NULL", id)).isEqualTo(1);
		assertThat(this.mvc.get().uri("/agreements/" + id)).bodyText().contains("Unverified");
		assertThat(this.mvc.post().uri("/agreements/" + id + "/verify").with(csrf()).with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/agreements/unverified").with(as(AccountTestSupport.OFFICER_DARKHAN))).hasStatus(403);
		assertThat(this.mvc.post().uri("/agreements/" + id + "/verify").with(csrf())).hasStatus3xxRedirection()
			.redirectedUrl().contains("/login");
		assertThat(this.mvc.post().uri("/agreements/new").with(csrf()).param("title", "Anonymous"))
			.hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.get().uri("/agreements/new")).hasStatus3xxRedirection();
		assertThat(count("id = ? AND verified_at IS NULL", id)).isEqualTo(1);
		assertThatThrownBy(() -> this.agreements.verify(id, new Actor(9L, Actor.Role.OFFICER, this.darkhan, null), "x"))
			.isInstanceOf(AccessDeniedException.class);
		// Staff verify it, in bulk from the list of unverified agreements.
		assertThat(this.mvc.get().uri("/agreements/unverified").with(as(AccountTestSupport.STAFF_CEMR))).hasStatusOk()
			.bodyText().contains("Proposal");
		assertThat(this.mvc.post().uri("/agreements/unverified").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("ids", String.valueOf(id), "nonsense")).hasStatus3xxRedirection();
		assertThat(count("id = ? AND verified_at IS NOT NULL", id)).isEqualTo(1);
	}

	@Test
	void thePartyPickerWorksWithoutJavaScriptAndKeepsEveryOtherValue() {
		assertThat(this.mvc.post().uri("/agreements/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("type", "FRIENDSHIP").param("title", "Picked").param("status", "DRAFT").param("version", "0")
			.param("partySearch", "Darkhan").param("action", "search").param("notes", "Keep me")).hasStatusOk()
			.bodyText()
			.contains("Add", "Darkhan", "Keep me", "Picked");
		assertThat(this.mvc.post().uri("/agreements/new").with(csrf()).with(as(AccountTestSupport.STAFF_CEMR))
			.param("type", "FRIENDSHIP").param("title", "Picked").param("status", "DRAFT").param("version", "0")
			.param("addParty", String.valueOf(this.darkhan))).hasStatusOk().body().asString()
			.contains("name=\"partyIds\" value=\"" + this.darkhan + "\"", "Remove Darkhan");
	}

	@Test
	void badInputsNeverFail() {
		assertThat(this.mvc.get().uri("/agreements/abc")).hasStatus(404);
		assertThat(this.mvc.get().uri("/agreements/99999999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/agreements/-1")).hasStatus(404);
		assertThat(this.mvc.get().uri("/agreements/12345678901234567890123")).hasStatus(404);
		assertThat(this.mvc.get().uri("/agreements?page=-1&size=100000&from=abc&to=20x&country=ZZ&type=X&status=Y&theme=Q&sort=up&pair_a=EU_MEMBER"))
			.hasStatusOk().bodyText().contains("Unknown country: <bdi lang=\"\">ZZ</bdi>", "Not a year: <bdi lang=\"\">abc</bdi>");
		long a = this.fixtures.municipality("Tirana", "AL");
		long b = this.fixtures.municipality("Sarajevo", "BA");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "x".repeat(100_000), a, b)).hasStatusOk()
			.bodyText().contains("at most 300 characters");
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "<script>alert(1)</script>", a, b)
			.param("eventId", "999999").param("themes", "NOPE")).hasStatusOk();
		assertThat(save("/agreements/new", AccountTestSupport.STAFF_CEMR, "Bad date", a, b).param("signedOn", "yesterday"))
			.hasStatusOk().bodyText().contains("not in the expected format");
	}

	@Test
	void theListFiltersByCountryPairCountryTypeYearAndVerification() {
		long bonn = this.fixtures.municipality("Bonn", "DE");
		long ub = this.fixtures.municipality("Ulaanbaatar", "MN");
		long ghent = this.fixtures.municipality("Ghent", "BE");
		long mn = this.fixtures.agreement(AgreementType.SISTER_CITY, "ACTIVE", bonn, ub);
		long eu = this.fixtures.agreement(AgreementType.SISTER_CITY, "ACTIVE", bonn, ghent);
		this.jdbc.sql("UPDATE agreements SET title = 'Pair MN', signed_on = '1990-06-01' WHERE id = ?").param(mn).update();
		this.jdbc.sql("UPDATE agreements SET title = 'Pair EU', signed_on = '2010-06-01', verified_at = now(), verified_by_account_id = 1 WHERE id = ?")
			.param(eu).update();
		assertThat(this.mvc.get().uri("/agreements?pair_a=EU_MEMBER&pair_b=MN&size=100")).bodyText().contains("Pair MN")
			.doesNotContain("Pair EU");
		assertThat(this.mvc.get().uri("/agreements?pair_a=MN&pair_b=EU_MEMBER&size=100")).bodyText().contains("Pair MN");
		assertThat(this.mvc.get().uri("/agreements?country=BE&size=100")).bodyText().contains("Pair EU").doesNotContain("Pair MN");
		assertThat(this.mvc.get().uri("/agreements?from=2000&to=2020&size=100")).bodyText().contains("Pair EU")
			.doesNotContain("Pair MN");
		assertThat(this.mvc.get().uri("/agreements?verified=1&size=100")).bodyText().contains("Pair EU").doesNotContain("Pair MN");
		assertThat(this.mvc.get().uri("/agreements?type=MEMORANDUM&country=BE")).bodyText().contains("No agreement matches");
		assertThat(this.mvc.get().uri("/agreements/" + mn)).bodyText().contains("Pair EU", "Bonn");
		assertThat(this.mvc.get().uri("/municipalities/" + bonn)).bodyText().contains("Pair MN", "Pair EU");
	}

	@Test
	void aDraftOpenedForAnotherFeatureIsAnUnverifiedProposalOfAPartysOfficerAndNeverASecondOne() {
		long aarhus = this.fixtures.municipality("Aarhus", "DK");
		long bonn = this.fixtures.municipality("Bonn", "DE");
		Actor officer = ((Actor.Source) this.users.loadUserByUsername(AccountTestSupport.OFFICER_DARKHAN)).actor();
		assertThatThrownBy(() -> this.agreements.registerDraft(
				new Agreements.Draft(AgreementType.SISTER_CITY, java.util.Set.of(aarhus, bonn), List.of(), null), officer, "test"))
			.isInstanceOf(AccessDeniedException.class);

		Agreements.Registration first = this.agreements.registerDraft(new Agreements.Draft(AgreementType.SISTER_CITY,
				java.util.Set.of(this.darkhan, aarhus), List.of("WATER_SANITATION", "SMART_CITY"), "  TAIEX  "), officer, "test");
		assertThat(first.added()).isTrue();
		assertThat(this.jdbc.sql("""
				SELECT title || '|' || status || '|' || funding_used || '|' || (verified_at IS NULL) || '|' || source
				FROM agreements WHERE id = ?
				""").param(first.agreementId()).query(String.class).single())
			.startsWith("Aarhus ").endsWith(" – Darkhan|DRAFT|TAIEX|true|MANUAL");
		assertThat(this.jdbc.sql("SELECT theme_code FROM agreement_themes WHERE agreement_id = ? ORDER BY 1")
			.param(first.agreementId()).query(String.class).list()).containsExactly("SMART_CITY", "WATER_SANITATION");
		assertThat(this.mvc.get().uri("/agreements/" + first.agreementId() + "/edit").with(as(AccountTestSupport.OFFICER_DARKHAN)))
			.as("the proposing officer may complete it until staff verify it").hasStatusOk();

		Agreements.Registration again = this.agreements.registerDraft(new Agreements.Draft(AgreementType.SISTER_CITY,
				java.util.Set.of(aarhus, this.darkhan), List.of(), null), officer, "test");
		assertThat(again.alreadyPresent()).isTrue();
		assertThat(again.agreementId()).isEqualTo(first.agreementId());
		assertThat(count("party_key = ARRAY[?, ?]::bigint[]", Math.min(aarhus, this.darkhan), Math.max(aarhus, this.darkhan)))
			.isEqualTo(1);

		this.jdbc.sql("UPDATE agreements SET status = 'ENDED' WHERE id = ?").param(first.agreementId()).update();
		assertThat(this.agreements.registerDraft(new Agreements.Draft(AgreementType.SISTER_CITY,
				java.util.Set.of(aarhus, this.darkhan), List.of(), null), officer, "test").added()).isTrue();
	}

	@Test
	void theDemoPartnershipsLoadOnceWithTheirSource() {
		this.context.getBean(AgreementDemoData.class).load();
		this.context.getBean(AgreementDemoData.class).load();
		long zeitz = AccountTestSupport.municipalityId(this.context, ZEITZ);
		assertThat(count("party_key = ARRAY[?, ?]::bigint[] AND source = 'PUBLIC_LIST' AND status = 'ACTIVE' AND verified_at IS NULL",
				Math.min(zeitz, this.darkhan), Math.max(zeitz, this.darkhan))).isEqualTo(1);
		long id = this.jdbc.sql("SELECT id FROM agreements WHERE party_key = ARRAY[?, ?]::bigint[]")
			.params(Math.min(zeitz, this.darkhan), Math.max(zeitz, this.darkhan)).query(Long.class).single();
		assertThat(this.mvc.get().uri("/agreements/" + id)).bodyText()
			.contains("Partnership list from Wikipedia contributors, CC BY-SA 4.0", "Zeitz, Germany – Darkhan, Mongolia");
		assertThat(this.mvc.get().uri("/agreements?pair_a=EU_MEMBER&pair_b=MN")).bodyText()
			.contains("<span translate=\"no\">Bonn</span> – <span translate=\"no\">Ulaanbaatar</span>", "<span translate=\"no\">Darkhan</span> – <span translate=\"no\">Kaposvár</span>",
					"<span translate=\"no\">Erdenet</span> – <span translate=\"no\">Székesfehérvár</span>");
	}
}
