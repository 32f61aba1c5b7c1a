package org.citybridge.agreement.views;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as open data: CSV, JSON, GeoJSON and an Atom feed of newly verified agreements,
 * with the register's filters. Rows are read with a cursor (fetch size {@value #FETCH_SIZE}, in a
 * read-only transaction) and written as they come: memory stays flat however large the register.
 * The columns are documented on {@code /open-data}; they are a contract, add to the end only.
 */
@Service
public class OpenData {

	static final int FETCH_SIZE = 1000;

	static final int FEED_ENTRIES = 50;

	/** The CSV header and the JSON property names, in this order. */
	static final String[] COLUMNS = { "id", "type", "title", "status", "signed_on", "ends_on", "verified", "verified_at",
			"source", "source_attribution", "themes", "party_a_id", "party_a_name", "party_a_country",
			"party_a_latitude", "party_a_longitude", "party_b_id", "party_b_name", "party_b_country",
			"party_b_latitude", "party_b_longitude", "other_party_ids", "updated_at", "url" };

	/** The CSV columns people type or import (titles, names, sources); the others are codes, numbers and dates. */
	static final boolean[] FREE_TEXT = freeText("title", "source", "source_attribution", "party_a_name", "party_b_name");

	private static boolean[] freeText(String... names) {
		boolean[] free = new boolean[COLUMNS.length];
		java.util.List<String> columns = java.util.List.of(COLUMNS);
		for (String name : names) {
			free[columns.indexOf(name)] = true;
		}
		return free;
	}

	/**
	 * A text cell as a spreadsheet may safely open it: one that begins with {@code =}, {@code +},
	 * {@code -}, {@code @}, a tab or a carriage return would run as a formula, so it gets a leading
	 * apostrophe (OWASP, "CSV Injection"). Only free-text columns: a negative coordinate stays a number.
	 */
	public static String neutralised(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell
				: cell;
	}

