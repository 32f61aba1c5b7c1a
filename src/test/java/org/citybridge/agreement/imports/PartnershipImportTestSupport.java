package org.citybridge.agreement.imports;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.citybridge.agreement.imports.PartnershipRegister.ListSource;
import org.citybridge.municipality.MunicipalityKind;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.municipality.NewMunicipality;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For tests outside this package (the browser catalog): a row waiting in the review list. */
public final class PartnershipImportTestSupport {

	private PartnershipImportTestSupport() {
	}

	/** Two places named Twinville near each other, one imported row naming it: that row's id. */
	public static synchronized long ambiguousRowId(ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Long existing = jdbc.sql("""
				SELECT id FROM partnership_import_rows WHERE outcome = 'AMBIGUOUS' AND resolved_at IS NULL
				AND sides -> 0 ->> 'name' = 'Twinville' ORDER BY id DESC LIMIT 1
				""").query(Long.class).optional().orElse(null);
		if (existing != null) {
			return existing;
		}
		MunicipalityRecords records = context.getBean(MunicipalityRecords.class);
		for (double offset : new double[] { 0, 0.04 }) {
			records.add(new NewMunicipality("Twinville", null, null, "RS", MunicipalityKind.TOWN, 5_000,
					BigDecimal.valueOf(44.0 + offset), BigDecimal.valueOf(20.0 + offset)));
		}
		String csv = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
				+ "Twinville,Serbia,44.02,20.02,Darkhan,Mongolia,49.48,105.92\n";
		context.getBean(PartnershipImportRuns.class)
			.runNow(PartnershipCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
					new PartnershipImport.Options(ListSource.wikipedia(), "twinville.csv", true, null, "test"),
					PartnershipImport.Progress.NONE);
		return jdbc.sql("""
				SELECT id FROM partnership_import_rows WHERE outcome = 'AMBIGUOUS' AND sides -> 0 ->> 'name' = 'Twinville'
				ORDER BY id DESC LIMIT 1
				""").query(Long.class).single();
	}
}
