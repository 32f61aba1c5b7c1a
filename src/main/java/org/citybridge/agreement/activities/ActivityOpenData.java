package org.citybridge.agreement.activities;

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

import javax.sql.DataSource;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.csv.CSVFormat;
import org.citybridge.agreement.views.OpenData;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the partners did, as open data beside the register's (same licence, documented on
 * {@code /open-data}): CSV, JSON, GeoJSON (a point at the activity's place when it has one) and an
 * Atom feed of the newest activities, for the whole register or one municipality's partnerships.
 * Rows are read with a cursor and written as they come. The columns are a contract: add to the end only.
 */
@Service
class ActivityOpenData {

	static final int FETCH_SIZE = 1000;

	static final int FEED_ENTRIES = 50;

	/** The same licence as the register's files. */
	static final String LICENCE = "CC BY 4.0; imported pairs: Partnership list from Wikipedia contributors, CC BY-SA 4.0";

	/** The CSV header and the JSON property names, in this order. */
	static final String[] COLUMNS = { "id", "agreement_id", "kind", "title", "starts_on", "ends_on", "participants",
			"themes", "instrument", "funding", "outcome", "language", "place_id", "place_name", "place_country",
			"place_latitude", "place_longitude", "party_ids", "demonstration", "updated_at", "url" };

	/** Free-text columns, neutralised against spreadsheet formulas as the register's are. */
	private static final java.util.Set<Integer> FREE_TEXT = java.util.Set.of(4, 9, 10, 11, 14);

	private static final String ROWS = """
			SELECT x.id, x.agreement_id, x.kind, x.title, x.starts_on, x.ends_on, x.participants,
			  (SELECT string_agg(t.theme_code, ';' ORDER BY t.theme_code) FROM agreement_activity_themes t WHERE t.activity_id = x.id),
			  i.name, x.funding_text, x.outcome, x.language, pm.id, pm.name, pm.country_code, pm.latitude, pm.longitude,
			  array_to_string(a.party_key, ';'), x.demo, x.updated_at, x.created_at
			FROM agreement_activities x
			JOIN agreements a ON a.id = x.agreement_id
			LEFT JOIN funding_instruments i ON i.id = x.instrument_id
			LEFT JOIN municipalities pm ON pm.id = x.place_municipality_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final org.springframework.context.MessageSource messages;

	ActivityOpenData(DataSource dataSource, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	private static String where(Long municipality, MapSqlParameterSource params) {
		if (municipality == null) {
			return " WHERE TRUE";
		}
		params.addValue("municipality", municipality);
		return " WHERE EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.municipality_id = :municipality)";
	}

	@Transactional(readOnly = true)
	public void csv(Long municipality, String base, OutputStream out) {
		Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		try {
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
			MapSqlParameterSource params = new MapSqlParameterSource();
			this.jdbc.query(ROWS + where(municipality, params) + " ORDER BY x.id", params, rs -> {
				try {
					for (int i = 1; i <= 19; i++) {
						String value = OpenData.text(rs, i);
						csv.print(FREE_TEXT.contains(i) ? OpenData.neutralised(value) : value);
					}
					csv.print(OpenData.instant(rs, 20));
					csv.print(base + "/agreements/" + rs.getLong(2) + "#activity-" + rs.getLong(1));
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
	public void json(Long municipality, String base, OutputStream out) {
		try (JsonGenerator g = this.json.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("licence", LICENCE);
			g.writeStringProperty("documentation", base + "/open-data#activities");
			g.writeArrayPropertyStart("activities");
			MapSqlParameterSource params = new MapSqlParameterSource();
			this.jdbc.query(ROWS + where(municipality, params) + " ORDER BY x.id", params, rs -> {
				g.writeStartObject();
				properties(g, rs, base);
				g.writeEndObject();
			});
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	/** RFC 7946: a Point at the activity's place ([longitude, latitude]), or a null geometry. */
	@Transactional(readOnly = true)
	public void geojson(Long municipality, String base, OutputStream out) {
		try (JsonGenerator g = this.json.createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("type", "FeatureCollection");
			g.writeArrayPropertyStart("features");
			MapSqlParameterSource params = new MapSqlParameterSource();
			this.jdbc.query(ROWS + where(municipality, params) + " ORDER BY x.id", params, rs -> {
				g.writeStartObject();
				g.writeStringProperty("type", "Feature");
				g.writeNumberProperty("id", rs.getLong(1));
				BigDecimal lat = rs.getBigDecimal(16);
				BigDecimal lon = rs.getBigDecimal(17);
				if (lat == null) {
					g.writeNullProperty("geometry");
				}
				else {
					g.writeObjectPropertyStart("geometry");
					g.writeStringProperty("type", "Point");
					g.writeArrayPropertyStart("coordinates");
					g.writeNumber(lon);
					g.writeNumber(lat);
					g.writeEndArray();
					g.writeEndObject();
				}
				g.writeObjectPropertyStart("properties");
				properties(g, rs, base);
				g.writeEndObject();
				g.writeEndObject();
			});
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	private static void properties(JsonGenerator g, ResultSet rs, String base) throws SQLException {
		g.writeNumberProperty("id", rs.getLong(1));
		g.writeNumberProperty("agreement_id", rs.getLong(2));
		g.writeStringProperty("kind", rs.getString(3));
		g.writeStringProperty("title", rs.getString(4));
		g.writeStringProperty("starts_on", OpenData.text(rs, 5));
		g.writeStringProperty("ends_on", OpenData.text(rs, 6));
		int participants = rs.getInt(7);
		if (rs.wasNull()) {
			g.writeNullProperty("participants");
		}
		else {
			g.writeNumberProperty("participants", participants);
		}
		g.writeArrayPropertyStart("themes");
		String themes = rs.getString(8);
		if (themes != null) {
			for (String theme : themes.split(";")) {
				g.writeString(theme);
			}
		}
		g.writeEndArray();
		g.writeStringProperty("instrument", rs.getString(9));
		g.writeStringProperty("funding", rs.getString(10));
		g.writeStringProperty("outcome", rs.getString(11));
		g.writeStringProperty("language", rs.getString(12));
		long place = rs.getLong(13);
		if (rs.wasNull()) {
			g.writeNullProperty("place_id");
		}
		else {
			g.writeNumberProperty("place_id", place);
		}
		g.writeStringProperty("place_name", rs.getString(14));
		g.writeStringProperty("place_country", rs.getString(15));
		g.writeArrayPropertyStart("party_ids");
		for (String id : rs.getString(18).split(";")) {
			g.writeNumber(Long.parseLong(id));
		}
		g.writeEndArray();
		g.writeBooleanProperty("demonstration", rs.getBoolean(19));
		g.writeStringProperty("updated_at", OpenData.instant(rs, 20));
		g.writeStringProperty("url", base + "/agreements/" + rs.getLong(2) + "#activity-" + rs.getLong(1));
	}

	/** Atom (RFC 4287): the {@value #FEED_ENTRIES} newest activities, of one municipality's partnerships or all. */
	@Transactional(readOnly = true)
	public void atom(Long municipality, String base, java.util.Locale locale, OutputStream out) {
		String selfPath = municipality == null ? "/activities.atom" : "/municipalities/" + municipality + "/activities.atom";
		String feedTitle;
		if (municipality == null) {
			feedTitle = this.messages.getMessage("activity.feed.title", null, locale);
		}
		else {
			String name = this.jdbc.getJdbcTemplate()
				.query("SELECT name FROM municipalities WHERE id = ?", (rs, n) -> rs.getString(1), municipality)
				.stream()
				.findFirst()
				.orElseThrow(() -> new org.citybridge.municipality.MunicipalityNotFound(String.valueOf(municipality)));
			feedTitle = this.messages.getMessage("activity.feed.titleOf", new Object[] { name }, locale);
		}
		try {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("feed");
			x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
			OpenData.element(x, "title", feedTitle);
			OpenData.element(x, "id", base + selfPath);
			x.writeEmptyElement("link");
			x.writeAttribute("rel", "self");
			x.writeAttribute("href", base + selfPath);
			x.writeEmptyElement("link");
			x.writeAttribute("rel", "alternate");
			x.writeAttribute("type", "text/html");
			x.writeAttribute("href", base + (municipality == null ? "/agreements" : "/municipalities/" + municipality));
			x.writeEmptyElement("link");
			x.writeAttribute("rel", "license");
			x.writeAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
			MapSqlParameterSource params = new MapSqlParameterSource();
			Timestamp newest = this.jdbc.queryForObject("SELECT max(x.created_at) FROM agreement_activities x"
					+ " JOIN agreements a ON a.id = x.agreement_id" + where(municipality, params), params, Timestamp.class);
			OpenData.element(x, "updated", OpenData.format(newest == null ? Instant.EPOCH : newest.toInstant()));
			x.writeStartElement("author");
			OpenData.element(x, "name", "CityBridge");
			x.writeEndElement();
			params = new MapSqlParameterSource();
			params.addValue("limit", FEED_ENTRIES);
			this.jdbc.query(ROWS + where(municipality, params) + " ORDER BY x.created_at DESC, x.id DESC LIMIT :limit",
					params, rs -> {
						try {
							String url = base + "/agreements/" + rs.getLong(2) + "#activity-" + rs.getLong(1);
							x.writeStartElement("entry");
							x.writeStartElement("title");
							x.writeAttribute("xml:lang", rs.getString(12));
							x.writeCharacters(rs.getString(4));
							x.writeEndElement();
							OpenData.element(x, "id", base + "/activities/" + rs.getLong(1));
							x.writeEmptyElement("link");
							x.writeAttribute("rel", "alternate");
							x.writeAttribute("type", "text/html");
							x.writeAttribute("href", url);
							OpenData.element(x, "published", OpenData.format(rs.getTimestamp(21).toInstant()));
							OpenData.element(x, "updated", OpenData.format(rs.getTimestamp(20).toInstant()));
							x.writeEmptyElement("category");
							x.writeAttribute("term", rs.getString(3));
							String outcome = rs.getString(11);
							OpenData.element(x, "summary", rs.getString(5) + (outcome == null ? "" : " – " + outcome));
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
}
