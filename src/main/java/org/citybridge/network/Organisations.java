package org.citybridge.network;

import java.util.List;
import java.util.Optional;

import org.citybridge.municipality.MunicipalityMemberships;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads organisations and their members; answers the membership question for profile edits. */
@Service
@Transactional(readOnly = true)
public class Organisations implements MunicipalityMemberships {

	private static final RowMapper<Organisation> ORGANISATION = (rs, n) -> new Organisation(rs.getLong("id"),
			rs.getString("name"), rs.getString("short_name"), OrganisationKind.valueOf(rs.getString("kind")));

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Organisation> all() {
		return this.jdbc.sql("SELECT id, name, short_name, kind FROM organisations ORDER BY lower(coalesce(short_name, name))")
			.query(ORGANISATION)
			.list();
	}

	public Optional<Organisation> byId(long id) {
		return this.jdbc.sql("SELECT id, name, short_name, kind FROM organisations WHERE id = ?")
			.param(id)
			.query(ORGANISATION)
			.optional();
	}

	@Override
	public boolean organisationHasMember(long organisationId, long municipalityId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM organisation_members WHERE organisation_id = ? AND municipality_id = ?)")
			.params(organisationId, municipalityId)
			.query(Boolean.class)
			.single();
	}
}
