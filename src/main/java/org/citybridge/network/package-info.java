/**
 * Organisations and networks of local governments (NALAS, CEMR, Eurocities, national
 * associations): the organisations that employ staff, what kind of network each is, where and on
 * which themes it works and who may join it, its members (municipalities and associations, with
 * the date they joined), and the networks a municipality might join. Accounts refer to an
 * organisation by id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "municipality", "country", "theme", "system", "system :: translation", "audit" })
package org.citybridge.network;
