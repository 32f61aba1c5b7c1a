package org.citybridge.funding;

import org.citybridge.country.CountryGroup;

/** A municipality as the finder sees it: its name, its country and that country's group. */
public record Party(long id, String name, String countryCode, CountryGroup group) {
}
