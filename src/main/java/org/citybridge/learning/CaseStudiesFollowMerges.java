package org.citybridge.learning;

import org.citybridge.municipality.MunicipalitiesMerged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When staff merge two records of one place, case studies that named the removed record name the
 * kept one, inside the merge's transaction (the removed row's delete would otherwise drop the
 * link). Links to agreements are by agreement id and need nothing: the agreement's parties move.
 */
@Component
record CaseStudiesFollowMerges(JdbcClient jdbc) {

	@EventListener
	void on(MunicipalitiesMerged merged) {
		this.jdbc.sql("""
				INSERT INTO case_study_municipalities (case_study_id, municipality_id)
				SELECT case_study_id, :kept FROM case_study_municipalities WHERE municipality_id = :removed
				ON CONFLICT DO NOTHING
				""").param("kept", merged.keptId()).param("removed", merged.removedId()).update();
	}
}
