package org.citybridge.agreement;

import java.util.List;
import java.util.Set;

import org.citybridge.IntegrationTest;
import org.citybridge.system.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API the partnership import calls: added, or already present, never a second agreement. */
@IntegrationTest
class AgreementsApiIT {

	@Autowired
	Agreements agreements;

	@Autowired
	JdbcClient jdbc;

	AgreementFixtures fixtures;

	long zeitz;

	long darkhan;

	@BeforeEach
	void setUp() {
		this.fixtures = new AgreementFixtures(this.jdbc);
		this.zeitz = this.fixtures.municipality("Zeitz", "DE");
		this.darkhan = this.fixtures.municipality("Darkhan", "MN");
	}

	@Test
	void registersAPairFromThePublicListOnceWhateverTheOrderOfItsParties() {
		Agreements.Registration first = this.agreements.registerFromPublicList(AgreementType.SISTER_CITY,
				Set.of(this.zeitz, this.darkhan), AgreementSource.wikipedia("Zeitz, Germany – Darkhan, Mongolia"));
		Agreements.Registration again = this.agreements.registerFromPublicList(AgreementType.SISTER_CITY,
				Set.of(this.darkhan, this.zeitz), AgreementSource.wikipedia("Darkhan, Mongolia – Zeitz, Germany"));
		assertThat(first.added()).isTrue();
		assertThat(again.alreadyPresent()).isTrue();
		assertThat(again.agreementId()).isEqualTo(first.agreementId());
		assertThat(this.jdbc.sql("""
				SELECT status || ' ' || source || ' ' || (verified_at IS NULL) || ' ' || source_attribution
				FROM agreements WHERE id = ?""").param(first.agreementId()).query(String.class).single())
			.isEqualTo("ACTIVE PUBLIC_LIST true Partnership list from Wikipedia contributors, CC BY-SA 4.0");
		assertThat(this.jdbc.sql("SELECT count(*) FROM agreement_parties WHERE agreement_id = ?")
			.param(first.agreementId()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void registersAListAtOnceAsOneByOneWithTitlesAuditEntriesAndNoSecondAgreement() {
		long kaposvar = this.fixtures.municipality("Kaposvár", "HU");
		long erdenet = this.fixtures.municipality("Erdenet", "MN");
		long present = this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(this.zeitz, this.darkhan),
				AgreementSource.wikipedia("Zeitz – Darkhan")).agreementId();
		List<Agreements.Registration> done = this.agreements.registerAllFromPublicList(AgreementType.SISTER_CITY,
				List.of(new Agreements.Listed(Set.of(this.darkhan, kaposvar), AgreementSource.wikipedia("Kaposvár – Darkhan")),
						new Agreements.Listed(Set.of(this.darkhan, this.zeitz), AgreementSource.wikipedia("Darkhan – Zeitz")),
						new Agreements.Listed(Set.of(kaposvar, this.darkhan), AgreementSource.wikipedia("Darkhan – Kaposvár")),
						new Agreements.Listed(Set.of(erdenet, kaposvar), AgreementSource.csvUpload("own.csv", "Erdenet – Kaposvár"))),
				null, null);
		assertThat(done).extracting(Agreements.Registration::added).containsExactly(true, false, false, true);
		assertThat(done.get(1).agreementId()).isEqualTo(present);
		assertThat(done.get(2).agreementId()).isEqualTo(done.get(0).agreementId());
		long added = done.get(0).agreementId();
		// the same row as a registration one by one: title in name order, active, unverified, its source
		assertThat(this.jdbc.sql("""
				SELECT status || ' ' || source || ' ' || (verified_at IS NULL) || ' ' || source_record
				FROM agreements WHERE id = ?""").param(added).query(String.class).single())
			.isEqualTo("ACTIVE PUBLIC_LIST true Kaposvár – Darkhan");
		assertThat(this.jdbc.sql("SELECT title FROM agreements WHERE id = ?").param(added).query(String.class).single())
			.isEqualTo(this.jdbc.sql("SELECT string_agg(name, ' – ' ORDER BY name, id) FROM municipalities WHERE id IN (?, ?)")
				.params(this.darkhan, kaposvar).query(String.class).single());
		assertThat(this.jdbc.sql("SELECT count(*) FROM agreement_parties WHERE agreement_id = ?").param(added)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT source FROM agreements WHERE id = ?").param(done.get(3).agreementId())
			.query(String.class).single()).isEqualTo("CSV_UPLOAD");
		for (long id : new long[] { added, done.get(3).agreementId() }) {
			assertThat(this.jdbc.sql("""
					SELECT action || ' ' || actor_label || ' ' || (changes -> 'title' ->> 'after')
					FROM audit_entries WHERE entity_type = 'agreement' AND entity_id = ?""").param(String.valueOf(id))
				.query(String.class).list()).hasSize(1).first().asString().startsWith("CREATE system ");
		}
		Actor officer = new Actor(5L, Actor.Role.OFFICER, this.darkhan, null);
		assertThatThrownBy(() -> this.agreements.registerAllFromPublicList(AgreementType.SISTER_CITY,
				List.of(new Agreements.Listed(Set.of(erdenet, this.zeitz), AgreementSource.wikipedia("x"))), officer, "officer"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.agreements.registerAllFromPublicList(AgreementType.SISTER_CITY,
				List.of(new Agreements.Listed(Set.of(erdenet, 999_999_999L), AgreementSource.wikipedia("x"))), null, null))
			.isInstanceOf(UnknownMunicipality.class);
	}

	@Autowired
	org.citybridge.municipality.MunicipalityRecords records;

	@Test
	void aMergeOfTwoMunicipalityRecordsMovesTheirAgreementsToTheKeptOne() {
		long darhan = this.fixtures.municipality("Darhan", "MN");
		long id = this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(this.zeitz, darhan),
				AgreementSource.wikipedia("Zeitz – Darhan")).agreementId();
		this.records.merge(this.darkhan, darhan);
		assertThat(this.jdbc.sql("SELECT municipality_id FROM agreement_parties WHERE agreement_id = ? ORDER BY 1")
			.param(id).query(Long.class).list()).containsExactlyInAnyOrder(this.zeitz, this.darkhan);
		assertThat(this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(this.darkhan, this.zeitz),
				AgreementSource.wikipedia("Darkhan – Zeitz")).agreementId()).isEqualTo(id);
	}

	@Test
	void refusesAnUnknownMunicipality() {
		assertThatThrownBy(() -> this.agreements.registerFromPublicList(AgreementType.SISTER_CITY,
				Set.of(this.zeitz, 999_999_999L), AgreementSource.wikipedia("x")))
			.isInstanceOf(UnknownMunicipality.class);
	}

	@Test
	void verifiesForStaffOnly() {
		long id = this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(this.zeitz, this.darkhan),
				AgreementSource.wikipedia("x")).agreementId();
		Actor officer = new Actor(5L, Actor.Role.OFFICER, this.darkhan, null);
		assertThatThrownBy(() -> this.agreements.verify(id, officer, "officer"))
			.isInstanceOf(AccessDeniedException.class);
		Actor staff = new Actor(7L, Actor.Role.STAFF, null, 1L);
		assertThat(this.agreements.verify(id, staff, "staff")).isTrue();
		assertThat(this.agreements.verify(id, staff, "staff")).isFalse();
		assertThat(this.jdbc.sql("SELECT verified_by_account_id FROM agreements WHERE id = ?").param(id)
			.query(Long.class).single()).isEqualTo(7L);
	}
}
