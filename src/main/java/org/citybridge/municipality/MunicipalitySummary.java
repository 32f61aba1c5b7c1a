package org.citybridge.municipality;

/** One line of the directory. */
public record MunicipalitySummary(long id, String name, String nativeName, String countryCode, String division,
		MunicipalityKind kind, Integer population, boolean seekingPartners) {
}
