package org.citybridge.municipality;

import java.math.BigDecimal;

/** A municipality that staff add by hand because GeoNames lacks it; the database checks each value. */
public record NewMunicipality(String name, String nativeName, String nativeScript, String countryCode,
		MunicipalityKind kind, Integer population, BigDecimal latitude, BigDecimal longitude) {
}
