package org.citybridge.municipality.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.citybridge.municipality.profile.MunicipalityEditPolicy;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.municipality.NewMunicipality;

/**
 * Staff's upkeep of directory records through the web: add a municipality that GeoNames lacks,
 * give one an alternate name, merge two records of the same place. Only network staff and
 * administrators may add; naming and merging change an existing municipality, so they follow the
 * profile's edit policy as well ({@link MunicipalityEditPolicy}: staff only for their network's
 * members, both records of a merge). Every change is audited in the same transaction as the change.
 */
@Service
public class MunicipalityUpkeep {

	private final MunicipalityRecords records;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final MunicipalityEditPolicy policy;

	MunicipalityUpkeep(MunicipalityRecords records, AuditLog audit, JdbcClient jdbc, MunicipalityEditPolicy policy) {
		this.records = records;
		this.audit = audit;
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/** Who may add a municipality to the directory. */
	static boolean mayKeepRecords(Actor actor) {
		return actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN;
	}

	/** Who may name this municipality or merge a duplicate of it: staff who may also edit its profile. */
	public boolean mayKeep(Actor actor, long id) {
		return mayKeepRecords(actor) && this.policy.mayEdit(actor, id);
	}

	/** The names a record can already be found under, for the records page. */
	@Transactional(readOnly = true)
	List<String> alternateNames(long id) {
		return this.jdbc.sql("SELECT unnest(alternate_names) AS n FROM municipalities WHERE id = ? ORDER BY 1")
			.param(id).query(String.class).list();
	}

	@Transactional
	long add(Actor actor, String actorLabel, NewMunicipalityForm form) {
		check(actor);
		String nativeName = Text.blankToNull(form.getNativeName());
		NewMunicipality m = new NewMunicipality(form.getName().strip(), nativeName,
				nativeName == null ? null : script(nativeName), form.getCountry(), form.getKind(), form.getPopulation(),
				form.getLatitude(), form.getLongitude());
		long id = this.records.add(m);
		this.audit.record(who(actor, actorLabel), "municipality", id, AuditLog.Action.CREATE, null, view(m));
		return id;
	}

	@Transactional
	void addAlternateName(Actor actor, String actorLabel, long id, String name) {
		check(actor, id);
		List<String> before = alternateNames(id);
		this.records.addAlternateName(id, name);
		this.audit.record(who(actor, actorLabel), "municipality", id, AuditLog.Action.UPDATE,
				Map.of("alternateNames", before), Map.of("alternateNames", alternateNames(id)));
	}

	@Transactional
	void merge(Actor actor, String actorLabel, long keptId, long removedId) {
		check(actor, keptId);
		check(actor, removedId);
		List<String> before = alternateNames(keptId);
		this.records.merge(keptId, removedId);
		this.audit.record(who(actor, actorLabel), "municipality", removedId, AuditLog.Action.DELETE,
				Map.of("mergedInto", keptId), null);
		this.audit.record(who(actor, actorLabel), "municipality", keptId, AuditLog.Action.UPDATE,
				Map.of("alternateNames", before), Map.of("alternateNames", alternateNames(keptId), "merged", removedId));
	}

	private static void check(Actor actor) {
		if (!mayKeepRecords(actor)) {
			throw new AccessDeniedException("Only network staff and administrators keep directory records");
		}
	}

	private void check(Actor actor, long id) {
		if (!mayKeep(actor, id)) {
			throw new AccessDeniedException("May not keep the record of municipality " + id);
		}
	}

	private static AuditLog.Who who(Actor actor, String label) {
		return new AuditLog.Who(actor.accountId(), label);
	}

	private static String script(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)
				? "Cyrl" : "Latn";
	}

	private static Map<String, Object> view(NewMunicipality m) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", m.name());
		view.put("nativeName", m.nativeName());
		view.put("country", m.countryCode());
		view.put("kind", m.kind());
		view.put("population", m.population());
		view.put("latitude", m.latitude());
		view.put("longitude", m.longitude());
		return view;
	}
}
