package org.citybridge.municipality.imports;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes the checked places of an import to the directory, inside the import's transaction: they
 * stream into a temporary table with {@code COPY} (on the transaction's own connection), then a few
 * set-based statements upsert them by GeoNames id. An existing municipality keeps its name, kind,
 * themes, contacts and everything officers edit: only the GeoNames spelling, population (unless
 * the file says unknown), coordinates and codes change, and only where they changed.
 */
@Component
record PlaceStaging(JdbcClient jdbc, DataSource dataSource) {

	/** How many places the upsert added and updated. */
	static final class Applied {

		long inserted;

		long updated;
	}

	private static final int BUFFER = 1 << 16;

	/** Creates the staging table (dropped at commit) and opens the COPY into it. */
	Copy open() {
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE import_places (
				    line bigint, geonames_id bigint, name text, country_code text, admin1_code text,
				    feature_code text, kind text, population integer, latitude numeric(8, 5),
				    longitude numeric(8, 5), keys text[]) ON COMMIT DROP
				""").update();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return new Copy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY import_places FROM STDIN"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL refused COPY", ex);
		}
	}

	/**
	 * The open COPY of the staging table. Whatever happens, it is ended or cancelled: else the
	 * connection stays in COPY mode, and every later statement on it waits for ever.
	 */
	static final class Copy {

		private final CopyIn copy;

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(BUFFER);

		private Copy(CopyIn copy) {
			this.copy = copy;
		}

		/** Stages a valid place. */
		void add(GeoNamesFile.Row row) throws SQLException {
			row.copyLine(this.buffer);
			if (this.buffer.size() > BUFFER - 1024) {
				flush();
			}
		}

		/** Ends the COPY: every place added is staged. */
		void end() throws SQLException {
			if (this.buffer.size() > 0) {
				flush();
			}
			this.copy.endCopy();
		}

		private void flush() throws SQLException {
			this.copy.writeToCopy(this.buffer.toByteArray(), 0, this.buffer.size());
			this.buffer.reset();
		}

		/** Cancels the COPY, if still open (the transaction rolls back anyway). */
		void cancel() {
			try {
				if (this.copy.isActive()) {
					this.copy.cancelCopy();
				}
			}
			catch (SQLException ex) {
				// the transaction rolls back anyway
			}
		}
	}

	/**
	 * Fresh planner statistics for the tables an applied import changed, once it is committed: without
	 * them (autovacuum off, or not yet round) the directory's search plans a sequential scan over every
	 * key (issue 21: 5 searches a second instead of hundreds).
	 */
	void analyze() {
		this.jdbc.sql("ANALYZE municipalities, municipality_search_keys").update();
	}

	/**
	 * Upserts the staged places by GeoNames id (the last line of an id wins), their search keys,
	 * and the district each new section of a city belongs to; returns how many were added and updated.
	 */
	Applied apply() {
		Applied result = new Applied();
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE import_latest ON COMMIT DROP AS
				SELECT DISTINCT ON (geonames_id) * FROM import_places ORDER BY geonames_id, line DESC
				""").update();
		this.jdbc.sql("ALTER TABLE import_latest ADD PRIMARY KEY (geonames_id)").update();
		this.jdbc.sql("ANALYZE import_latest").update();
		this.jdbc.sql("""
				WITH upserted AS (
				    INSERT INTO municipalities AS m (geonames_id, name, geonames_name, country_code, admin1_code,
				        feature_code, kind, population, latitude, longitude)
				    SELECT geonames_id, name, name, country_code, admin1_code, feature_code, kind,
				        NULLIF(population, 0), latitude, longitude
				    FROM import_latest
				    ON CONFLICT (geonames_id) WHERE geonames_id IS NOT NULL DO UPDATE SET
				        geonames_name = EXCLUDED.geonames_name,
				        admin1_code = EXCLUDED.admin1_code,
				        feature_code = EXCLUDED.feature_code,
				        population = coalesce(EXCLUDED.population, m.population),
				        latitude = EXCLUDED.latitude,
				        longitude = EXCLUDED.longitude,
				        version = m.version + 1,
				        updated_at = now()
				    WHERE (m.geonames_name, m.admin1_code, m.feature_code, m.population, m.latitude, m.longitude)
				        IS DISTINCT FROM (EXCLUDED.geonames_name, EXCLUDED.admin1_code, EXCLUDED.feature_code,
				            coalesce(EXCLUDED.population, m.population), EXCLUDED.latitude, EXCLUDED.longitude)
				    RETURNING (xmax = 0) AS inserted)
				SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
				""").query(rs -> {
			result.inserted = rs.getLong(1);
			result.updated = rs.getLong(2);
		});
		this.jdbc.sql("""
				DELETE FROM municipality_search_keys k
				USING municipalities m, import_latest s
				WHERE k.municipality_id = m.id AND m.geonames_id = s.geonames_id AND k.source = 'geonames'
				  AND NOT (k.key = ANY (s.keys))
				""").update();
		this.jdbc.sql("""
				INSERT INTO municipality_search_keys (municipality_id, source, key)
				SELECT m.id, 'geonames', k.key
				FROM import_latest s JOIN municipalities m ON m.geonames_id = s.geonames_id
				CROSS JOIN LATERAL unnest(s.keys) AS k(key)
				ON CONFLICT DO NOTHING
				""").update();
		// A section of a city belongs to the largest place around it in the same country.
		this.jdbc.sql("""
				UPDATE municipalities d SET district_of = (
				    SELECT c.id FROM municipalities c
				    WHERE c.country_code = d.country_code AND c.kind NOT IN ('DISTRICT', 'REGION') AND c.id <> d.id
				      AND c.latitude BETWEEN d.latitude - 0.25 AND d.latitude + 0.25
				      AND c.longitude BETWEEN d.longitude - 0.35 AND d.longitude + 0.35
				    ORDER BY c.population DESC NULLS LAST, c.id LIMIT 1)
				WHERE d.kind = 'DISTRICT' AND d.district_of IS NULL AND d.latitude IS NOT NULL
				  AND d.geonames_id IN (SELECT geonames_id FROM import_latest WHERE kind = 'DISTRICT')
				  AND EXISTS (SELECT 1 FROM municipalities c
				    WHERE c.country_code = d.country_code AND c.kind NOT IN ('DISTRICT', 'REGION') AND c.id <> d.id
				      AND c.latitude BETWEEN d.latitude - 0.25 AND d.latitude + 0.25
				      AND c.longitude BETWEEN d.longitude - 0.35 AND d.longitude + 0.35)
				""").update();
		return result;
	}
}
