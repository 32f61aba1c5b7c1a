/**
 * Municipalities (local governments): the directory with its filters and its multilingual search
 * (ICU search keys in Latin and Cyrillic, ranked exact, prefix, similar), profiles with a location
 * map, and loading places (the GeoNames import, its command line, demo data). Other features refer
 * to a municipality by its id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "notice", "country", "theme", "system", "system :: cache", "system :: query", "audit" })
package org.citybridge.municipality;
