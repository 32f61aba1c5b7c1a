package org.citybridge.municipality;

/**
 * Two records of the same place became one: whatever referred to {@code removedId} should now
 * refer to {@code keptId}. Features that hold municipality ids (agreements, memberships, requests)
 * listen for it with a plain synchronous {@code @EventListener}: it is published inside the merge's
 * transaction before the removed row is deleted, so their references must have moved by then.
 */
public record MunicipalitiesMerged(long keptId, long removedId) {
}
