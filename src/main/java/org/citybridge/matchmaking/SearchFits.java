package org.citybridge.matchmaking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.citybridge.funding.FundingFinder;
import org.citybridge.matchmaking.searches.Interest;
import org.citybridge.matchmaking.searches.PartnerSearch;
import org.citybridge.matchmaking.searches.SearchReads;
import org.citybridge.system.DisplayNames;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which open partner searches fit a municipality best, and which municipalities fit a search best,
 * with reasons, scored with the partner suggestions' weights ({@link SuggestionWeights}): each theme
 * the municipality offers that the search seeks counts as complementarity, each theme both seek as a
 * shared theme; the country group the search asks for, being eligible for the instrument it aims at
 * (the funding finder's country rules) and a common working language count as the suggestions'
 * network, funding and language signals. A search or municipality without a theme or group in common
 * is not listed.
 */
@Service
@Transactional(readOnly = true)
public class SearchFits {

	/** A search that fits, its score and its reasons in the reader's language. */
	public record Fit(PartnerSearch search, double score, List<String> reasons) {
	}

	/** A municipality that fits a search and has not expressed interest yet. */
	public record Candidate(long id, String name, String countryCode, double score, List<String> reasons) {
	}

	/** What the scoring reads of a municipality. */
	private record Profile(long id, String name, String countryCode, String group, Set<String> offers, Set<String> seeks,
			Set<String> languages) {
	}

	private final SearchReads reads;

	private final JdbcClient jdbc;

	private final FundingFinder finder;

	private final MessageSource messages;

	private final DisplayNames names;

	private final Clock clock;

	private final SuggestionWeights weights = SuggestionWeights.DEFAULT;

	SearchFits(SearchReads reads, JdbcClient jdbc, FundingFinder finder, MessageSource messages, DisplayNames names,
			Optional<Clock> clock) {
		this.reads = reads;
		this.jdbc = jdbc;
		this.finder = finder;
		this.messages = messages;
		this.names = names;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The open searches that fit the municipality best, at most {@code limit}, best first: not its own
	 * and not those it has expressed interest in already.
	 */
	public List<Fit> forMunicipality(long municipalityId, int limit, Locale locale) {
		Map<Long, Profile> profiles = profiles(List.of(municipalityId));
		Profile self = profiles.get(municipalityId);
		if (self == null) {
			return List.of();
		}
		Instant now = this.clock.instant();
		Set<Long> interested = new HashSet<>(this.jdbc
			.sql("SELECT search_id FROM partner_search_interests WHERE municipality_id = ?").param(municipalityId)
			.query(Long.class).list());
		List<Fit> fits = new ArrayList<>();
		for (PartnerSearch search : this.reads.open(now)) {
			if (Long.valueOf(municipalityId).equals(search.municipalityId()) || interested.contains(search.id())) {
				continue;
			}
			boolean eligible = search.instrumentId() != null
					&& this.finder.countingFor(search.instrumentId(), List.of(municipalityId)).contains(municipalityId);
			Points scored = score(search, self, eligible, locale);
			if (scored != null) {
				fits.add(new Fit(search, scored.points, scored.reasons));
			}
		}
		return fits.stream().sorted(Comparator.comparingDouble(Fit::score).reversed()
			.thenComparing(f -> f.search().expiresAt())).limit(limit).toList();
	}

	/**
	 * The municipalities with an active officer that fit the search best and have not expressed
	 * interest, at most {@code limit}, best first; never its author.
	 */
	public List<Candidate> forSearch(PartnerSearch search, List<Interest> interests, int limit, Locale locale) {
		Set<Long> excluded = interests.stream().map(Interest::municipalityId).collect(Collectors.toSet());
		if (search.municipalityId() != null) {
			excluded.add(search.municipalityId());
		}
		List<Long> officered = this.jdbc.sql("""
				SELECT DISTINCT municipality_id FROM accounts
				WHERE role = 'OFFICER' AND enabled AND deleted_at IS NULL AND municipality_id IS NOT NULL
				""").query(Long.class).list().stream().filter(id -> !excluded.contains(id)).toList();
		Map<Long, Profile> profiles = profiles(officered);
		Set<Long> eligible = search.instrumentId() == null ? Set.of()
				: this.finder.countingFor(search.instrumentId(), profiles.keySet());
		List<Candidate> candidates = new ArrayList<>();
		for (Profile p : profiles.values()) {
			Points scored = score(search, p, eligible.contains(p.id()), locale);
			if (scored != null) {
				candidates.add(new Candidate(p.id(), p.name(), p.countryCode(), scored.points, scored.reasons));
			}
		}
		return candidates.stream().sorted(Comparator.comparingDouble(Candidate::score).reversed()
			.thenComparing(Candidate::name)).limit(limit).toList();
	}

	private record Points(double points, List<String> reasons) {
	}

	private Points score(PartnerSearch search, Profile p, boolean eligible, Locale locale) {
		double points = 0;
		List<String> reasons = new ArrayList<>();
		List<String> offered = search.themes().stream().filter(p.offers()::contains).toList();
		List<String> shared = search.themes().stream().filter(p.seeks()::contains).toList();
		boolean group = search.groups().contains(p.group());
		boolean country = search.countries().contains(p.countryCode());
		if (offered.isEmpty() && shared.isEmpty() && !group && !country) {
			return null;
		}
		if (!offered.isEmpty()) {
			points += this.weights.complementarity() * offered.size();
			reasons.add(msg("search.fit.offers", locale, themes(offered, locale)));
		}
		if (!shared.isEmpty()) {
			points += this.weights.sharedTheme() * shared.size();
			reasons.add(msg("search.fit.shared", locale, themes(shared, locale)));
		}
		if (group) {
			points += this.weights.network();
			reasons.add(msg("search.fit.group", locale, msg("funding.group.plural." + p.group(), locale)));
		}
		if (country) {
			points += this.weights.network();
			reasons.add(msg("search.fit.country", locale, this.names.country(p.countryCode(), locale)));
		}
		if (eligible) {
			points += this.weights.funding();
			reasons.add(msg("search.fit.eligible", locale));
		}
		List<String> languages = search.languages().stream().filter(p.languages()::contains).toList();
		if (!languages.isEmpty()) {
			points += this.weights.language();
			reasons.add(msg("search.fit.language", locale, languages.stream().map(l -> this.names.language(l, locale))
				.collect(Collectors.joining(", "))));
		}
		return new Points(points, reasons);
	}

	private String themes(List<String> codes, Locale locale) {
		return codes.stream().map(c -> msg("theme." + c, locale)).collect(Collectors.joining(", "));
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

	/** The municipalities' countries, groups, themes and languages: one statement. */
	private Map<Long, Profile> profiles(Collection<Long> ids) {
		Map<Long, Profile> profiles = new HashMap<>();
		if (ids.isEmpty()) {
			return profiles;
		}
		this.jdbc.sql("""
				SELECT m.id, m.name, m.country_code, c.country_group,
				       ARRAY(SELECT theme_code FROM municipality_offered_themes o WHERE o.municipality_id = m.id) AS offers,
				       ARRAY(SELECT theme_code FROM municipality_sought_themes s WHERE s.municipality_id = m.id) AS seeks,
				       m.working_languages
				FROM municipalities m JOIN countries c ON c.code = m.country_code WHERE m.id IN (:ids)
				""").param("ids", List.copyOf(ids))
			.query((rs, n) -> new Profile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					new HashSet<>(List.of((String[]) rs.getArray(5).getArray())), new HashSet<>(List.of((String[]) rs.getArray(6).getArray())),
					new HashSet<>(List.of((String[]) rs.getArray(7).getArray()))))
			.list()
			.forEach(p -> profiles.put(p.id(), p));
		return profiles;
	}
}
