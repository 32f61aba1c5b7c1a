package org.citybridge.country;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the country reference data. */
@Service
@Transactional(readOnly = true)
public class Countries {

	private final JdbcClient jdbc;

	Countries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Country> all() {
		return this.jdbc.sql("SELECT code, numeric_code, country_group FROM countries ORDER BY code")
			.query((rs, n) -> new Country(rs.getString(1), rs.getString(2), CountryGroup.valueOf(rs.getString(3))))
			.list();
	}

	public Optional<Country> byCode(String code) {
		return this.jdbc.sql("SELECT code, numeric_code, country_group FROM countries WHERE code = ?")
			.param(code)
			.query((rs, n) -> new Country(rs.getString(1), rs.getString(2), CountryGroup.valueOf(rs.getString(3))))
			.optional();
	}
}
