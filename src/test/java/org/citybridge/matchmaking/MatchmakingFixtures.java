package org.citybridge.matchmaking;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Municipalities, networks and agreements made for one test: a neutral candidate has no themes,
 * no population, no languages, no networks and is not seeking partners, so a fixture that differs
 * in one signal differs in nothing else.
 */
final class MatchmakingFixtures {

	private final JdbcClient jdbc;

	MatchmakingFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A municipality; themes and languages as lists, population may be null. */
	record Place(String country, String kind, Integer population, List<String> languages, List<String> offers,
			List<String> seeks, boolean seeking) {

		static Place neutral(String country) {
			return new Place(country, "TOWN", null, List.of(), List.of(), List.of(), false);
		}

		Place kind(String value) {
			return new Place(this.country, value, this.population, this.languages, this.offers, this.seeks, this.seeking);
		}

		Place population(Integer value) {
			return new Place(this.country, this.kind, value, this.languages, this.offers, this.seeks, this.seeking);
		}

		Place languages(String... value) {
			return new Place(this.country, this.kind, this.population, List.of(value), this.offers, this.seeks, this.seeking);
		}

		Place offers(String... value) {
			return new Place(this.country, this.kind, this.population, this.languages, List.of(value), this.seeks, this.seeking);
		}

		Place seeks(String... value) {
			return new Place(this.country, this.kind, this.population, this.languages, this.offers, List.of(value), this.seeking);
		}

		Place lookingForPartners() {
			return new Place(this.country, this.kind, this.population, this.languages, this.offers, this.seeks, true);
		}
	}

	long municipality(String name, Place place) {
		long id = this.jdbc.sql("""
				INSERT INTO municipalities (name, country_code, kind, population, working_languages, seeking_partners)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id
				""").params(name, place.country(), place.kind(), place.population(), place.languages().toArray(String[]::new),
				place.seeking()).query(Long.class).single();
		place.offers().forEach(t -> this.jdbc
			.sql("INSERT INTO municipality_offered_themes (municipality_id, theme_code) VALUES (?, ?)").params(id, t).update());
		place.seeks().forEach(t -> this.jdbc
			.sql("INSERT INTO municipality_sought_themes (municipality_id, theme_code) VALUES (?, ?)").params(id, t).update());
		return id;
	}

	long network(long... members) {
		String name = "Network " + UUID.randomUUID();
		long id = this.jdbc.sql("INSERT INTO organisations (name, short_name, kind) VALUES (?, ?, 'THEMATIC') RETURNING id")
			.params(name, name.substring(0, 20))
			.query(Long.class)
			.single();
		for (long member : members) {
			this.jdbc.sql("INSERT INTO organisation_members (organisation_id, municipality_id) VALUES (?, ?)")
				.params(id, member)
				.update();
		}
		return id;
	}

	long agreement(String status, long... parties) {
		Long[] key = java.util.Arrays.stream(parties).boxed().toArray(Long[]::new);
		return this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key) VALUES ('SISTER_CITY', 'Test agreement', ?, ?) RETURNING id
				""").params(status, key).query(Long.class).single();
	}
}
