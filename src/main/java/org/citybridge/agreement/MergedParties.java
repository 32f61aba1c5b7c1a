package org.citybridge.agreement;

import org.citybridge.municipality.MunicipalitiesMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two municipality records become one, agreements of the removed one now name the kept one,
 * in the merge's own transaction (the parties' foreign key is deferred for this). An agreement
 * between the two records themselves cannot survive and makes the merge fail; so does a merge
 * that would leave two open agreements of a type between the same parties.
 */
@Component
record MergedParties(JdbcClient jdbc) {

	@EventListener
	void on(MunicipalitiesMerged merged) {
		this.jdbc.sql("""
				UPDATE agreements SET party_key = CASE WHEN :kept = ANY (party_key) THEN array_remove(party_key, :removed)
				                                       ELSE array_replace(party_key, :removed, :kept) END,
				       version = version + 1, updated_at = now()
				WHERE :removed = ANY (party_key)
				""").param("kept", merged.keptId()).param("removed", merged.removedId()).update();
	}
}
