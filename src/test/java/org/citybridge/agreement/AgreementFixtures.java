package org.citybridge.agreement;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Municipalities and agreements for tests, written straight to PostgreSQL. */
public final class AgreementFixtures {

	private final JdbcClient jdbc;

	public AgreementFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new municipality with a unique name in the given country. */
	public long municipality(String name, String country) {
		return this.jdbc.sql("""
				INSERT INTO municipalities (name, country_code, kind, latitude, longitude)
				VALUES (?, ?, 'TOWN', 47.5, 19.0) RETURNING id
				""").params(name + " " + UUID.randomUUID().toString().substring(0, 8), country)
			.query(Long.class)
			.single();
	}

	public long agreement(AgreementType type, String status, Long... parties) {
		return this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key) VALUES (?, 'Test agreement', ?, ?) RETURNING id
				""").params(type.name(), status, parties).query(Long.class).single();
	}
}
