package org.citybridge.account;

import org.citybridge.municipality.MunicipalitiesMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When staff merge two records of one place, the officers of the removed record become officers
 * of the kept one, inside the merge's transaction (their accounts must not point to a deleted row).
 */
@Component
record OfficersFollowMerges(JdbcClient jdbc) {

	@EventListener
	void on(MunicipalitiesMerged merged) {
		this.jdbc.sql("UPDATE accounts SET municipality_id = :kept WHERE municipality_id = :removed")
			.param("kept", merged.keptId()).param("removed", merged.removedId()).update();
	}
}
