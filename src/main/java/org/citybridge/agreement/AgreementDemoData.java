package org.citybridge.agreement;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The real partnerships between demo municipalities, from Wikipedia's lists of twin towns
 * ({@code demo/agreements.csv}): sister-city agreements, active, unverified, with their source.
 * Idempotent: a pair already in the register is left as it is (the duplicate rule says so).
 */
@Component
public class AgreementDemoData {

	private final Agreements agreements;

	private final JdbcClient jdbc;

	AgreementDemoData(Agreements agreements, JdbcClient jdbc) {
		this.agreements = agreements;
		this.jdbc = jdbc;
	}

	/** Loads the pairs whose municipalities are both there; returns how many were added. */
	@Transactional
	public int load() {
		int added = 0;
		try (Reader reader = new InputStreamReader(new ClassPathResource("demo/agreements.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			CSVFormat format = CSVFormat.DEFAULT.builder()
				.setCommentMarker('#')
				.setHeader()
				.setSkipHeaderRecord(true)
				.get();
			for (CSVRecord row : format.parse(reader)) {
				Long a = municipality(row.get("geonames_id_1"));
				Long b = municipality(row.get("geonames_id_2"));
				if (a == null || b == null || a.equals(b)) {
					continue;
				}
				String record = row.get("city1") + ", " + row.get("country1") + " – " + row.get("city2") + ", "
						+ row.get("country2");
				if (this.agreements.registerFromPublicList(AgreementType.SISTER_CITY, Set.of(a, b),
						AgreementSource.wikipedia(record)).added()) {
					added++;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("demo/agreements.csv cannot be read", ex);
		}
		return added;
	}

	private Long municipality(String geonamesId) {
		return this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?")
			.param(Long.parseLong(geonamesId.strip()))
			.query(Long.class)
			.optional()
			.orElse(null);
	}
}
