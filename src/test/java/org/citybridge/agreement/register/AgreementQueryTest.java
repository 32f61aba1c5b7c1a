package org.citybridge.agreement.register;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's query string: what is understood is used, the rest is named and ignored. */
class AgreementQueryTest {

	static final Set<String> COUNTRIES = Set.of("MN", "DE", "BE");

	static final Set<String> THEMES = Set.of("HEALTH");

	static AgreementQuery of(AgreementParams params) {
		return AgreementQuery.of(params, COUNTRIES, THEMES);
	}

	@Test
	void readsACountryGroupPairAndKeepsItInThePageLinks() {
		AgreementQuery q = of(new AgreementParams(List.of("mn"), "eu_member", "MN", List.of("health"),
				List.of("sister_city"), List.of("ACTIVE"), "1990", "2025", "1", "title", "2", "50", null, null));
		assertThat(q.problems()).isEmpty();
		assertThat(q.pairA()).isEqualTo("EU_MEMBER");
		assertThat(AgreementQuery.isGroup(q.pairA())).isTrue();
		assertThat(AgreementQuery.isGroup(q.pairB())).isFalse();
		assertThat(q.href(3)).isEqualTo("/agreements?country=MN&pair_a=EU_MEMBER&pair_b=MN&theme=HEALTH&type=SISTER_CITY"
				+ "&status=ACTIVE&from=1990&to=2025&verified=1&sort=title&size=50&page=3");
	}

	@Test
	void clampsPagesAndSizesAndNamesWhatItDidNotUnderstand() {
		AgreementQuery q = of(new AgreementParams(List.of("ZZ"), "MN", null, List.of("X"), List.of("NOPE"),
				List.of("GONE"), "abc", "99999", null, "sideways", "-4", "100000", null, null));
		assertThat(q.page()).isEqualTo(1);
		assertThat(q.size()).isEqualTo(AgreementQuery.MAX_SIZE);
		assertThat(q.filtered()).isFalse();
		assertThat(q.problems()).extracting(AgreementQuery.Problem::key)
			.contains("agreement.filter.problem.country", "agreement.filter.problem.pair",
					"agreement.filter.problem.theme", "agreement.filter.problem.type",
					"agreement.filter.problem.status", "agreement.filter.problem.from", "agreement.filter.problem.to",
					"agreement.filter.problem.sort");
	}

	@Test
	void refusesAYearRangeThatRunsBackwards() {
		AgreementQuery q = of(new AgreementParams(null, null, null, null, null, null, "2020", "2010", null, null, null,
				null, null, null));
		assertThat(q.fromYear()).isNull();
		assertThat(q.problems()).extracting(AgreementQuery.Problem::key).containsExactly("agreement.filter.problem.years");
	}

	@Test
	void aPickerPressAddsOrRemovesAPartyAndKeepsTheRest() {
		AgreementForm form = new AgreementForm(AgreementType.FRIENDSHIP, List.of(1L), "Zeitz", "Title", null, "Bonn",
				null, List.of("HEALTH"), AgreementStatus.DRAFT, null, "EU", "Notes", 3, null, 2L, null, null);
		AgreementForm added = form.picked();
		assertThat(added.parties()).containsExactly(1L, 2L);
		assertThat(added.partySearch()).isEmpty();
		assertThat(added.notes()).isEqualTo("Notes");
		assertThat(added.version()).isEqualTo(3);
		AgreementForm removed = new AgreementForm(AgreementType.FRIENDSHIP, List.of(1L, 2L), "", "Title", null, null,
				null, List.of(), AgreementStatus.DRAFT, null, null, null, 0, null, null, 1L, null).picked();
		assertThat(removed.parties()).containsExactly(2L);
	}

	@Test
	void aDocumentIsJudgedByItsContent() throws Exception {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> SignedDocument.of("a.pdf", "%PDF-1.4 not really".getBytes()))
			.hasMessage("agreement.error.document.notPdf");
		byte[] pdf = AgreementsIT.pdf();
		SignedDocument document = SignedDocument.of("C:\\scans\\signed \"copy\"", pdf);
		assertThat(document.fileName()).isEqualTo("signed copy.pdf");
		assertThat(document.sha256()).hasSize(64);
	}
}
