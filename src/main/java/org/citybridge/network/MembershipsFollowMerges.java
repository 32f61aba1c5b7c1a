package org.citybridge.network;

import org.citybridge.municipality.MunicipalitiesMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When staff merge two records of one place, the memberships of the removed record move to the
 * kept one (where it is not a member already), inside the merge's transaction.
 */
@Component
record MembershipsFollowMerges(JdbcClient jdbc) {

	@EventListener
	void on(MunicipalitiesMerged merged) {
		this.jdbc.sql("""
				UPDATE organisation_members m SET municipality_id = :kept
				WHERE m.municipality_id = :removed AND NOT EXISTS (SELECT 1 FROM organisation_members o
				    WHERE o.organisation_id = m.organisation_id AND o.municipality_id = :kept)
				""").param("kept", merged.keptId()).param("removed", merged.removedId()).update();
	}
}
