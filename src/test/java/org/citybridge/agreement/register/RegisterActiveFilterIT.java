package org.citybridge.agreement.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.citybridge.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register's "active in the last N years" filter with the portal's clock fixed, on PostgreSQL:
 * the signature or an activity's last day within the years up to the clock's day, whatever the
 * database's own date.
 */
@IntegrationTest
class RegisterActiveFilterIT {

	static final long BASE = 990_760_000L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegisterOptions options;

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM agreements WHERE id IN (SELECT agreement_id FROM agreement_parties p"
				+ " JOIN municipalities m ON m.id = p.municipality_id WHERE m.geonames_id >= ? AND m.geonames_id < ?)")
			.params(BASE, BASE + 100).update();
		this.jdbc.sql("DELETE FROM municipalities WHERE geonames_id >= ? AND geonames_id < ?").params(BASE, BASE + 100).update();
	}

	@Test
	void countsBackFromTheClocksDayNotTheDatabases() {
		long a = place(1, "Erdenet (register test)", "MN");
		long b = place(2, "Szeged (register test)", "HU");
		long signed = agreement("Signed two years ago", a, b, "2016-05-10");
		long other = agreement("Busy partners", a, place(3, "Pécs (register test)", "HU"), "2001-01-01");
		this.jdbc.sql("INSERT INTO agreement_activities (agreement_id, kind, title, starts_on, ends_on)"
				+ " VALUES (?, 'JOINT_PROJECT', 'Water', DATE '2017-01-01', DATE '2018-05-10')").param(other).update();
		// Years before the database's today: what counts is the clock's day, to the day.
		assertThat(found(LocalDate.of(2018, 5, 10))).contains(signed, other);
		assertThat(found(LocalDate.of(2018, 5, 11))).contains(other).doesNotContain(signed);
		assertThat(found(LocalDate.of(2020, 5, 10))).contains(other).doesNotContain(signed);
		assertThat(found(LocalDate.of(2020, 5, 11))).doesNotContain(signed, other);
	}

	/** Ids on the first page of "active in the last 2 years", newest in the register first. */
	List<Long> found(LocalDate today) {
		AgreementCatalogue catalogue = new AgreementCatalogue(this.jdbc, this.options,
				Clock.fixed(today.atTime(23, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
		AgreementParams params = new AgreementParams(null, null, null, null, null, null, null, null, null, "recent",
				null, "100", "2", null);
		return catalogue.register(params).results().items().stream().map(AgreementCatalogue.Listed::id).toList();
	}

	long place(long n, String name, String country) {
		return this.jdbc.sql("INSERT INTO municipalities (name, country_code, kind, geonames_id) VALUES (?, ?, 'TOWN', ?) RETURNING id")
			.params(name, country, BASE + n)
			.query(Long.class)
			.single();
	}

	long agreement(String title, long a, long b, String signed) {
		return this.jdbc.sql("INSERT INTO agreements (type, title, status, party_key, signed_on)"
				+ " VALUES ('SISTER_CITY', ?, 'ACTIVE', ARRAY[?, ?]::bigint[], CAST(? AS date)) RETURNING id")
			.params(title, Math.min(a, b), Math.max(a, b), signed)
			.query(Long.class)
			.single();
	}
}
