package org.citybridge.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Networks a municipality might join: those that admit municipalities, work in a region that
 * contains its country, and work on a theme the municipality offers or seeks, and that it has not
 * joined. Each comes with its reason: the region, and the themes in common. A network whose
 * region or themes staff have not entered is never suggested: the portal does not guess.
 */
@Service
@Transactional(readOnly = true)
public class NetworkSuggestions {

	static final int LIMIT = 5;

	/** A network to suggest, and why: the region containing the country, the shared themes. */
	public record Suggestion(long organisationId, String name, String shortName, OrganisationKind kind, String region,
			String countryCode, List<String> soughtThemes, List<String> offeredThemes) {

		public String label() {
			return this.shortName != null ? this.shortName + " – " + this.name : this.name;
		}

		int strength() {
			return 2 * this.soughtThemes.size() + this.offeredThemes.size();
		}
	}

	private record Candidate(long id, String name, String shortName, OrganisationKind kind, String region, List<String> themes) {
	}

	private final JdbcClient jdbc;

	NetworkSuggestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Suggestion> forMunicipality(long municipalityId) {
		String country = this.jdbc.sql("SELECT country_code FROM municipalities WHERE id = ?")
			.param(municipalityId)
			.query(String.class)
			.optional()
			.orElse(null);
		if (country == null) {
			return List.of();
		}
		Set<String> offers = themes("municipality_offered_themes", municipalityId);
		Set<String> seeks = themes("municipality_sought_themes", municipalityId);
		List<Candidate> candidates = this.jdbc.sql("""
				SELECT o.id, o.name, o.short_name, o.kind, o.region,
				       ARRAY(SELECT t.theme_code FROM organisation_themes t JOIN themes th ON th.code = t.theme_code
				             WHERE t.organisation_id = o.id ORDER BY th.position)
				FROM organisations o
				WHERE o.admits IS DISTINCT FROM 'ASSOCIATIONS' AND o.region IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM organisation_members m WHERE m.organisation_id = o.id AND m.municipality_id = ?)
				""").param(municipalityId).query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3),
				OrganisationKind.valueOf(rs.getString(4)), rs.getString(5), List.of((String[]) rs.getArray(6).getArray())))
			.list();
		List<Suggestion> suggestions = new ArrayList<>();
		for (Candidate c : candidates) {
			if (!NetworkRegions.contains(c.region(), country)) {
				continue;
			}
			List<String> sought = c.themes().stream().filter(seeks::contains).toList();
			List<String> offered = c.themes().stream().filter(offers::contains).filter(t -> !sought.contains(t)).toList();
			if (sought.isEmpty() && offered.isEmpty()) {
				continue;
			}
			suggestions.add(new Suggestion(c.id(), c.name(), c.shortName(), c.kind(), c.region(), country, sought, offered));
		}
		suggestions.sort(Comparator.comparingInt(Suggestion::strength).reversed()
			.thenComparing(s -> s.label().toLowerCase(java.util.Locale.ROOT)));
		return List.copyOf(suggestions.subList(0, Math.min(LIMIT, suggestions.size())));
	}

	private Set<String> themes(String table, long municipalityId) {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT theme_code FROM " + table + " WHERE municipality_id = ?")
			.param(municipalityId)
			.query(String.class)
			.list());
	}
}
