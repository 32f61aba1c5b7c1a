package org.citybridge.matchmaking;

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
 * <p>Arguments: {@code <jdbc-url> <pairs.csv.gz> [sample] [seed] [all|eval|time]}.
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
			.run("--server.port=0", "--spring.datasource.url=" + url, "--citybridge.demo.enabled=false",
					"--citybridge.database.create-if-missing=false", "--logging.level.root=WARN")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			PartnerSuggestions suggestions = context.getBean(PartnerSuggestions.class);
			prepare(jdbc, pairs);
			if (!mode.equals("time")) {
				evaluate(jdbc, suggestions, sample, seed);
			}
			if (!mode.equals("eval")) {
				time(jdbc, suggestions, Math.max(100, sample / 2), seed);
			}
		}
	}

	static void prepare(JdbcClient jdbc, Path pairs) throws Exception {
		long agreements = jdbc.sql("SELECT count(*) FROM agreements").query(Long.class).single();
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

	static void evaluate(JdbcClient jdbc, PartnerSuggestions suggestions, int sample, String seed) {
		List<Case> cases = jdbc.sql("""
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
				SELECT m, p, g FROM chosen ORDER BY md5(m::text || :seed) LIMIT :sample
				""").param("seed", seed).param("sample", sample)
			.query((rs, n) -> new Case(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.list();
		long eligible = jdbc.sql("""
				SELECT count(*) FROM (SELECT me.municipality_id FROM agreement_parties me
				JOIN agreements g ON g.id = me.agreement_id AND g.status <> 'ENDED' GROUP BY 1 HAVING count(*) >= 3) x
				""").query(Long.class).single();
		String rankSql = PartnerSuggestions.RANKING.substring(0, PartnerSuggestions.RANKING.lastIndexOf("SELECT id, score"))
				+ """
				SELECT 1 + (SELECT count(*) FROM scored s WHERE s.score > p.score OR (s.score = p.score AND s.id < p.id))
				FROM scored p WHERE p.id = :target
				""";
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
		// -Dcitybridge.eval.themes=off measures the ranking without the (synthetic) theme signals.
		boolean themes = !"off".equals(System.getProperty("citybridge.eval.themes"));
		SuggestionWeights d = SuggestionWeights.DEFAULT;
		SuggestionWeights weights = themes ? d
				: new SuggestionWeights(0, 0, d.size(), d.kind(), d.language(), d.network(), d.seeking(), d.partnerOfPartner(),
						d.partnerOfPartnerCap(), d.likeYou(), d.likeYouCap(), d.funding());
		double[] mrr = new double[3];
		int[] hits = new int[3];
		int measured = 0;
		long started = System.nanoTime();
		for (Case c : cases) {
			List<String> offers = jdbc.sql("SELECT theme_code FROM municipality_offered_themes WHERE municipality_id = ?")
				.param(c.subject()).query(String.class).list();
			List<String> seeks = jdbc.sql("SELECT theme_code FROM municipality_sought_themes WHERE municipality_id = ?")
				.param(c.subject()).query(String.class).list();
			Long ours = suggestions.rankingStatement(rankSql, weights, c.subject(), SuggestionFilter.none(), offers, seeks, new String[0],
					c.agreement())
				.param("target", c.partner())
				.query(Long.class).optional().orElse(null);
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
