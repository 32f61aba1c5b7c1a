/**
 * Organisations and networks of local governments (NALAS, CEMR, national associations): the
 * organisations that employ staff, and the municipalities that are their members. Accounts refer
 * to an organisation by id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "municipality", "country", "theme", "system", "audit" })
package org.citybridge.network;
