package org.citybridge.agreement.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.citybridge.agreement.imports.PartnershipRegister.ListSource;
import org.citybridge.agreement.imports.PartnershipRegister.Pair;
import org.citybridge.audit.AuditLog;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.AgreementPolicy;
import org.citybridge.agreement.AgreementSource;

/**
 * The review list of ambiguous rows: staff pick one candidate per ambiguous side; the choice is
 * remembered per (name, country) as the list spells them, so every later import matches that side
 * the same way, and the pair is registered at once.
 */
@Service
class PartnershipReview {

	/** A municipality a side may mean, numbered as on its map. */
	public record Choice(int number, long id, String name, String countryCode, Long geonamesId, Double distanceKm,
			Double latitude, Double longitude) {
	}

	/** One side of a row under review. */
	public record ReviewSide(String name, String country, Double latitude, Double longitude, String outcome,
			String reason, Choice match, List<Choice> candidates, String map) {

		public boolean ambiguous() {
			return "AMBIGUOUS".equals(this.outcome);
		}
	}

	/** A row under review. */
	public record ReviewRow(long id, long runId, long line, boolean resolved, ReviewSide first, ReviewSide second) {

		public String record() {
			return this.first.name() + ", " + this.first.country() + " – " + this.second.name() + ", "
					+ this.second.country();
		}
	}

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final PartnershipRegister register;

	private final MunicipalityRecords records;

	private final AgreementPolicy policy;

	private final AuditLog audit;

	PartnershipReview(JdbcClient jdbc, PartnershipRegister register, MunicipalityRecords records, AgreementPolicy policy,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.register = register;
		this.records = records;
		this.policy = policy;
		this.audit = audit;
	}

	private static final String PENDING = """
			SELECT DISTINCT ON (sides -> 0 ->> 'name', sides -> 0 ->> 'country', sides -> 1 ->> 'name', sides -> 1 ->> 'country')
			    id, run_id, line, resolved_at IS NOT NULL, sides::text
			FROM partnership_import_rows r
			WHERE outcome = 'AMBIGUOUS' AND resolved_at IS NULL
			  AND NOT EXISTS (SELECT 1 FROM partnership_import_rows later
			      WHERE later.run_id > r.run_id AND later.sides = r.sides AND later.outcome = 'AMBIGUOUS')
			ORDER BY sides -> 0 ->> 'name', sides -> 0 ->> 'country', sides -> 1 ->> 'name', sides -> 1 ->> 'country', id DESC
			""";

