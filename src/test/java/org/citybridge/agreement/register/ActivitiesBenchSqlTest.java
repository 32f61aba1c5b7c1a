package org.citybridge.agreement.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's floor for the register filtered to "active in the last 2 years"
 * (src/bench/activities-register.sql) is the statement the page runs, not one that drifted: the
 * same as {@link AgreementCatalogue#pageSql} with its parameters written in.
 */
class ActivitiesBenchSqlTest {

	@Test
	void theBenchmarksRegisterStatementIsThePagesOwn() throws IOException {
		LocalDate today = LocalDate.of(2026, 12, 7);
		AgreementQuery query = AgreementQuery.of(new AgreementParams(null, null, null, null, null, null, null, null,
				null, null, null, null, "2", null), Set.of(), Set.of());
		Map<String, Object> params = new HashMap<>();
		String written = AgreementCatalogue.pageSql(query, 1, today, params);
		// Nothing left as a parameter: the first day, the size and the offset are written in, as in the file.
		assertThat(params).isEmpty();
		assertThat(written).contains("DATE '2024-12-07'").contains("LIMIT 20 OFFSET 0");
		String bench = Files.readAllLines(Path.of("src/bench/activities-register.sql"))
			.stream()
			.filter(line -> !line.startsWith("--"))
			.collect(Collectors.joining(" "))
			.strip()
			.replace(":since", "2024-12-07");
		assertThat(bench).isEqualTo(written + ";");
	}
}