	static final String ROWS = """
			SELECT a.id, a.type, a.title, a.status, a.signed_on, a.ends_on, a.verified_at, a.source, a.source_attribution,
			  (SELECT string_agg(t.theme_code, ';' ORDER BY t.theme_code) FROM agreement_themes t WHERE t.agreement_id = a.id) AS themes,
			  ma.id, ma.name, ma.country_code, ma.latitude, ma.longitude,
			  mb.id, mb.name, mb.country_code, mb.latitude, mb.longitude,
			  array_to_string(a.party_key[3:], ';') AS others, a.updated_at
			FROM agreements a
			JOIN municipalities ma ON ma.id = a.party_key[1]
			JOIN municipalities mb ON mb.id = a.party_key[2]
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	OpenData(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	/**
	 * The CSV file's SELECT: PostgreSQL formats every column as the text the file holds (dates as
	 * ISO 8601, moments in UTC to the second, coordinates as plain decimals, the URL), so that the
	 * Java side only quotes strings and writes them. {@code :base} is the portal's address. The
	 * benchmark runs exactly this statement through {@code COPY … TO STDOUT} for its comparison
	 * ({@code src/bench/agreements-export.sql}; {@code OpenDataSqlTest} keeps the two the same).
	 */
	static final String CSV_ROWS = """
			SELECT a.id::text AS id, a.type, a.title, a.status, to_char(a.signed_on, 'YYYY-MM-DD') AS signed_on,
			  to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on,
			  CASE WHEN a.verified_at IS NULL THEN 'false' ELSE 'true' END AS verified,
			  to_char(a.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS verified_at, a.source, a.source_attribution,
			  (SELECT string_agg(t.theme_code, ';' ORDER BY t.theme_code) FROM agreement_themes t WHERE t.agreement_id = a.id) AS themes,
			  ma.id::text AS party_a_id, ma.name AS party_a_name, ma.country_code AS party_a_country,
			  ma.latitude::text AS party_a_latitude, ma.longitude::text AS party_a_longitude,
			  mb.id::text AS party_b_id, mb.name AS party_b_name, mb.country_code AS party_b_country,
			  mb.latitude::text AS party_b_latitude, mb.longitude::text AS party_b_longitude,
			  array_to_string(a.party_key[3:], ';') AS other_party_ids,
			  to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
			  CAST(:base AS text) || '/agreements/' || a.id AS url
			FROM agreements a
			JOIN municipalities ma ON ma.id = a.party_key[1]
			JOIN municipalities mb ON mb.id = a.party_key[2]
			""";

	/** The SQL of the JSON export (typed columns). */
	static String sql(ViewFilter filter, MapSqlParameterSource params) {
		return ROWS + " WHERE " + filter.where(params) + " ORDER BY a.id";
	}

	/** The SQL of the CSV export, every column already text; {@code :base} is added to {@code params}. */
	static String csvSql(ViewFilter filter, String base, MapSqlParameterSource params) {
		params.addValue("base", base);
		return CSV_ROWS + " WHERE " + filter.where(params) + " ORDER BY a.id";
	}

	/**
	 * Streams the CSV file: a cursor over {@link #CSV_ROWS}, each row's strings quoted where RFC 4180
	 * needs it (Commons CSV, minimal quoting) into a 64 KB buffer over the response. No row is kept.
	 */
	@Transactional(readOnly = true)
	public void csv(ViewFilter filter, String base, OutputStream out) {
		Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		try {
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
			MapSqlParameterSource params = new MapSqlParameterSource();
			int columns = COLUMNS.length;
			this.jdbc.query(csvSql(filter, base, params), params, rs -> {
				try {
					for (int i = 1; i <= columns; i++) {
						csv.print(FREE_TEXT[i - 1] ? neutralised(rs.getString(i)) : rs.getString(i));
					}
					csv.println();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Transactional(readOnly = true)
	public void json(ViewFilter filter, String base, OutputStream out) {
		try (JsonGenerator g = this.json.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("licence", "CC BY 4.0; imported pairs: Partnership list from Wikipedia contributors, CC BY-SA 4.0");
			g.writeStringProperty("documentation", base + "/open-data");
			g.writeArrayPropertyStart("agreements");
			MapSqlParameterSource params = new MapSqlParameterSource();
			this.jdbc.query(sql(filter, params), params, rs -> {
				g.writeStartObject();
				g.writeNumberProperty("id", rs.getLong(1));
				g.writeStringProperty("type", rs.getString(2));
				g.writeStringProperty("title", rs.getString(3));
				g.writeStringProperty("status", rs.getString(4));
				g.writeStringProperty("signed_on", text(rs, 5));
				g.writeStringProperty("ends_on", text(rs, 6));
				g.writeBooleanProperty("verified", rs.getTimestamp(7) != null);
				g.writeStringProperty("verified_at", instant(rs, 7));
				g.writeStringProperty("source", rs.getString(8));
				g.writeStringProperty("source_attribution", rs.getString(9));
				g.writeArrayPropertyStart("themes");
				String themes = rs.getString(10);
				if (themes != null) {
					for (String theme : themes.split(";")) {
						g.writeString(theme);
					}
				}
				g.writeEndArray();
				g.writeArrayPropertyStart("parties");
				party(g, rs, 11);
				party(g, rs, 16);
				g.writeEndArray();
				g.writeArrayPropertyStart("other_party_ids");
				String others = rs.getString(21);
				if (others != null && !others.isEmpty()) {
					for (String id : others.split(";")) {
						g.writeNumber(Long.parseLong(id));
					}
				}
				g.writeEndArray();
				g.writeStringProperty("updated_at", instant(rs, 22));
				g.writeStringProperty("url", base + "/agreements/" + rs.getLong(1));
				g.writeEndObject();
			});
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	private static void party(JsonGenerator g, ResultSet rs, int at) throws SQLException {
		g.writeStartObject();
		g.writeNumberProperty("id", rs.getLong(at));
		g.writeStringProperty("name", rs.getString(at + 1));
		g.writeStringProperty("country", rs.getString(at + 2));
		BigDecimal lat = rs.getBigDecimal(at + 3);
		BigDecimal lon = rs.getBigDecimal(at + 4);
		if (lat == null) {
			g.writeNullProperty("latitude");
			g.writeNullProperty("longitude");
		}
		else {
			g.writeNumberProperty("latitude", lat);
			g.writeNumberProperty("longitude", lon);
		}
		g.writeEndObject();
	}

	/**
	 * RFC 7946: a FeatureCollection with a LineString per pair of parties, positions as [longitude,
	 * latitude]; a pair without coordinates has a null geometry.
	 */
	@Transactional(readOnly = true)
	public void geojson(ViewFilter filter, String base, OutputStream out) {
		try (JsonGenerator g = this.json.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("type", "FeatureCollection");
			g.writeArrayPropertyStart("features");
			MapSqlParameterSource params = new MapSqlParameterSource();
			String sql = "SELECT a.id, a.type, a.title, a.status, a.signed_on, a.verified_at,"
					+ " m1.id, m1.name, m1.country_code, m1.latitude, m1.longitude,"
					+ " m2.id, m2.name, m2.country_code, m2.latitude, m2.longitude " + AgreementViews.PAIRS + " WHERE "
					+ filter.where(params) + " ORDER BY a.id, m1.id, m2.id";
			this.jdbc.query(sql, params, rs -> {
				g.writeStartObject();
				g.writeStringProperty("type", "Feature");
				g.writeNumberProperty("id", rs.getLong(1));
				BigDecimal lat1 = rs.getBigDecimal(10);
				BigDecimal lon1 = rs.getBigDecimal(11);
				BigDecimal lat2 = rs.getBigDecimal(15);
				BigDecimal lon2 = rs.getBigDecimal(16);
				if (lat1 == null || lat2 == null) {
					g.writeNullProperty("geometry");
				}
				else {
					g.writeObjectPropertyStart("geometry");
					g.writeStringProperty("type", "LineString");
					g.writeArrayPropertyStart("coordinates");
					g.writeStartArray();
					g.writeNumber(lon1);
					g.writeNumber(lat1);
					g.writeEndArray();
					g.writeStartArray();
					g.writeNumber(lon2);
					g.writeNumber(lat2);
					g.writeEndArray();
					g.writeEndArray();
					g.writeEndObject();
				}
				g.writeObjectPropertyStart("properties");
				g.writeNumberProperty("agreement_id", rs.getLong(1));
				g.writeStringProperty("type", rs.getString(2));
				g.writeStringProperty("title", rs.getString(3));
				g.writeStringProperty("status", rs.getString(4));
				g.writeStringProperty("signed_on", text(rs, 5));
				g.writeBooleanProperty("verified", rs.getTimestamp(6) != null);
				g.writeNumberProperty("party_a_id", rs.getLong(7));
				g.writeStringProperty("party_a_name", rs.getString(8));
				g.writeStringProperty("party_a_country", rs.getString(9));
				g.writeNumberProperty("party_b_id", rs.getLong(12));
				g.writeStringProperty("party_b_name", rs.getString(13));
				g.writeStringProperty("party_b_country", rs.getString(14));
				g.writeStringProperty("url", base + "/agreements/" + rs.getLong(1));
				g.writeEndObject();
				g.writeEndObject();
			});
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	/** Atom (RFC 4287): the {@value #FEED_ENTRIES} most recently verified agreements. */
	@Transactional(readOnly = true)
	public void atom(ViewFilter filter, String base, String feedTitle, OutputStream out) {
		try {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("feed");
			x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
			element(x, "title", feedTitle);
			element(x, "id", base + "/agreements.atom" + filter.query());
			x.writeEmptyElement("link");
			x.writeAttribute("rel", "self");
			x.writeAttribute("href", base + "/agreements.atom" + filter.query());
			x.writeEmptyElement("link");
			x.writeAttribute("rel", "alternate");
			x.writeAttribute("type", "text/html");
			x.writeAttribute("href", base + "/agreements" + filter.query());
			MapSqlParameterSource params = new MapSqlParameterSource();
			Timestamp newest = this.jdbc.queryForObject(
					"SELECT max(a.verified_at) FROM agreements a WHERE a.verified_at IS NOT NULL AND " + filter.where(params),
					params, Timestamp.class);
			element(x, "updated", format(newest == null ? Instant.EPOCH : newest.toInstant()));
			x.writeStartElement("author");
			element(x, "name", "CityBridge");
			x.writeEndElement();
			params = new MapSqlParameterSource();
			params.addValue("limit", FEED_ENTRIES);
			String sql = ROWS + " WHERE a.verified_at IS NOT NULL AND " + filter.where(params)
					+ " ORDER BY a.verified_at DESC, a.id DESC LIMIT :limit";
			this.jdbc.query(sql, params, rs -> {
				try {
					String url = base + "/agreements/" + rs.getLong(1);
					x.writeStartElement("entry");
					element(x, "title", rs.getString(3));
					element(x, "id", url);
					x.writeEmptyElement("link");
					x.writeAttribute("rel", "alternate");
					x.writeAttribute("type", "text/html");
					x.writeAttribute("href", url);
					element(x, "updated", format(rs.getTimestamp(7).toInstant()));
					element(x, "summary", rs.getString(12) + " (" + rs.getString(13) + ") – " + rs.getString(17) + " ("
							+ rs.getString(18) + ")");
					x.writeEndElement();
				}
				catch (XMLStreamException ex) {
					throw new IllegalStateException(ex);
				}
			});
			x.writeEndElement();
			x.writeEndDocument();
			x.flush();
			x.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write the feed", ex);
		}
	}

	/** An Atom or other XML element with its text (empty when null): the register's feed and the activities'. */
	public static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
		x.writeStartElement(name);
		x.writeCharacters(text == null ? "" : text);
		x.writeEndElement();
	}

	/** An instant as ISO-8601 to the second, as every open-data file and feed writes it. */
	public static String format(Instant at) {
		return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	/** A column as text, null kept. */
	public static String text(ResultSet rs, int at) throws SQLException {
		Object value = rs.getObject(at);
		return value == null ? null : value.toString();
	}

	/** A timestamp column as an ISO instant to the second, null kept. */
	public static String instant(ResultSet rs, int at) throws SQLException {
		Timestamp t = rs.getTimestamp(at);
		return t == null ? null : format(t.toInstant());
	}
}
