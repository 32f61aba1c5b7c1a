/**
 * Partner matchmaking: ranked, explained partner suggestions for a municipality (computed in one
 * SQL statement over the whole directory, weights in {@link org.citybridge.matchmaking.SuggestionWeights}),
 * and partnership requests between municipalities with their inbox, answers, limits kept by
 * PostgreSQL, and the staff overview of a network's requests. Reads the agreement register's
 * tables for existing partners and the partnership graph.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "agreement", "funding", "network",
		"municipality", "system", "audit", "theme", "country" })
package org.citybridge.matchmaking;
