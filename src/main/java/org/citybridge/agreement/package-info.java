/**
 * The register of city-to-city agreements (sister-city and friendship agreements, memoranda,
 * twinning projects): staff register and verify them, officers propose their own municipality's,
 * the public lists from Wikipedia are imported into it as unverified records with their source,
 * and everyone reads it as a filtered list, a page per agreement and a section of each party's
 * profile. PostgreSQL refuses a duplicate agreement (same type, same set of parties, not ended),
 * repeated or missing parties and impossible dates; this module turns those refusals into form
 * messages and announces {@link org.citybridge.agreement.AgreementRegistered},
 * {@link org.citybridge.agreement.AgreementVerified} and {@link org.citybridge.agreement.AgreementEnded}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "notice", "event", "funding", "network", "municipality", "system", "system :: files", "system :: cache", "system :: query", "system :: translation", "audit", "theme", "country" })
package org.citybridge.agreement;
