package org.citybridge.municipality;

/**
 * Two records of the same place became one: whatever referred to {@code removedId} should now
 * refer to {@code keptId}. Features that hold municipality ids (agreements, memberships, requests)
 * listen for it.
 */
public record MunicipalitiesMerged(long keptId, long removedId) {
}
