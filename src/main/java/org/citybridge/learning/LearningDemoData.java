package org.citybridge.learning;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demonstration training programme and two demonstration case studies (one published, one
 * waiting for approval), each marked "(demo)" in its title: they show the pages, and state nothing
 * about any real programme or city project. The published one is linked to one agreement of its
 * cities. Loads after municipalities, networks, accounts and agreements;
 * idempotent (a title already there is left alone).
 */
@Service
public class LearningDemoData {

	static final String PROGRAMME = "Introduction to EU cooperation for local officials (demo)";

	static final String PUBLISHED = "Sharing a partnership request template between cities (demo)";

	static final String PENDING = "Keeping a municipal partner register (demo)";

	private final JdbcClient jdbc;

	LearningDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void load() {
		ZoneId brussels = ZoneId.of("Europe/Brussels");
		ZonedDateTime starts = LocalDate.now(brussels).plusDays(45).atTime(9, 30).atZone(brussels);
		this.jdbc.sql("""
				INSERT INTO training_programmes (title, topic, format, language, starts_at, ends_at, time_zone, seats, provider,
				                                 description, organisation_id)
				SELECT ?, 'EU_POLICIES', 'ONLINE', 'en', ?, ?, 'Europe/Brussels', 25, 'CityBridge demonstration',
				       'A demonstration programme: it shows how staff publish training and officers enrol.',
				       (SELECT id FROM organisations WHERE short_name = 'CEMR')
				WHERE NOT EXISTS (SELECT 1 FROM training_programmes WHERE title = ?)
				""").params(PROGRAMME, Timestamp.from(starts.toInstant()), Timestamp.from(starts.plusHours(3).toInstant()),
				PROGRAMME).update();
		caseStudy(PUBLISHED, "How two demo cities reuse one request template.", """
				## What was done

				This is **demonstration text**. It shows how a case study reads: a short account, a list, and a link.

				- a template for the first letter
				- a shared list of themes

				See the [directory](https://citybridge.example/municipalities).
				""", true, "officer.darkhan@citybridge.example", new long[] { 2031964L, 2797656L }, "GOVERNANCE");
		caseStudy(PENDING, "A demo case study waiting for approval.", "Demonstration text, waiting for staff approval.",
				false, "officer.ghent@citybridge.example", new long[] { 2797656L }, "DIGITAL_SERVICES");
	}

	private void caseStudy(String title, String summary, String body, boolean published, String author,
			long[] geonamesIds, String theme) {
		Long id = this.jdbc.sql("""
				INSERT INTO case_studies (title, summary, body, language, status, published_at, author_account_id, keywords)
				SELECT ?, ?, ?, 'en', ?, CASE WHEN ? THEN now() END,
				       (SELECT id FROM accounts WHERE lower(email) = lower(?)), ''
				WHERE NOT EXISTS (SELECT 1 FROM case_studies WHERE title = ?)
				RETURNING id
				""").params(title, summary, body, (published ? CaseStudyStatus.PUBLISHED : CaseStudyStatus.PENDING).name(), published, author, title)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return;
		}
		this.jdbc.sql("INSERT INTO case_study_themes (case_study_id, theme_code) VALUES (?, ?)").params(id, theme).update();
		for (long geonamesId : geonamesIds) {
			this.jdbc.sql("""
					INSERT INTO case_study_municipalities (case_study_id, municipality_id)
					SELECT ?, id FROM municipalities WHERE geonames_id = ? ON CONFLICT DO NOTHING
					""").params(id, geonamesId).update();
		}
		if (published) {
			// Linked to one agreement of its municipalities, so that the agreement's page shows it.
			this.jdbc.sql("""
					INSERT INTO case_study_agreements (case_study_id, agreement_id)
					SELECT ?, a.id FROM agreements a WHERE EXISTS (SELECT 1 FROM agreement_parties p
					    JOIN case_study_municipalities cm ON cm.municipality_id = p.municipality_id AND cm.case_study_id = ?
					    WHERE p.agreement_id = a.id)
					ORDER BY lower(a.title), a.id LIMIT 1
					""").params(id, id).update();
		}
		this.jdbc.sql("""
				UPDATE case_studies cs SET keywords = coalesce((SELECT string_agg(concat_ws(' ', m.name, m.native_name), ' ')
				    FROM case_study_municipalities cm JOIN municipalities m ON m.id = cm.municipality_id
				    WHERE cm.case_study_id = cs.id), '') WHERE cs.id = ?
				""").param(id).update();
	}
}
