package org.citybridge.municipality;

import java.math.BigDecimal;
import java.util.List;

import org.citybridge.system.ResultPage;
import org.citybridge.municipality.directory.Directory;
import org.citybridge.municipality.profile.MunicipalityProfile;

import static org.citybridge.DemoPlaces.CHOIBALSAN;

/** Valid test objects, modelled on real demo municipalities. */
public final class MunicipalityFixtures {

	private MunicipalityFixtures() {
	}

	public static MunicipalitySummary nis() {
		return new MunicipalitySummary(7, "Niš", "Ниш", "RS", "Nišava", MunicipalityKind.REGIONAL_CENTRE, 250000, true,
				null, List.of("CULTURE_HERITAGE"));
	}

	public static MunicipalityProfile choibalsanProfile() {
		return new MunicipalityProfile(9, "Choibalsan", "Чойбалсан", "Choibalsan", List.of("Choybalsan"), "MN",
				"Dornod", MunicipalityKind.REGIONAL_CENTRE, null, null, new BigDecimal("48.07257"),
				new BigDecimal("114.53264"), null, List.of("mn"), true, CHOIBALSAN, List.of("AGRICULTURE_RURAL"),
				List.of("HEALTH"), null, null, null);
	}

	public static Directory directory(DirectoryParams params, MunicipalitySummary... rows) {
		DirectoryQuery query = DirectoryQuery.of(params, java.util.Set.of("RS", "MN", "BE"),
				java.util.Set.of("HEALTH", "CULTURE_HERITAGE"));
		return new Directory(query, new ResultPage<>(List.of(rows), rows.length, 1, query.size(), MunicipalitySearch.MAX_RESULTS));
	}
}
