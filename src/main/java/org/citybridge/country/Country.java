package org.citybridge.country;

/**
 * A country: its ISO 3166-1 alpha-2 code, numeric code (absent for Kosovo) and group. Its name in
 * any language comes from CLDR through the layout's display names.
 */
public record Country(String code, String numericCode, CountryGroup group) {
}
