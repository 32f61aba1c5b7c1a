package org.citybridge.agreement.views;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export benchmark compares the CSV file with PostgreSQL's {@code COPY} of the same SELECT:
 * the statement in {@code src/bench/agreements-export.sql} must stay the portal's own.
 */
class OpenDataSqlTest {

	@Test
	void theBenchmarksCopyRunsThePortalsCsvStatement() throws Exception {
		String bench = Files.readString(Path.of("src/bench/agreements-export.sql"));
		assertThat(normalised(bench)).isEqualTo(normalised(OpenData.CSV_ROWS + " WHERE TRUE ORDER BY a.id"));
	}

	@Test
	void theCsvStatementNamesItsColumnsAsTheFileDoes() {
		for (String column : OpenData.COLUMNS) {
			assertThat(OpenData.CSV_ROWS).containsPattern("(a\\.|AS )" + column + "[,\\s]");
		}
	}

	private static String normalised(String sql) {
		return sql.strip().replaceAll("\\s+", " ");
	}
}
