/**
 * Funding instruments (Twinning, TAIEX and the others staff add), their calls or request windows
 * and eligibility kept as data: country groups and single countries that may lead or partner,
 * kinds of body, minimum partners and countries, free-text conditions, and rules about a whole group
 * of applicants (a maximum of partners, eligible countries, a minimum from a country group,
 * participants to check), which a call may replace with group rules of its own for that call; and the
 * published lump-sum tables of lump-sum instruments and calls ({@code lumpsums}). Everyone reads the
 * instruments, the upcoming deadlines (also as an
 * iCalendar feed) and the finder, which explains for one municipality, a pair or a group which
 * instruments fit and why, and what a group still lacks; other features ask
 * {@link org.citybridge.funding.FundingFinder} and {@link org.citybridge.funding.Instruments}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "notice", "municipality", "system", "system :: translation", "system :: cache", "audit", "theme",
			"country" })
package org.citybridge.funding;