	@Transactional(readOnly = true)
	List<ReviewRow> pending(int page) {
		return this.jdbc.sql("SELECT * FROM (" + PENDING + ") p ORDER BY line, id LIMIT ? OFFSET ?")
			.params(PAGE_SIZE, (long) Math.max(0, page) * PAGE_SIZE)
			.query((rs, n) -> row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5), false))
			.list();
	}

	@Transactional(readOnly = true)
	long pendingCount() {
		return this.jdbc.sql("SELECT count(*) FROM (" + PENDING + ") p").query(Long.class).single();
	}

	@Transactional(readOnly = true)
	Optional<ReviewRow> find(long id) {
		return this.jdbc.sql("SELECT id, run_id, line, resolved_at IS NOT NULL, sides::text FROM partnership_import_rows WHERE id = ? AND outcome = 'AMBIGUOUS'")
			.param(id)
			.query((rs, n) -> row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5), true))
			.optional();
	}

	/** What staff's choice came to: whether the pair was added (else it was present), and its register entry. */
	record Resolution(boolean added, Long agreementId) {
	}

	/**
	 * Resolves a row with staff's choice per ambiguous side (a matched side keeps its match) and
	 * registers the pair under the source of the row's run, as its matched rows were.
	 * @throws AccessDeniedException unless the actor is staff or an administrator
	 * @throws Refusal when the row was resolved already, or a side lacks a choice, or both are one place
	 */
	@Transactional
	Resolution resolve(long rowId, Long first, Long second, Actor actor, String actorLabel) {
		if (actor == null || !this.policy.mayImport(actor)) {
			throw new AccessDeniedException("Only staff and administrators review imported partnerships");
		}
		ReviewRow row = find(rowId).orElseThrow(() -> new AgreementNotFound("import row " + rowId));
		if (row.resolved()) {
			throw Refusal.ofForm("agreement.imports.review.error.resolved");
		}
		Long a = chosen(row.first(), first);
		Long b = chosen(row.second(), second);
		if (a == null || b == null) {
			throw Refusal.ofForm("agreement.imports.review.error.choose");
		}
		if (a.equals(b)) {
			throw Refusal.ofForm("agreement.imports.review.error.same");
		}
		decide(row.first(), a, actor);
		decide(row.second(), b, actor);
		Pair pair = Pair.of(a, b);
		Set<Pair> added = this.register.register(Map.of(pair, row.record()), source(row.runId()), actor, actorLabel);
		Map<Long, List<String>> names = new java.util.HashMap<>();
		names.computeIfAbsent(a, k -> new ArrayList<>()).add(spelling(row.first()));
		names.computeIfAbsent(b, k -> new ArrayList<>()).add(spelling(row.second()));
		this.records.addAlternateNames(names);
		this.jdbc.sql("""
				UPDATE partnership_import_rows SET resolved_at = now(), resolved_by = ?
				WHERE outcome = 'AMBIGUOUS' AND resolved_at IS NULL AND sides = (SELECT sides FROM partnership_import_rows WHERE id = ?)
				""").params(actor.accountId(), rowId).update();
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "partnership-import-row", rowId,
				AuditLog.Action.UPDATE, null, Map.of("first", a, "second", b, "added", !added.isEmpty()));
		Long agreementId = this.jdbc.sql("""
				SELECT id FROM agreements WHERE party_key = ?::bigint[] AND type = 'SISTER_CITY' ORDER BY id DESC LIMIT 1
				""").param(new Long[] { pair.first(), pair.second() }).query(Long.class).optional().orElse(null);
		return new Resolution(!added.isEmpty(), agreementId);
	}

	/** The source that the run of a row chose for its list. */
	private ListSource source(long runId) {
		return this.jdbc.sql("""
				SELECT source_kind, source_name, source_attribution, source_url FROM partnership_import_runs WHERE id = ?
				""").param(runId)
			.query((rs, n) -> new ListSource(AgreementSource.Kind.valueOf(rs.getString(1)), rs.getString(2),
					rs.getString(3), rs.getString(4)))
			.single();
	}

	private static String spelling(ReviewSide side) {
		PlaceName name = PlaceName.of(side.name());
		return name.spellings().isEmpty() ? side.name() : name.spellings().get(0).name();
	}

	/** The municipality for a side: its match, or the candidate staff chose (only one of the listed). */
	private static Long chosen(ReviewSide side, Long choice) {
		if (!side.ambiguous()) {
			return side.match() == null ? null : side.match().id();
		}
		if (choice == null) {
			return null;
		}
		return side.candidates().stream().anyMatch(c -> c.id() == choice) ? choice : null;
	}

	private void decide(ReviewSide side, long municipalityId, Actor actor) {
		if (!side.ambiguous()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO partnership_side_decisions (name, country, municipality_id, decided_by) VALUES (?, ?, ?, ?)
				ON CONFLICT (name, country) DO UPDATE SET municipality_id = excluded.municipality_id,
				    decided_by = excluded.decided_by, decided_at = now()
				""").params(side.name(), side.country(), municipalityId, actor.accountId()).update();
	}

	@SuppressWarnings("unchecked")
	static ReviewRow row(long id, long runId, long line, boolean resolved, String json, boolean withMaps) {
		List<Map<String, Object>> sides = PartnershipImportRuns.JSON.readValue(json, List.class);
		return new ReviewRow(id, runId, line, resolved, side(sides.get(0), withMaps), side(sides.get(1), withMaps));
	}

	@SuppressWarnings("unchecked")
	private static ReviewSide side(Map<String, Object> s, boolean withMaps) {
		List<Choice> candidates = new ArrayList<>();
		int number = 1;
		for (Map<String, Object> c : (List<Map<String, Object>>) s.getOrDefault("candidates", List.of())) {
			candidates.add(choice(number++, c));
		}
		Map<String, Object> match = (Map<String, Object>) s.get("match");
		Double lat = number(s.get("latitude"));
		Double lng = number(s.get("longitude"));
		return new ReviewSide((String) s.get("name"), (String) s.get("country"), lat, lng, (String) s.get("outcome"),
				(String) s.get("reason"), match == null ? null : choice(0, match), candidates,
				withMaps && "AMBIGUOUS".equals(s.get("outcome")) ? map(lat, lng, candidates) : null);
	}

	private static Choice choice(int number, Map<String, Object> c) {
		Number geonames = (Number) c.get("geonamesId");
		return new Choice(number, ((Number) c.get("id")).longValue(), (String) c.get("name"), (String) c.get("countryCode"),
				geonames == null ? null : geonames.longValue(), number(c.get("distanceKm")), number(c.get("latitude")),
				number(c.get("longitude")));
	}

	private static Double number(Object o) {
		return o instanceof Number n ? n.doubleValue() : null;
	}

	/**
	 * A small SVG map of the candidates around the list's coordinates (a cross), 60 km across,
	 * each candidate a numbered dot: enough to tell two places of one name apart. Only numbers go
	 * into it, never names, so it needs no escaping.
	 */
	static String map(Double lat, Double lng, List<Choice> candidates) {
		int size = 240;
		double half = 30;
		double centreLat = lat != null ? lat : candidates.stream().filter(c -> c.latitude() != null)
			.mapToDouble(Choice::latitude).average().orElse(0);
		double centreLng = lng != null ? lng : candidates.stream().filter(c -> c.longitude() != null)
			.mapToDouble(Choice::longitude).average().orElse(0);
		double kmPerLng = 111.32 * Math.cos(Math.toRadians(centreLat));
		for (Choice c : candidates) {
			if (c.latitude() != null) {
				half = Math.max(half, Math.abs(c.latitude() - centreLat) * 111.32 * 1.15);
				half = Math.max(half, Math.abs(c.longitude() - centreLng) * kmPerLng * 1.15);
			}
		}
		double scale = size / 2.0 / half;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" class=\"review-map-ground\"/>", size, size));
		// a scale bar of 10 km
		svg.append(String.format(Locale.ROOT,
				"<path d=\"M8 %d h%.1f\" class=\"review-map-scale\"/><text x=\"8\" y=\"%d\" class=\"review-map-label\">10 km</text>",
				size - 8, 10 * scale, size - 12));
		if (lat != null && lng != null) {
			int c = size / 2;
			svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d l12 12 M%d %d l-12 12\" class=\"review-map-listed\"/>",
					c - 6, c - 6, c + 6, c - 6));
		}
		for (Choice c : candidates) {
			if (c.latitude() == null || c.longitude() == null) {
				continue;
			}
			double x = size / 2.0 + (c.longitude() - centreLng) * kmPerLng * scale;
			double y = size / 2.0 - (c.latitude() - centreLat) * 111.32 * scale;
			svg.append(String.format(Locale.ROOT,
					"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" class=\"review-map-place\"/><text x=\"%.1f\" y=\"%.1f\" class=\"review-map-number\">%d</text>",
					x, y, x, y + 4, c.number()));
		}
		return svg.toString();
	}
}
