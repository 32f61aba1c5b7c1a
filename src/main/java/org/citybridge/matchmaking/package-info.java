/**
 * Partner matchmaking: ranked, explained partner suggestions for a municipality (scored in one
 * pass over a compact in-memory copy of the directory and the agreement graph, rebuilt when a
 * counter kept by database triggers changes; weights in {@link org.citybridge.matchmaking.SuggestionWeights}),
 * and partnership requests between municipalities with their inbox, answers, limits kept by
 * PostgreSQL, and the staff overview of a network's requests. Accepting a request opens a draft
 * agreement through the register's API, linked to the request (the agreement's page names it as
 * its origin). Gives forum meetings the reasons why two participants' municipalities fit. Reads the agreement register's tables for existing partners and the partnership graph.
 * Partner searches (sub-package searches, issue 24): a project looking for partners, expressions of
 * interest, the consortium checked against the instrument's group rules by the funding finder, and
 * the searches that fit a municipality ({@link org.citybridge.matchmaking.SearchFits}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "notice", "event", "agreement", "funding", "network",
		"municipality", "system", "system :: translation", "system :: cache", "audit", "theme", "country" })
package org.citybridge.matchmaking;
