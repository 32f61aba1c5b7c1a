package org.citybridge.matchmaking;

import org.citybridge.matchmaking.ranking.CandidateIndex;
import org.citybridge.matchmaking.ranking.RankingQuery;
import org.citybridge.matchmaking.ranking.Scored;
import org.citybridge.matchmaking.ranking.Snapshot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import com.ibm.icu.util.ULocale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.citybridge.CityBridgeApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the suggestions on real partnerships and times them over the whole directory; run by
 * {@code src/bench/matchmaking-eval.sh}, never by {@code mvn verify}. On a database with the
 * GeoNames directory it loads, once, the Wikipedia partnership pairs (a benchmark-only matcher:
 * nearest municipality within 30 km whose name is alike), seeded random themes, and one likely
 * working language per country (ICU's likely subtags). Then, for a seeded sample of
 * municipalities with at least three partnerships of which one abroad, it hides one foreign
 * partnership from every signal and reports where the hidden partner ranks: recall@20 and mean
 * reciprocal rank, beside a random order and the nearest population, over the same candidates.
 * Last, it times one page of suggestions against one sequential scan of the municipality table,
 * interleaved, and reports p95 of both and the heap each suggestion allocates.
 *
 * <p>Arguments: {@code <jdbc-url> <pairs.csv.gz> [sample] [seed] [all|eval|time|tune]}; {@code tune} searches
 * the weights of the informative signals on a sample disjoint from the evaluation's (see {@link #tune}).
 */
public final class MatchmakingEvaluation {

	private MatchmakingEvaluation() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		Path pairs = Path.of(args[1]);
		int sample = args.length > 2 ? Integer.parseInt(args[2]) : 300;
		String seed = args.length > 3 ? args[3] : "citybridge";
		String mode = args.length > 4 ? args[4] : "all";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CityBridgeApplication.class)
			.web(WebApplicationType.SERVLET)
			// Command-line arguments, since application.properties outranks builder defaults.
			.run("--server.port=0", "--spring.datasource.url=" + url, "--citybridge.demo.enabled=false", "--citybridge.public-url=http://localhost",
					"--citybridge.database.create-if-missing=false", "--logging.level.root=WARN")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			PartnerSuggestions suggestions = context.getBean(PartnerSuggestions.class);
			CandidateIndex index = context.getBean(CandidateIndex.class);
			prepare(jdbc, pairs);
			if (mode.equals("tune")) {
				tune(jdbc, suggestions, index, sample, seed);
				return;
			}
			if (!mode.equals("time")) {
				evaluate(jdbc, suggestions, index, sample, seed);
			}
			if (!mode.equals("eval")) {
				time(jdbc, suggestions, Math.max(100, sample / 2), seed);
			}
		}
	}

	static void prepare(JdbcClient jdbc, Path pairs) throws Exception {
		// The copy may hold the demo agreements; the pairs are loaded once, recognised by their source.
		long agreements = jdbc.sql("SELECT count(*) FROM agreements WHERE source_name LIKE '%benchmark matcher%'")
			.query(Long.class).single();
		if (agreements == 0) {
			long started = System.nanoTime();
			// A benchmark-only index for the matcher's bounding boxes; the portal itself has none.
			jdbc.sql("CREATE INDEX IF NOT EXISTS bench_municipalities_latitude_idx ON municipalities (latitude, longitude)").update();
			jdbc.sql("""
					CREATE TEMP TABLE pairs (city1 text, country1 text, lat1 numeric, lng1 numeric,
					                         city2 text, country2 text, lat2 numeric, lng2 numeric)
					""").update();
			int rows = 0;
			try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(pairs)),
					StandardCharsets.UTF_8))) {
				for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
					jdbc.sql("INSERT INTO pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
						.params(r.get(0), r.get(1), number(r.get(2)), number(r.get(3)), r.get(4), r.get(5), number(r.get(6)),
								number(r.get(7)))
						.update();
					rows++;
				}
			}
			// Nearest municipality within about 30 km whose name is alike, for each side of each pair.
			int registered = jdbc.sql("""
					WITH cleaned AS (
					    SELECT row_number() OVER () AS n, lat1, lng1, lat2, lng2,
					           lower(unaccent(btrim(regexp_replace(regexp_replace(city1, '\\s*\\(.*\\)', '', 'g'), '\\s+[–-]\\s+.*$', '')))) AS c1,
					           lower(unaccent(btrim(regexp_replace(regexp_replace(city2, '\\s*\\(.*\\)', '', 'g'), '\\s+[–-]\\s+.*$', '')))) AS c2
					    FROM pairs WHERE lat1 IS NOT NULL AND lat2 IS NOT NULL),
					matched AS (
					    SELECT c.n,
					      (SELECT m.id FROM municipalities m
					       WHERE m.latitude BETWEEN c.lat1 - 0.3 AND c.lat1 + 0.3 AND m.longitude BETWEEN c.lng1 - 0.45 AND c.lng1 + 0.45
					         AND m.kind <> 'DISTRICT'
					         AND (lower(unaccent(m.name)) = c.c1 OR similarity(lower(unaccent(m.name)), c.c1) >= 0.45)
					       ORDER BY (lower(unaccent(m.name)) = c.c1) DESC, (m.latitude - c.lat1) ^ 2 + (m.longitude - c.lng1) ^ 2 LIMIT 1) AS m1,
					      (SELECT m.id FROM municipalities m
					       WHERE m.latitude BETWEEN c.lat2 - 0.3 AND c.lat2 + 0.3 AND m.longitude BETWEEN c.lng2 - 0.45 AND c.lng2 + 0.45
					         AND m.kind <> 'DISTRICT'
					         AND (lower(unaccent(m.name)) = c.c2 OR similarity(lower(unaccent(m.name)), c.c2) >= 0.45)
					       ORDER BY (lower(unaccent(m.name)) = c.c2) DESC, (m.latitude - c.lat2) ^ 2 + (m.longitude - c.lng2) ^ 2 LIMIT 1) AS m2
					    FROM cleaned c)
					INSERT INTO agreements (type, title, status, party_key, source, source_name, source_attribution)
					SELECT DISTINCT ON (least(m1, m2), greatest(m1, m2)) 'SISTER_CITY', 'Wikipedia pair', 'ACTIVE', ARRAY[m1, m2],
					       'PUBLIC_LIST', 'twin-cities-wikipedia.csv.gz (benchmark matcher)',
					       'Partnership list from Wikipedia contributors, CC BY-SA 4.0'
					FROM matched WHERE m1 IS NOT NULL AND m2 IS NOT NULL AND m1 <> m2
					ORDER BY least(m1, m2), greatest(m1, m2)
					ON CONFLICT (type, party_key) WHERE status <> 'ENDED' DO NOTHING
					""").update();
			System.out.printf("Partnerships: %d rows read, %d registered (benchmark matcher) in %.1f s%n", rows, registered,
					(System.nanoTime() - started) / 1e9);
		}
		long themes = jdbc.sql("SELECT count(*) FROM municipality_offered_themes").query(Long.class).single();
		if (themes < 1000) {
			// Seeded random themes: two offered, two sought (different ones) per municipality.
			String drawn = """
					WITH drawn AS (
					    SELECT m.id, t.code, row_number() OVER (PARTITION BY m.id ORDER BY md5(m.id::text || t.code || 'themes-42')) AS k
					    FROM municipalities m CROSS JOIN themes t)
					""";
			jdbc.sql(drawn + "INSERT INTO municipality_offered_themes SELECT id, code FROM drawn WHERE k <= 2 ON CONFLICT DO NOTHING").update();
			jdbc.sql(drawn + "INSERT INTO municipality_sought_themes SELECT id, code FROM drawn WHERE k IN (3, 4) ON CONFLICT DO NOTHING").update();
			System.out.println("Themes: two offered and two sought per municipality, seeded (md5 of id, theme and a fixed seed)");
		}
		long languages = jdbc.sql("SELECT count(*) FROM municipalities WHERE cardinality(working_languages) > 0")
			.query(Long.class).single();
		if (languages < 1000) {
			List<String> countries = jdbc.sql("SELECT DISTINCT country_code FROM municipalities").query(String.class).list();
			for (String country : countries) {
				String language = ULocale.addLikelySubtags(new ULocale("und_" + country)).getLanguage();
				if (language.matches("[a-z]{2,3}")) {
					jdbc.sql("UPDATE municipalities SET working_languages = ARRAY[?] WHERE country_code = ?")
						.params(language, country).update();
				}
			}
			System.out.println("Languages: each municipality's country's likely language (ICU likely subtags)");
		}
		jdbc.sql("ANALYZE").update();
	}

	record Case(long subject, long partner, long agreement) {
	}

	/** The hidden partnerships of a seeded sample of municipalities with at least three. */
	static List<Case> cases(JdbcClient jdbc, String seed, int sample, List<Long> leaveOut) {
		return jdbc.sql("""
				WITH links AS (
				    SELECT me.municipality_id AS m, other.municipality_id AS p, g.id AS g
				    FROM agreement_parties me JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED'
				    JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id),
				eligible AS (SELECT m FROM links GROUP BY m HAVING count(*) >= 3),
				foreign_links AS (
				    SELECT l.* FROM links l JOIN eligible e ON e.m = l.m
				    JOIN municipalities a ON a.id = l.m JOIN municipalities b ON b.id = l.p
				    WHERE a.country_code <> b.country_code AND b.kind <> 'DISTRICT'),
				chosen AS (SELECT DISTINCT ON (m) m, p, g FROM foreign_links ORDER BY m, md5(g::text || :seed))
				SELECT m, p, g FROM chosen WHERE m <> ALL (CAST(:leave_out AS bigint[])) ORDER BY md5(m::text || :seed) LIMIT :sample
				""").param("seed", seed).param("sample", sample).param("leave_out", leaveOut.toArray(Long[]::new))
			.query((rs, n) -> new Case(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** The ranking's scored candidates for a case: the hidden agreement left out of every signal. */
	static Scored scored(CandidateIndex index, Snapshot s, Case c, SuggestionWeights w) {
		RankingQuery q = index.query(s, s.index(c.subject()), SuggestionFilter.none(), new String[0], new String[0],
				c.agreement());
		return s.scoreAll(q, w);
	}

	static void evaluate(JdbcClient jdbc, PartnerSuggestions suggestions, CandidateIndex index, int sample, String seed) {
		List<Case> cases = cases(jdbc, seed, sample, List.of());
		long eligible = jdbc.sql("""
				SELECT count(*) FROM (SELECT me.municipality_id FROM agreement_parties me
				JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' GROUP BY 1 HAVING count(*) >= 3) x
				""").query(Long.class).single();
		String baselineSql = """
				WITH a AS (SELECT id, country_code, population FROM municipalities WHERE id = :a),
				partners AS (
				    SELECT other.municipality_id AS id FROM agreement_parties me
				    JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' AND g.id <> :hidden
				    JOIN agreement_parties other ON other.agreement_id = me.agreement_id AND other.municipality_id <> me.municipality_id
				    WHERE me.municipality_id = :a),
				keyed AS (
				    SELECT m.id, md5(m.id::text || :seed) AS rnd,
				           CASE WHEN m.population IS NULL OR a.population IS NULL THEN 1e9
				                ELSE abs(ln(m.population) - ln(a.population)) END AS dist
				    FROM municipalities m CROSS JOIN a
				    WHERE m.id <> a.id AND m.kind <> 'DISTRICT' AND m.country_code <> a.country_code
				      AND NOT EXISTS (SELECT 1 FROM partners WHERE partners.id = m.id))
				SELECT 1 + (SELECT count(*) FROM keyed k WHERE k.rnd < p.rnd),
				       1 + (SELECT count(*) FROM keyed k WHERE k.dist < p.dist OR (k.dist = p.dist AND k.id < p.id))
				FROM keyed p WHERE p.id = :target
				""";
		// -Dcitybridge.eval.themes=off measures the ranking without the (synthetic) theme signals;
		// -Dcitybridge.eval.weights=a,b,... measures other weights (the twelve of SuggestionWeights).
		boolean themes = !"off".equals(System.getProperty("citybridge.eval.themes"));
		SuggestionWeights d = weights(System.getProperty("citybridge.eval.weights"), suggestions.weights());
		SuggestionWeights weights = themes ? d
				: new SuggestionWeights(0, 0, d.size(), d.kind(), d.language(), d.network(), d.seeking(), d.partnerOfPartner(),
						d.partnerOfPartnerCap(), d.likeYou(), d.likeYouCap(), d.funding());
		System.out.println("Weights: " + weights);
		Snapshot s = index.current();
		double[] mrr = new double[3];
		int[] hits = new int[3];
		int measured = 0;
		long started = System.nanoTime();
		for (Case c : cases) {
			Long ours = rankOf(s, scored(index, s, c, weights), c.partner());
			long[] baselines = jdbc.sql(baselineSql).param("a", c.subject()).param("hidden", c.agreement())
				.param("target", c.partner()).param("seed", seed)
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional().orElse(null);
			if (ours == null || baselines == null) {
				continue;
			}
			long[] ranks = { ours, baselines[0], baselines[1] };
			for (int i = 0; i < 3; i++) {
				mrr[i] += 1.0 / ranks[i];
				hits[i] += ranks[i] <= 20 ? 1 : 0;
			}
			measured++;
		}
		System.out.printf("%nEvaluation: %d municipalities with >= 3 partnerships; %d sampled (seed %s), %d measured in %.0f s%n",
				eligible, cases.size(), seed, measured, (System.nanoTime() - started) / 1e9);
		String[] names = { themes ? "CityBridge ranking" : "CityBridge ranking without theme signals", "random order",
				"nearest population" };
		System.out.println("| ranking | recall@20 | MRR |");
		System.out.println("| --- | ---: | ---: |");
		for (int i = 0; i < 3; i++) {
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.4f |%n", names[i], hits[i] / (double) measured, mrr[i] / measured);
		}
	}

	/** The rank of the target among the scored candidates, or null when it is not one. */
	static Long rankOf(Snapshot s, Scored scored, long target) {
		int t = s.index(target);
		for (int k = 0; k < scored.size(); k++) {
			if (scored.candidates()[k] == t) {
				return scored.rankOf(k);
			}
		}
		return null;
	}

	static SuggestionWeights weights(String spec, SuggestionWeights otherwise) {
		if (spec == null || spec.isBlank()) {
			return otherwise;
		}
		double[] v = Arrays.stream(spec.split(",")).mapToDouble(Double::parseDouble).toArray();
		return new SuggestionWeights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], (int) v[8], v[9], (int) v[10], v[11]);
	}

	/**
	 * Tunes the weights of the signals that carry information on this data (size, kind, language,
	 * the two graph signals and their caps) on a tuning sample whose municipalities are all outside
	 * the evaluation sample (seed {@code seed}), so the evaluation's figures are not fitted to. The
	 * theme weights stay as they are: the themes here are random, so tuning them would only learn to
	 * switch them off. Prints the best combinations by recall@20, then MRR.
	 */
	static void tune(JdbcClient jdbc, PartnerSuggestions suggestions, CandidateIndex index, int sample, String seed) {
		List<Long> evaluation = cases(jdbc, seed, sample, List.of()).stream().map(Case::subject).toList();
		List<Case> cases = cases(jdbc, "tuning-" + seed, sample, evaluation);
		SuggestionWeights d = suggestions.weights();
		double[] sizes = { 0, 4, 8, 16 };
		double[] kinds = { 0, 5, 10 };
		double[] languages = { 0, 6, 12 };
		double[] pops = { 8, 16, 32 };
		int[] popCaps = { 3, 10 };
		double[] likes = { 3, 6, 10, 15 };
		int[] likeCaps = { 3, 10 };
		List<SuggestionWeights> grid = new ArrayList<>();
		for (double size : sizes) {
			for (double kind : kinds) {
				for (double language : languages) {
					for (double pop : pops) {
						for (int popCap : popCaps) {
							for (double like : likes) {
								for (int likeCap : likeCaps) {
									grid.add(new SuggestionWeights(d.complementarity(), d.sharedTheme(), size, kind, language,
											d.network(), d.seeking(), pop, popCap, like, likeCap, d.funding()));
								}
							}
						}
					}
				}
			}
		}
		grid.add(d);
		int[] hits = new int[grid.size()];
		double[] mrr = new double[grid.size()];
		Snapshot s = index.current();
		long started = System.nanoTime();
		int measured = 0;
		double[] signal = new double[Snapshot.SIGNALS];
		for (Case c : cases) {
			int a = s.index(c.subject());
			RankingQuery q = index.query(s, a, SuggestionFilter.none(), new String[0], new String[0], c.agreement());
			Scored all = s.scoreAll(q, d);
			int t = s.index(c.partner());
			int m = all.size();
			// The signals whose weights are tuned, and the fixed rest of each candidate's score.
			double[] base = new double[m];
			double[] size = new double[m];
			double[] kind = new double[m];
			double[] language = new double[m];
			double[] pop = new double[m];
			double[] like = new double[m];
			SuggestionWeights fixed = new SuggestionWeights(d.complementarity(), d.sharedTheme(), 0, 0, 0, d.network(),
					d.seeking(), 0, 0, 0, 0, d.funding());
			int target = -1;
			for (int k = 0; k < m; k++) {
				s.signals(q, all.candidates()[k], signal);
				base[k] = Snapshot.score(fixed, signal);
				size[k] = signal[2];
				kind[k] = signal[3];
				language[k] = signal[4];
				pop[k] = signal[7];
				like[k] = signal[8];
				if (all.candidates()[k] == t) {
					target = k;
				}
			}
			if (target < 0) {
				continue;
			}
			measured++;
			for (int g = 0; g < grid.size(); g++) {
				SuggestionWeights w = grid.get(g);
				double ws = w.size();
				double wk = w.kind();
				double wl = w.language();
				double wp = w.partnerOfPartner();
				double pc = w.partnerOfPartnerCap();
				double wy = w.likeYou();
				double yc = w.likeYouCap();
				double targetScore = base[target] + ws * size[target] + wk * kind[target] + wl * language[target]
						+ wp * Math.min(pop[target], pc) + wy * Math.min(like[target], yc);
				long better = 0;
				for (int k = 0; k < m; k++) {
					double score = base[k] + ws * size[k] + wk * kind[k] + wl * language[k] + wp * Math.min(pop[k], pc)
							+ wy * Math.min(like[k], yc);
					if (score > targetScore || (score == targetScore && k < target)) {
						better++;
					}
				}
				hits[g] += better < 20 ? 1 : 0;
				mrr[g] += 1.0 / (better + 1);
			}
		}
		Integer[] order = new Integer[grid.size()];
		for (int g = 0; g < order.length; g++) {
			order[g] = g;
		}
		Arrays.sort(order, (x, y) -> hits[x] != hits[y] ? Integer.compare(hits[y], hits[x]) : Double.compare(mrr[y], mrr[x]));
		System.out.printf(Locale.ROOT, "%nTuning: %d cases (seed tuning-%s, no municipality of the evaluation sample), %d combinations, %.0f s%n",
				measured, seed, grid.size(), (System.nanoTime() - started) / 1e9);
		System.out.println("| size | kind | language | partner of partner (cap) | like you (cap) | recall@20 | MRR |");
		System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (int r = 0; r < Math.min(15, order.length); r++) {
			print(grid.get(order[r]), hits[order[r]], mrr[order[r]], measured);
		}
		System.out.println("Current weights:");
		print(d, hits[grid.size() - 1], mrr[grid.size() - 1], measured);
	}

	private static void print(SuggestionWeights w, int hits, double mrr, int measured) {
		System.out.printf(Locale.ROOT, "| %.0f | %.0f | %.0f | %.0f (%d) | %.0f (%d) | %.3f | %.4f |%n", w.size(), w.kind(),
				w.language(), w.partnerOfPartner(), w.partnerOfPartnerCap(), w.likeYou(), w.likeYouCap(), hits / (double) measured,
				mrr / measured);
	}

	static void time(JdbcClient jdbc, PartnerSuggestions suggestions, int rounds, String seed) {
		List<Long> subjects = jdbc.sql("SELECT id FROM municipalities WHERE kind <> 'DISTRICT' ORDER BY md5(id::text || :seed) LIMIT :n")
			.param("seed", seed).param("n", rounds).query(Long.class).list();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		// Warm-up: plans, caches, JIT.
		for (int i = 0; i < 10; i++) {
			suggestions.suggest(subjects.get(i), SuggestionFilter.none(), Locale.ENGLISH);
			jdbc.sql("SELECT sum(population) FROM municipalities").query(Long.class).single();
		}
		List<Double> page = new ArrayList<>();
		List<Double> scan = new ArrayList<>();
		long maxAllocated = 0;
		for (long subject : subjects) {
			long t0 = System.nanoTime();
			jdbc.sql("SELECT sum(population) FROM municipalities").query(Long.class).single();
			long t1 = System.nanoTime();
			long before = threads.getCurrentThreadAllocatedBytes();
			suggestions.suggest(subject, SuggestionFilter.none(), Locale.ENGLISH);
			long t2 = System.nanoTime();
			maxAllocated = Math.max(maxAllocated, threads.getCurrentThreadAllocatedBytes() - before);
			scan.add((t1 - t0) / 1e6);
			page.add((t2 - t1) / 1e6);
		}
		System.gc();
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		double scanP95 = p95(scan);
		double pageP95 = p95(page);
		System.out.printf(Locale.ROOT, "%nTiming: %d municipalities, interleaved, after 10 warm-up rounds%n", subjects.size());
		System.out.printf(Locale.ROOT, "| measure | median ms | p95 ms |%n| --- | ---: | ---: |%n");
		System.out.printf(Locale.ROOT, "| one sequential scan (SELECT sum(population) FROM municipalities) | %.1f | %.1f |%n",
				median(scan), scanP95);
		System.out.printf(Locale.ROOT, "| suggestions, first page with reasons, all candidates | %.1f | %.1f |%n", median(page), pageP95);
		System.out.printf(Locale.ROOT, "Ratio p95 suggestions / p95 scan: %.2f (target <= 3)%n", pageP95 / scanP95);
		System.out.printf(Locale.ROOT, "Heap allocated per suggestion call (max): %.2f MB; heap in use after GC: %.1f MB%n",
				maxAllocated / 1e6, used / 1e6);
		// The one-off cost after a change: reading the compact copy again, and the heap it holds.
		CandidateIndex index = suggestions.index();
		List<Double> rebuilds = new ArrayList<>();
		long heldBytes = 0;
		for (int i = 0; i < 5; i++) {
			System.gc();
			long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			long t0 = System.nanoTime();
			Snapshot copy = index.load();
			rebuilds.add((System.nanoTime() - t0) / 1e6);
			System.gc();
			heldBytes = Math.max(heldBytes, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() - before);
			if (copy.size() == 0) {
				throw new IllegalStateException("empty copy");
			}
		}
		System.out.printf(Locale.ROOT, "Rebuilding the copy after a change: median %.1f ms (5 rounds); one more copy holds %.1f MB%n",
				median(rebuilds), heldBytes / 1e6);
		long total = jdbc.sql("SELECT count(*) FROM municipalities").query(Long.class).single();
		System.out.printf("Municipalities: %d; agreements: %d%n", total,
				jdbc.sql("SELECT count(*) FROM agreements").query(Long.class).single());
	}

	private static Double number(String value) {
		try {
			return value == null || value.isBlank() ? null : Double.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static double p95(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	static String describe(long[] values) {
		return Arrays.toString(values);
	}
}
