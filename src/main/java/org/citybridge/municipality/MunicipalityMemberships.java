package org.citybridge.municipality;

/**
 * Answers whether an organisation counts a municipality among its members, which decides whether
 * its staff may edit the municipality. Declared here, implemented by the network feature, so that
 * this feature does not depend on a higher one.
 */
public interface MunicipalityMemberships {

	boolean organisationHasMember(long organisationId, long municipalityId);
}
