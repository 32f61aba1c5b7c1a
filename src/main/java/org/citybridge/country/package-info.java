/**
 * Countries by ISO 3166-1 code, with the country group that funding rules use (EU member state,
 * candidate, potential candidate, neighbourhood, partner, other). Names come localised from the
 * JDK's CLDR data, never from hand-written tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package org.citybridge.country;
