package org.citybridge.agreement.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citybridge.municipality.NameKeys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matches one side of a listed partnership (a city name, an English country name, approximate
 * coordinates) to a municipality of the directory, many sides at a time: the country name gives
 * ISO codes, each spelling of the name gives the directory search's keys, one set-based query per
 * batch finds every municipality of those countries with one of those keys, and distance from the
 * row's coordinates decides. A side with no exact key near enough gets a second, spatial chance:
 * places within {@value #FUZZY_KM} km whose key is similar enough (trigram similarity), which
 * catches {@code Ulaanbaatar} for GeoNames' {@code Ulan Bator}. Read-only.
 */
@Component
record PartnershipMatcher(JdbcClient jdbc, CountryNames countries) {

	/** A candidate farther than this from the row's coordinates is not the place meant. */
	static final double MAX_KM = 30;

	static final double FUZZY_KM = 15;

	/** A region farther than this from the row's coordinates (its own point, where Natural Earth labels it) is not meant. */
	static final double REGION_KM = 300;

	/** Row coordinates this near a region's seat are the seat's: the row names the city. */
	static final double SEAT_KM = 8;

	/** A place this large within this distance of a row's coordinates is what the row means, not a region. */
	static final double CITY_KM = 5;

	/** A town of a region's name this large (or a capital, or a seat) is what a row of that name means. */
	static final int TOWN_POPULATION = 10_000;

	static final double MIN_SIMILARITY = 0.45;

	/**
	 * Coordinates with no place of the side's country within about this distance, and places of
	 * another, are another country's: the list geocoded the name to a namesake abroad.
	 */
	static final double ELSEWHERE_KM = 100;

	static final int BATCH = 4_000;

	/** One side of a listed pair, as the list gives it. */
	record Side(String name, String country, Double latitude, Double longitude) {

		boolean located() {
			return this.latitude != null && this.longitude != null;
		}
	}

	enum Outcome {
		MATCHED, AMBIGUOUS, UNMATCHED
	}

	enum Reason {
		/** The country name means no country of the directory. */
		UNKNOWN_COUNTRY,
		/** No name at all. */
		NO_NAME,
		/** No municipality of the country has this name (or a similar one nearby). */
		NO_SUCH_NAME,
		/** Municipalities of this name exist in the country, all farther than 30 km. */
		TOO_FAR,
		/** Several municipalities of this name lie near the coordinates (ambiguous). */
		SEVERAL_CANDIDATES,
		/** Both sides are the same municipality. */
		SAME_PLACE,
		/** Staff chose the municipality in the review list. */
		DECIDED,
		/**
		 * Matched although far from the row's coordinates: the only place of that name in the
		 * country, and the coordinates are another country's or a region's centre.
		 */
		COORDINATES_ELSEWHERE
	}

	/** A municipality a side may mean, with its distance from the row's coordinates (null when unknown). */
	record Candidate(long id, String name, String countryCode, String kind, Long districtOf, Long geonamesId,
			Double latitude, Double longitude, Double distanceKm) {
	}

	/** How one side ended: the municipality, or the candidates to choose from, or why none. */
	record SideMatch(Outcome outcome, Reason reason, Candidate match, List<Candidate> candidates, String spelling,
			boolean fuzzy) {

		static SideMatch matched(Candidate c, String spelling, boolean fuzzy) {
			return new SideMatch(Outcome.MATCHED, null, c, List.of(c), spelling, fuzzy);
		}

		static SideMatch unmatched(Reason reason, List<Candidate> near) {
			return new SideMatch(Outcome.UNMATCHED, reason, null, near, null, false);
		}
	}

	/**
	 * Matches the sides, in batches; {@code decisions} maps a side's (name, country) to the
	 * municipality staff chose for it earlier. Returns one result per side, in order.
	 */
	List<SideMatch> match(List<Side> sides, Map<Side, Long> decisions, java.util.function.IntConsumer progress) {
		List<SideMatch> results = new ArrayList<>(sides.size());
		for (int from = 0; from < sides.size(); from += BATCH) {
			List<Side> batch = sides.subList(from, Math.min(sides.size(), from + BATCH));
			results.addAll(matchBatch(batch, decisions));
			progress.accept(from + batch.size());
		}
		return results;
	}

	private record Probe(int side, int spelling, String key, String countries, double lat, double lng, boolean located) {
	}

	/** The probes' side, spelling, key and countries as the parallel arrays each look-up unnests. */
	private record ProbeColumns(Integer[] side, Integer[] spelling, String[] key, String[] countries) {

		static ProbeColumns of(List<Probe> probes) {
			int n = probes.size();
			ProbeColumns c = new ProbeColumns(new Integer[n], new Integer[n], new String[n], new String[n]);
			for (int i = 0; i < n; i++) {
				Probe p = probes.get(i);
				c.side[i] = p.side();
				c.spelling[i] = p.spelling();
				c.key[i] = p.key();
				c.countries[i] = p.countries();
			}
			return c;
		}
	}

	private List<SideMatch> matchBatch(List<Side> sides, Map<Side, Long> decisions) {
		SideMatch[] results = new SideMatch[sides.size()];
		List<PlaceName> names = new ArrayList<>(sides.size());
		List<Probe> probes = new ArrayList<>();
		Map<Integer, Long> decided = new HashMap<>();
		for (int i = 0; i < sides.size(); i++) {
			Side side = sides.get(i);
			Set<String> codes = this.countries.codes(side.country());
			PlaceName name = PlaceName.of(side.name()).withKnownSpellings(codes);
			names.add(name);
			Long decision = decisions.get(new Side(side.name(), side.country(), null, null));
			if (decision != null) {
				decided.put(i, decision);
			}
			else if (name.spellings().isEmpty()) {
				results[i] = SideMatch.unmatched(Reason.NO_NAME, List.of());
			}
			else if (codes.isEmpty()) {
				results[i] = SideMatch.unmatched(Reason.UNKNOWN_COUNTRY, List.of());
			}
			else {
				String countryList = String.join(",", codes);
				for (int s = 0; s < name.spellings().size(); s++) {
					for (String key : NameKeys.of(name.spellings().get(s).name())) {
						probes.add(new Probe(i, s, key, countryList, side.located() ? side.latitude() : 0,
								side.located() ? side.longitude() : 0, side.located()));
					}
				}
			}
		}
		Map<Integer, Far> far = new HashMap<>();
		decide(sides, names, probes, exact(probes), results, far);
		fuzzy(sides, names, probes, results);
		// A row that names a first-level division is the region's before anything far away is taken.
		regions(sides, names, probes, results);
		elsewhere(sides, names, far, results);
		if (!decided.isEmpty()) {
			Map<Long, Candidate> chosen = byIds(new HashSet<>(decided.values()));
			decided.forEach((i, id) -> {
				Candidate c = chosen.get(id);
				Side side = sides.get(i);
				if (c == null) {
					results[i] = SideMatch.unmatched(Reason.NO_SUCH_NAME, List.of());
				}
				else {
					Candidate withDistance = new Candidate(c.id(), c.name(), c.countryCode(), c.kind(), c.districtOf(),
							c.geonamesId(), c.latitude(), c.longitude(), distance(side, c.latitude(), c.longitude()));
					results[i] = new SideMatch(Outcome.MATCHED, Reason.DECIDED, withDistance, List.of(withDistance),
							names.get(i).spellings().isEmpty() ? side.name() : names.get(i).spellings().get(0).name(), false);
				}
			});
		}
		for (int i = 0; i < results.length; i++) {
			if (results[i] == null) {
				results[i] = SideMatch.unmatched(Reason.NO_SUCH_NAME, List.of());
			}
		}
		return List.of(results);
	}

	/** Every municipality of the side's countries having one of the keys (regions aside): (side, spelling) → candidates. */
	private Map<Long, Map<Long, Candidate>> exact(List<Probe> probes) {
		Map<Long, Map<Long, Candidate>> found = new HashMap<>();
		if (probes.isEmpty()) {
			return found;
		}
		ProbeColumns columns = ProbeColumns.of(probes);
		this.jdbc.sql("""
				WITH s AS (SELECT * FROM unnest(?::int[], ?::int[], ?::text[], ?::text[]) AS s (side, spelling, key, countries))
				SELECT DISTINCT s.side, s.spelling, m.id, m.name, m.country_code, m.kind, m.district_of, m.geonames_id,
				    m.latitude::float8, m.longitude::float8
				FROM s
				JOIN municipality_search_keys k ON k.key = s.key
				JOIN municipalities m ON m.id = k.municipality_id AND m.country_code = ANY (string_to_array(s.countries, ','))
				    AND m.kind <> 'REGION'
				""").params(columns.side(), columns.spelling(), columns.key(), columns.countries()).query(rs -> {
			long slot = slot(rs.getInt(1), rs.getInt(2));
			Candidate c = candidate(rs, 3);
			found.computeIfAbsent(slot, k -> new LinkedHashMap<>()).put(c.id(), c);
		});
		return found;
	}

	private static long slot(int side, int spelling) {
		return ((long) side << 16) | spelling;
	}

	private static Candidate candidate(java.sql.ResultSet rs, int from) throws java.sql.SQLException {
		long districtOf = rs.getLong(from + 4);
		Long district = rs.wasNull() ? null : districtOf;
		long geonames = rs.getLong(from + 5);
		Long geonamesId = rs.wasNull() ? null : geonames;
		double lat = rs.getDouble(from + 6);
		Double latitude = rs.wasNull() ? null : lat;
		double lng = rs.getDouble(from + 7);
		Double longitude = rs.wasNull() ? null : lng;
		return new Candidate(rs.getLong(from), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3),
				district, geonamesId, latitude, longitude, null);
	}

	private void decide(List<Side> sides, List<PlaceName> names, List<Probe> probes,
			Map<Long, Map<Long, Candidate>> found, SideMatch[] results, Map<Integer, Far> far) {
		Set<Integer> probed = new HashSet<>();
		for (Probe p : probes) {
			probed.add(p.side());
		}
		for (int i : probed) {
			Side side = sides.get(i);
			PlaceName name = names.get(i);
			boolean tooFar = false;
			for (int s = 0; s < name.spellings().size(); s++) {
				Map<Long, Candidate> cs = found.get(slot(i, s));
				if (cs == null || cs.isEmpty()) {
					continue;
				}
				List<Candidate> all = withDistances(side, cs.values());
				List<Candidate> near = side.located()
						? all.stream().filter(c -> c.distanceKm() != null && c.distanceKm() <= MAX_KM).toList() : all;
				near = withoutDistrictsOfOthers(near);
				String spelling = name.spellings().get(s).listed();
				if (near.size() == 1) {
					results[i] = SideMatch.matched(near.get(0), spelling, false);
					break;
				}
				if (near.size() > 1) {
					Candidate first = near.get(0);
					Candidate second = near.get(1);
					if (side.located() && first.distanceKm() != null && second.distanceKm() != null
							&& second.distanceKm() >= 2 * first.distanceKm() + 10) {
						results[i] = SideMatch.matched(first, spelling, false);
					}
					else {
						results[i] = new SideMatch(Outcome.AMBIGUOUS, Reason.SEVERAL_CANDIDATES, null,
								near.stream().limit(8).toList(), spelling, false);
					}
					break;
				}
				tooFar = true;
				far.computeIfAbsent(i, k -> new Far(new LinkedHashMap<>())).bySpelling().put(s, all);
				if (results[i] == null) {
					results[i] = SideMatch.unmatched(Reason.TOO_FAR, all.stream().limit(3).toList());
				}
			}
			if (results[i] == null && !tooFar) {
				results[i] = SideMatch.unmatched(Reason.NO_SUCH_NAME, List.of());
			}
		}
	}

	/** Whether a side is still open for the region step: no place of its name near, or none at all. */
	private static boolean open(SideMatch result) {
		return result == null || (result.outcome() == Outcome.UNMATCHED
				&& (result.reason() == Reason.NO_SUCH_NAME || result.reason() == Reason.TOO_FAR));
	}

	/**
	 * The region step (issue 22): a side that no town, village or district matched, and whose name is
	 * that of exactly one first-level division of its country (Selenge, Khövsgöl, Uvs, Orkhon), means
	 * that region, unless the row more likely means a town: a town of the name that counts (a capital, a
	 * seat, or {@value #TOWN_POPULATION} inhabitants or more) exists in the country, however far (Puebla,
	 * Veracruz, Niigata: the lists name cities), or the row's coordinates lie within {@value #SEAT_KM} km
	 * of the region's seat (Gomel: the city GeoNames spells Homyel'). The coordinates, when given, must
	 * lie within {@value #REGION_KM} km of the region's own point. A wrong match is worse than none.
	 */
	private void regions(List<Side> sides, List<PlaceName> names, List<Probe> probes, SideMatch[] results) {
		List<Probe> open = probes.stream()
			.filter(p -> open(results[p.side()]) && !names.get(p.side()).qualified())
			.toList();
		if (open.isEmpty()) {
			return;
		}
		int n = open.size();
		ProbeColumns columns = ProbeColumns.of(open);
		Double[] lat = new Double[n];
		Double[] lng = new Double[n];
		for (int i = 0; i < n; i++) {
			Probe p = open.get(i);
			lat[i] = p.located() ? p.lat() : null;
			lng[i] = p.located() ? p.lng() : null;
		}
		record Hit(int spelling, Candidate region, boolean town, Double[] seatLat, Double[] seatLng, String[] seatNames) {
		}
		Map<Integer, List<Hit>> found = new HashMap<>();
		double dLat = CITY_KM / 111.0;
		this.jdbc.sql("""
				WITH s AS (SELECT * FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::float8[], ?::float8[])
				    AS s (side, spelling, key, countries, lat, lng)),
				r AS (SELECT s.side, s.spelling, s.key, s.lat, s.lng, m.id, m.name, m.country_code, m.kind, m.district_of,
				    m.geonames_id, m.latitude, m.longitude, m.admin1_code
				    FROM s JOIN municipality_search_keys k ON k.key = s.key
				    JOIN municipalities m ON m.id = k.municipality_id AND m.kind = 'REGION'
				        AND m.country_code = ANY (string_to_array(s.countries, ',')))
				SELECT r.side, r.spelling, r.id, r.name, r.country_code, r.kind, r.district_of, r.geonames_id,
				    r.latitude::float8, r.longitude::float8,
				    -- a town of the name that counts, anywhere in the country; or a large place at the coordinates
				    EXISTS (SELECT 1 FROM municipality_search_keys tk JOIN municipalities t ON t.id = tk.municipality_id
				        WHERE tk.key = r.key AND t.country_code = r.country_code AND t.kind <> 'REGION'
				          AND (t.population >= ? OR t.kind IN ('CAPITAL', 'REGIONAL_CENTRE')))
				    OR (r.lat IS NOT NULL AND EXISTS (SELECT 1 FROM municipalities t WHERE t.country_code = r.country_code
				        AND t.kind <> 'REGION' AND t.population >= ?
				        AND t.latitude BETWEEN (r.lat - ?)::numeric AND (r.lat + ?)::numeric
				        AND t.longitude BETWEEN (r.lng - ? / greatest(0.05, cos(radians(r.lat))))::numeric
				            AND (r.lng + ? / greatest(0.05, cos(radians(r.lat))))::numeric)) AS town,
				    ARRAY(SELECT t.latitude::float8 FROM seats t WHERE t.country_code = r.country_code AND t.admin1_code = r.admin1_code ORDER BY t.id),
				    ARRAY(SELECT t.longitude::float8 FROM seats t WHERE t.country_code = r.country_code AND t.admin1_code = r.admin1_code ORDER BY t.id),
				    ARRAY(SELECT t.name FROM seats t WHERE t.country_code = r.country_code AND t.admin1_code = r.admin1_code ORDER BY t.id)
				FROM r
				""".replace("FROM seats t WHERE", """
				FROM municipalities t WHERE t.kind <> 'REGION' AND t.latitude IS NOT NULL
				    AND (t.feature_code IN ('PPLA', 'PPLC') OR (t.feature_code IS NULL AND t.kind IN ('REGIONAL_CENTRE', 'CAPITAL')))
				    AND""")).params(columns.side(), columns.spelling(), columns.key(), columns.countries(), lat, lng, TOWN_POPULATION, TOWN_POPULATION, dLat, dLat, dLat, dLat)
			.query(rs -> {
				found.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Hit(rs.getInt(2), candidate(rs, 3),
						rs.getBoolean(11), (Double[]) rs.getArray(12).getArray(), (Double[]) rs.getArray(13).getArray(),
						(String[]) rs.getArray(14).getArray()));
			});
		found.forEach((i, hits) -> {
			Side s = sides.get(i);
			Set<Long> regionIds = new HashSet<>();
			hits.forEach(h -> regionIds.add(h.region().id()));
			if (regionIds.size() != 1 || hits.stream().anyMatch(Hit::town)) {
				return;
			}
			Hit hit = hits.get(0);
			Candidate c = withDistances(s, List.of(hit.region())).get(0);
			if (s.located() && (c.distanceKm() == null || c.distanceKm() > REGION_KM)) {
				return;
			}
			String named = names.get(i).spellings().get(hit.spelling()).name();
			String plain = lettersOf(named);
			for (int j = 0; j < hit.seatLat().length; j++) {
				Double d = distance(s, hit.seatLat()[j], hit.seatLng()[j]);
				// The seat at the coordinates, or a seat named like the row (Fukui-shi, Al Minyā): the row means the city.
				if ((d != null && d <= SEAT_KM) || (plain.length() >= 3 && lettersOf(hit.seatNames()[j]).contains(plain))) {
					return;
				}
			}
			results[i] = SideMatch.matched(c, named, false);
		});
	}

	/** Letters only, lower case, without accents: for "is the seat named like the row". */
	private static String lettersOf(String name) {
		return java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]", "");
	}

	/** A district of a city that is itself a candidate is the same place: keep the city. */
	private static List<Candidate> withoutDistrictsOfOthers(List<Candidate> candidates) {
		if (candidates.size() < 2) {
			return candidates;
		}
		Set<Long> ids = new HashSet<>();
		candidates.forEach(c -> ids.add(c.id()));
		return candidates.stream().filter(c -> c.districtOf() == null || !ids.contains(c.districtOf())).toList();
	}

	private static List<Candidate> withDistances(Side side, java.util.Collection<Candidate> cs) {
		return cs.stream()
			.map(c -> new Candidate(c.id(), c.name(), c.countryCode(), c.kind(), c.districtOf(), c.geonamesId(),
					c.latitude(), c.longitude(), distance(side, c.latitude(), c.longitude())))
			.sorted(Comparator.comparing(Candidate::distanceKm, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Candidate::id))
			.toList();
	}

	/** Places near the coordinates with a similar key, for sides the exact keys did not settle. */
	private void fuzzy(List<Side> sides, List<PlaceName> names, List<Probe> probes, SideMatch[] results) {
		List<Probe> open = probes.stream()
			.filter(p -> p.located() && (results[p.side()] == null || results[p.side()].outcome() == Outcome.UNMATCHED))
			.toList();
		if (open.isEmpty()) {
			return;
		}
		int n = open.size();
		ProbeColumns columns = ProbeColumns.of(open);
		Double[] minLat = new Double[n];
		Double[] maxLat = new Double[n];
		Double[] minLng = new Double[n];
		Double[] maxLng = new Double[n];
		double dLat = FUZZY_KM / 111.0;
		for (int i = 0; i < n; i++) {
			Probe p = open.get(i);
			double dLng = dLat / Math.max(0.05, Math.cos(Math.toRadians(p.lat())));
			minLat[i] = p.lat() - dLat;
			maxLat[i] = p.lat() + dLat;
			minLng[i] = p.lng() - dLng;
			maxLng[i] = p.lng() + dLng;
		}
		Map<Integer, List<Object[]>> found = new HashMap<>();
		// The places in each side's box are looked up once per side (its spellings' keys then compared
		// with theirs), the box compared as numeric, the columns' type, so that the (country,
		// latitude, longitude) index finds the box instead of filtering every place of the country.
		this.jdbc.sql("""
				WITH s AS (SELECT * FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::float8[], ?::float8[],
				    ?::float8[], ?::float8[]) AS s (side, spelling, key, countries, min_lat, max_lat, min_lng, max_lng)),
				box AS (SELECT side, countries, min_lat, max_lat, min_lng, max_lng, array_agg(spelling) AS spellings,
				    array_agg(key) AS keys FROM s GROUP BY side, countries, min_lat, max_lat, min_lng, max_lng)
				SELECT box.side, p.spelling, m.id, m.name, m.country_code, m.kind, m.district_of, m.geonames_id,
				    m.latitude::float8, m.longitude::float8, max(similarity(k.key, p.key)) AS similarity
				FROM box
				JOIN municipalities m ON m.country_code = ANY (string_to_array(box.countries, ','))
				    AND m.kind <> 'REGION'
				    AND m.latitude BETWEEN box.min_lat::numeric AND box.max_lat::numeric
				    AND m.longitude BETWEEN box.min_lng::numeric AND box.max_lng::numeric
				JOIN municipality_search_keys k ON k.municipality_id = m.id
				CROSS JOIN LATERAL unnest(box.spellings, box.keys) AS p (spelling, key)
				WHERE similarity(k.key, p.key) >= ? OR (length(p.key) >= 4 AND length(k.key) >= 4
				    AND (k.key LIKE p.key || '%' OR p.key LIKE k.key || '%'))
				GROUP BY box.side, p.spelling, m.id
				""").params(columns.side(), columns.spelling(), columns.key(), columns.countries(), minLat, maxLat, minLng, maxLng,
					MIN_SIMILARITY).query(rs -> {
			found.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
				.add(new Object[] { rs.getInt(2), candidate(rs, 3), rs.getDouble(11) });
		});
		found.forEach((i, hits) -> {
			Side s = sides.get(i);
			Object[] best = null;
			double bestScore = -1;
			for (Object[] hit : hits) {
				Candidate c = (Candidate) hit[1];
				Double d = distance(s, c.latitude(), c.longitude());
				if (d == null || d > FUZZY_KM) {
					continue;
				}
				// Similar names close by: spelling counts most, distance breaks near-ties.
				double score = (Double) hit[2] - d / 100;
				if (score > bestScore) {
					bestScore = score;
					best = new Object[] { hit[0], new Candidate(c.id(), c.name(), c.countryCode(), c.kind(), c.districtOf(),
							c.geonamesId(), c.latitude(), c.longitude(), d) };
				}
			}
			if (best != null) {
				results[i] = SideMatch.matched((Candidate) best[1], names.get(i).spellings().get((Integer) best[0]).listed(), true);
			}
		});
	}

	/** The places of a side's name found too far from its coordinates, by spelling (index). */
	private record Far(Map<Integer, List<Candidate>> bySpelling) {

		/** The distinct places found by the spellings that pass the test, with the first such spelling of each. */
		Map<Candidate, PlaceName.Spelling> found(PlaceName name, java.util.function.Predicate<PlaceName.Spelling> which) {
			Map<Long, Candidate> byId = new LinkedHashMap<>();
			Map<Candidate, PlaceName.Spelling> spelled = new LinkedHashMap<>();
			this.bySpelling.forEach((s, cs) -> {
				PlaceName.Spelling spelling = name.spellings().get(s);
				if (which.test(spelling)) {
					for (Candidate c : cs) {
						Candidate first = byId.computeIfAbsent(c.id(), k -> c);
						if (!spelled.containsKey(first) && plain(spelling.name()).equals(plain(c.name()))) {
							spelled.put(first, spelling);
						}
					}
				}
			});
			// Every place found counts against uniqueness; only those named as spelt may be the match.
			return byId.size() == 1 ? spelled : Map.of();
		}
	}

	/**
	 * Sides whose only place of that name in the country lies far from the row's coordinates, where
	 * those coordinates are not the city's: they lie in another country (no place of the side's
	 * countries within about {@value #ELSEWHERE_KM} km, places of another within it: {@code Perth
	 * (Scotland)} geocoded to Australia), or they are whole degrees, a country's or a region's
	 * centre ({@code Sebeş} at 46° N 25° E). The place's name must be the list's spelling itself
	 * (diacritics aside), not just share its search key. Where several places of the name exist,
	 * or the coordinates look like the city's, the side stays unmatched: the place meant may be one
	 * the directory lacks. A district named with its city ({@code Joniškis – Žagarė}) needs no
	 * coordinates: the only place of the district's name within {@value #MAX_KM} km of the only
	 * place of the city's name is the one meant.
	 */
	private void elsewhere(List<Side> sides, List<PlaceName> names, Map<Integer, Far> far, SideMatch[] results) {
		Map<Integer, Candidate> unique = new HashMap<>();
		Map<Integer, String> listed = new HashMap<>();
		Set<Integer> districts = new HashSet<>();
		far.forEach((i, f) -> {
			SideMatch r = results[i];
			if (r == null || r.outcome() != Outcome.UNMATCHED || r.reason() != Reason.TOO_FAR) {
				return;
			}
			PlaceName name = names.get(i);
			if (name.qualified()) {
				Map<Candidate, PlaceName.Spelling> district = f.found(name, PlaceName.Spelling::district);
				Map<Candidate, PlaceName.Spelling> city = f.found(name, s -> !s.district());
				if (district.size() == 1 && city.size() == 1) {
					Candidate d = district.keySet().iterator().next();
					Candidate c = city.keySet().iterator().next();
					Double km = c.latitude() == null || c.longitude() == null ? null
							: distance(new Side(c.name(), c.countryCode(), c.latitude(), c.longitude()), d.latitude(), d.longitude());
					if (km != null && km <= MAX_KM) {
						unique.put(i, d);
						listed.put(i, district.get(d).listed());
						districts.add(i);
					}
				}
				return;
			}
			Map<Candidate, PlaceName.Spelling> found = f.found(name, s -> true);
			if (found.size() == 1) {
				Map.Entry<Candidate, PlaceName.Spelling> e = found.entrySet().iterator().next();
				unique.put(i, e.getKey());
				listed.put(i, e.getValue().listed());
			}
		});
		if (unique.isEmpty()) {
			return;
		}
		List<Integer> box = unique.keySet().stream().filter(i -> !districts.contains(i) && !wholeDegrees(sides.get(i))).toList();
		Set<Integer> abroad = abroad(sides, box, unique);
		unique.forEach((i, c) -> {
			Side side = sides.get(i);
			if (districts.contains(i) || wholeDegrees(side) || abroad.contains(i)) {
				Candidate withDistance = new Candidate(c.id(), c.name(), c.countryCode(), c.kind(), c.districtOf(),
						c.geonamesId(), c.latitude(), c.longitude(), distance(side, c.latitude(), c.longitude()));
				results[i] = new SideMatch(Outcome.MATCHED, Reason.COORDINATES_ELSEWHERE, withDistance,
						List.of(withDistance), listed.get(i), false);
			}
		});
	}

	/** Of the given sides, those with places of other countries around their coordinates and none of the place's own. */
	private Set<Integer> abroad(List<Side> sides, List<Integer> which, Map<Integer, Candidate> unique) {
		Set<Integer> abroad = new HashSet<>();
		if (which.isEmpty()) {
			return abroad;
		}
		int n = which.size();
		Integer[] side = new Integer[n];
		String[] country = new String[n];
		Double[] minLat = new Double[n];
		Double[] maxLat = new Double[n];
		Double[] minLng = new Double[n];
		Double[] maxLng = new Double[n];
		double dLat = ELSEWHERE_KM / 111.0;
		for (int k = 0; k < n; k++) {
			Side s = sides.get(which.get(k));
			side[k] = which.get(k);
			country[k] = unique.get(which.get(k)).countryCode();
			double dLng = Math.min(180, dLat / Math.max(0.05, Math.cos(Math.toRadians(s.latitude()))));
			minLat[k] = s.latitude() - dLat;
			maxLat[k] = s.latitude() + dLat;
			minLng[k] = s.longitude() - dLng;
			maxLng[k] = s.longitude() + dLng;
		}
		this.jdbc.sql("""
				WITH s AS (SELECT * FROM unnest(?::int[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::float8[])
				    AS s (side, country, min_lat, max_lat, min_lng, max_lng))
				SELECT s.side FROM s
				JOIN municipalities m ON m.latitude BETWEEN s.min_lat::numeric AND s.max_lat::numeric
				    AND m.longitude BETWEEN s.min_lng::numeric AND s.max_lng::numeric
				GROUP BY s.side
				HAVING bool_and(m.country_code <> s.country)
				""").params(side, country, minLat, maxLat, minLng, maxLng).query(rs -> {
			abroad.add(rs.getInt(1));
		});
		return abroad;
	}

	private static boolean wholeDegrees(Side side) {
		return side.latitude() == Math.rint(side.latitude()) && side.longitude() == Math.rint(side.longitude());
	}

	/** A name without diacritics, case, spaces or punctuation: {@code Călăraşi} and {@code Călărași} are one. */
	static String plain(String name) {
		String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
	}

	private Map<Long, Candidate> byIds(Set<Long> ids) {
		Map<Long, Candidate> found = new HashMap<>();
		this.jdbc.sql("""
				SELECT m.id, m.name, m.country_code, m.kind, m.district_of, m.geonames_id, m.latitude::float8, m.longitude::float8
				FROM municipalities m WHERE m.id = ANY (?::bigint[])
				""").param(ids.toArray(Long[]::new)).query(rs -> {
			Candidate c = candidate(rs, 1);
			found.put(c.id(), c);
		});
		return found;
	}

	static Double distance(Side side, Double lat, Double lng) {
		if (!side.located() || lat == null || lng == null) {
			return null;
		}
		double p1 = Math.toRadians(side.latitude());
		double p2 = Math.toRadians(lat);
		double dp = p2 - p1;
		double dl = Math.toRadians(lng - side.longitude());
		double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 6371.0 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
	}
}
