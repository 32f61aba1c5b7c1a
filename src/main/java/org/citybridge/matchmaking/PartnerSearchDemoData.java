package org.citybridge.matchmaking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two open partner searches, marked as demonstration (issue 24): Ghent's for a CERV Networks of Towns
 * application on energy, and Niš's (a NALAS member) on digital services for a town-twinning
 * project; each open for 60 days from the day it is loaded. Loads each once, by title; a search
 * whose municipality or instrument is missing is left out.
 */
@Service
public class PartnerSearchDemoData {

	record DemoSearch(long authorGeonamesId, String title, String idea, String instrumentSlug, int needed,
			List<String> themes, List<String> groups, String[] languages) {
	}

	static final List<DemoSearch> SEARCHES = List.of(
			new DemoSearch(2797656L, "Local energy communities: a network of towns (demonstration)",
					"Demonstration data. Ghent looks for towns to build a CERV Networks of Towns application on citizen-led "
							+ "energy communities: neighbourhood solar cooperatives, energy coaching for households, and "
							+ "school projects on saving energy. Partners bring their own experience of involving citizens.",
					"cerv-networks-of-towns", 3, List.of("ENERGY_CLIMATE", "EDUCATION_YOUTH", "SMART_CITY"),
					List.of("EU_MEMBER", "CANDIDATE", "PARTNER"), new String[] { "en", "fr" }),
			new DemoSearch(787657L, "Digital services for citizens of twinned towns (demonstration)",
					"Demonstration data. Niš, a member of NALAS through its national association, looks for towns to "
							+ "exchange how small administrations move services online, with meetings of citizens of "
							+ "the twinned towns on both sides.",
					"cerv-town-twinning", 2, List.of("DIGITAL_SERVICES", "LOCAL_ECONOMY", "GOVERNANCE"),
					List.of("EU_MEMBER", "CANDIDATE", "POTENTIAL_CANDIDATE"), new String[] { "sr", "en" }));

	private final JdbcClient jdbc;

	private final Clock clock;

	PartnerSearchDemoData(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	public void load() {
		for (DemoSearch demo : SEARCHES) {
			boolean present = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM partner_searches WHERE title = ?)")
				.param(demo.title()).query(Boolean.class).single();
			Long municipality = this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?")
				.param(demo.authorGeonamesId()).query(Long.class).optional().orElse(null);
			Long instrument = this.jdbc.sql("SELECT id FROM funding_instruments WHERE slug = ?")
				.param(demo.instrumentSlug()).query(Long.class).optional().orElse(null);
			if (present || municipality == null || instrument == null) {
				continue;
			}
			var expires = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).plusDays(60).atTime(23, 59)
				.toInstant(ZoneOffset.UTC);
			long id = this.jdbc.sql("""
					INSERT INTO partner_searches (municipality_id, title, idea, instrument_id, partners_needed,
					       working_languages, expires_at, example)
					VALUES (?, ?, ?, ?, ?, ?, ?, true) RETURNING id
					""").params(municipality, demo.title(), demo.idea(), instrument, demo.needed(), demo.languages(),
					Timestamp.from(expires))
				.query(Long.class).single();
			for (String theme : demo.themes()) {
				this.jdbc.sql("INSERT INTO partner_search_themes (search_id, theme_code) VALUES (?, ?)").params(id, theme).update();
			}
			for (String group : demo.groups()) {
				this.jdbc.sql("INSERT INTO partner_search_groups (search_id, country_group) VALUES (?, ?)").params(id, group)
					.update();
			}
		}
	}
}
