/**
 * Municipalities (local governments): the directory and its search, profiles, and loading places
 * (GeoNames rows, demo data). Other features refer to a municipality by its id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "country", "theme", "system", "audit" })
package org.citybridge.municipality;
