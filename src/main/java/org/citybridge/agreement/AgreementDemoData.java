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
		activities();
		return added;
	}

	/** A demonstration activity of the partnership between two demo municipalities (GeoNames ids). */
	private record DemoActivity(long a, long b, String kind, String title, String startsOn, String endsOn,
			Integer participants, String theme, long place, String funding, String outcome) {
	}

	/**
	 * What the partners did, for the real Mongolia–EU partnerships: invented, and marked as
	 * demonstration values (the pages and the open data say so). Dimitrovgrad–Darkhan's only
	 * activity is years old, so it shows on staff's "dormant?" list; Darkhan–Kaposvár has none, for
	 * the check-in journey. Idempotent: an activity already there (by title) is left alone.
	 */
	private void activities() {
		long darkhan = 2031964L;
		long ulaanbaatar = 2028462L;
		long erdenet = 2031405L;
		java.util.List<DemoActivity> demo = java.util.List.of(
				new DemoActivity(2946447L, ulaanbaatar, "JOINT_PROJECT", "Air quality monitoring in the ger districts",
						"2023-09-12", "2024-06-30", 25, "ENVIRONMENT", ulaanbaatar, "City budgets of Bonn and Ulaanbaatar",
						"Twelve sensors installed and a public air quality map run by the city."),
				new DemoActivity(2946447L, ulaanbaatar, "TRAINING", "Training on waste separation for district officers",
						"2025-03-03", "2025-03-07", 18, "WASTE", 2946447L, null,
						"A separation pilot planned for two districts of Ulaanbaatar."),
				new DemoActivity(2804922L, darkhan, "EXCHANGE_VISIT", "Youth exchange between Zeitz and Darkhan",
						"2024-07-15", "2024-07-25", 30, "EDUCATION_YOUTH", 2804922L, null,
						"Thirty pupils and four teachers; a return visit planned."),
				new DemoActivity(3044774L, erdenet, "TECHNICAL_ASSISTANCE", "Technical assistance on district heating",
						"2025-04-01", "2025-10-31", 6, "ENERGY_CLIMATE", erdenet, null,
						"A plan to renew the heating network of two districts."),
				new DemoActivity(732263L, darkhan, "JOINT_EVENT", "Days of Bulgarian culture in Darkhan", "2019-06-10",
						"2019-06-12", 120, "CULTURE_HERITAGE", darkhan, null, "Concerts and an exhibition."));
		for (DemoActivity activity : demo) {
			Long a = municipality(String.valueOf(activity.a()));
			Long b = municipality(String.valueOf(activity.b()));
			Long place = municipality(String.valueOf(activity.place()));
			if (a == null || b == null) {
				continue;
			}
			Long agreement = this.jdbc.sql("""
					SELECT id FROM agreements WHERE party_key = ARRAY[?, ?]::bigint[] AND status <> 'ENDED' ORDER BY id LIMIT 1
					""").params(Math.min(a, b), Math.max(a, b)).query(Long.class).optional().orElse(null);
			if (agreement == null) {
				continue;
			}
			Long id = this.jdbc.sql("""
					INSERT INTO agreement_activities (agreement_id, kind, title, starts_on, ends_on, participants, funding_text,
					    outcome, place_municipality_id, language, demo)
					SELECT ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, 'en', true
					WHERE NOT EXISTS (SELECT 1 FROM agreement_activities WHERE agreement_id = ? AND title = ?)
					RETURNING id
					""").params(agreement, activity.kind(), activity.title(), activity.startsOn(), activity.endsOn(),
					activity.participants(), activity.funding(), activity.outcome(), place, agreement, activity.title())
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id != null) {
				this.jdbc.sql("INSERT INTO agreement_activity_themes (activity_id, theme_code) VALUES (?, ?)")
					.params(id, activity.theme())
					.update();
			}
		}
	}

	private Long municipality(String geonamesId) {
		return this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?")
			.param(Long.parseLong(geonamesId.strip()))
			.query(Long.class)
			.optional()
			.orElse(null);
	}
}
