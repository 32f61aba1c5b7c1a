package org.citybridge.funding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citybridge.country.CountryGroup;
import org.citybridge.system.cache.ContentVersion;
import org.citybridge.system.cache.VersionedCache;
import org.citybridge.system.translation.Translations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads instruments, their rules and their calls. Everything the list and the finder need comes
 * in a fixed number of statements, however many instruments and rules there are.
 */
@Service
@Transactional(readOnly = true)
public class FundingCatalogue {

	private static final String INSTRUMENT_COLUMNS = """
			SELECT i.id, i.slug, i.name, i.short_name, i.managing_body, i.purpose, i.funds, i.typical_size,
			       i.typical_duration, i.official_url, i.example, i.version, i.content_lang, i.translations::text AS translations,
			       ARRAY(SELECT it.theme_code FROM funding_instrument_themes it JOIN themes t ON t.code = it.theme_code
			             WHERE it.instrument_id = i.id ORDER BY t.position) AS themes
			FROM funding_instruments i
			""";

	private static final String CALL_COLUMNS = """
			SELECT c.id, c.instrument_id, c.title, c.opens_at, c.closes_at, c.time_zone, c.budget, c.url, c.version,
			       c.content_lang, c.translations::text AS translations
			FROM funding_calls c
			""";

	private final JdbcClient jdbc;

	/**
	 * The instruments with their rules, kept with the database's {@code content_version} (advanced at
	 * the commit of every change, on any instance): an agreement's page, the finder and the partner
	 * suggestions weigh every instrument on each request, and the instruments change a few times a year.
	 */
	private final VersionedCache kept;

	FundingCatalogue(JdbcClient jdbc, @Value("${citybridge.funding.catalogue-cache-seconds:300}") long seconds) {
		this.jdbc = jdbc;
		this.kept = new VersionedCache(ContentVersion.readBy(jdbc), seconds, 4);
	}

	/**
	 * Every instrument with its rules, by short name: kept while nothing changed, else two statements.
	 * Inside a transaction that writes, read afresh: its own changes advance the version only at commit.
	 */
	public List<Instrument> all() {
		if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return read();
		}
		return this.kept.get("all", this::read);
	}

	private List<Instrument> read() {
		Map<Long, List<Rule>> rules = new HashMap<>();
		this.jdbc.sql("""
				SELECT instrument_id, kind, role, country_group, country_code, allowed, body_kind, minimum, condition,
				       maximum, minimum_abroad, content_lang, translations::text AS translations
				FROM funding_rules ORDER BY instrument_id, id
				""").query((ResultSet rs) -> {
			rules.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rule(rs));
		});
		return List.copyOf(this.jdbc.sql(INSTRUMENT_COLUMNS + " ORDER BY lower(i.short_name), i.id")
			.query((rs, n) -> instrument(rs, rules.getOrDefault(rs.getLong("id"), List.of())))
			.list());
	}

	public Instrument bySlug(String slug) {
		if (slug == null || slug.length() > 80) {
			throw new FundingNotFound(slug);
		}
		Instrument bare = this.jdbc.sql(INSTRUMENT_COLUMNS + " WHERE i.slug = ?")
			.param(slug)
			.query((rs, n) -> instrument(rs, List.of()))
			.optional()
			.orElseThrow(() -> new FundingNotFound(slug));
		List<Rule> rules = this.jdbc.sql("""
				SELECT instrument_id, kind, role, country_group, country_code, allowed, body_kind, minimum, condition,
				       maximum, minimum_abroad, content_lang, translations::text AS translations
				FROM funding_rules WHERE instrument_id = ? ORDER BY id
				""").param(bare.id()).query((rs, n) -> rule(rs)).list();
		return new Instrument(bare.id(), bare.slug(), bare.name(), bare.shortName(), bare.managingBody(), bare.purpose(),
				bare.funds(), bare.typicalSize(), bare.typicalDuration(), bare.officialUrl(), bare.example(),
				bare.version(), bare.themes(), rules, bare.i18n());
	}

	/** An instrument's calls, the latest closing first. */
	public List<Call> calls(long instrumentId) {
		return this.jdbc.sql(CALL_COLUMNS + " WHERE c.instrument_id = ? ORDER BY c.closes_at DESC, c.id")
			.param(instrumentId)
			.query((rs, n) -> call(rs))
			.list();
	}

	public Call call(long instrumentId, long callId) {
		return this.jdbc.sql(CALL_COLUMNS + " WHERE c.instrument_id = ? AND c.id = ?")
			.params(instrumentId, callId)
			.query((rs, n) -> call(rs))
			.optional()
			.orElseThrow(() -> new FundingNotFound("call " + callId));
	}

	/** The calls not yet closed at {@code now}, grouped by instrument, the soonest closing first. */
	public Map<Long, List<Call>> currentCalls(Instant now) {
		Map<Long, List<Call>> calls = new LinkedHashMap<>();
		this.jdbc.sql(CALL_COLUMNS + " WHERE c.closes_at > ? ORDER BY c.closes_at, c.id")
			.param(Timestamp.from(now))
			.query((rs, n) -> call(rs))
			.list()
			.forEach(c -> calls.computeIfAbsent(c.instrumentId(), id -> new ArrayList<>()).add(c));
		return calls;
	}

	/** A call by its id alone (its instrument is its own), if there is one. */
	public java.util.Optional<Call> call(long callId) {
		return this.jdbc.sql(CALL_COLUMNS + " WHERE c.id = ?").param(callId).query((rs, n) -> call(rs)).optional();
	}

	/**
	 * The calls closing after {@code since}, with their instrument, the soonest closing first: what the
	 * group check offers to choose from (a call closed since still tells its rules).
	 */
	public List<Deadline> callsClosingAfter(Instant since) {
		return deadlines(since, Instant.parse("9999-12-31T00:00:00Z"));
	}

	/** A call's own group rules (V90), in the order entered; none when the call has none of its own. */
	public List<Rule> callRules(long callId) {
		return this.jdbc.sql("""
				SELECT kind, country_group, minimum, maximum, minimum_abroad FROM funding_call_rules
				WHERE call_id = ? ORDER BY id
				""").param(callId).query((rs, n) -> callRule(rs)).list();
	}

	/** The group rules of every call of an instrument that has some, by call: one statement. */
	public Map<Long, List<Rule>> callRulesOf(long instrumentId) {
		Map<Long, List<Rule>> rules = new HashMap<>();
		this.jdbc.sql("""
				SELECT r.call_id, r.kind, r.country_group, r.minimum, r.maximum, r.minimum_abroad FROM funding_call_rules r
				JOIN funding_calls c ON c.id = r.call_id WHERE c.instrument_id = ? ORDER BY r.id
				""").param(instrumentId).query((ResultSet rs) -> {
			rules.computeIfAbsent(rs.getLong("call_id"), id -> new ArrayList<>()).add(callRule(rs));
		});
		return rules;
	}

	private static Rule callRule(ResultSet rs) throws SQLException {
		String group = rs.getString("country_group");
		return new Rule(Rule.Kind.valueOf(rs.getString("kind")), null, group == null ? null : CountryGroup.valueOf(group),
				null, null, null, (Integer) rs.getObject("minimum"), null, null, (Integer) rs.getObject("maximum"),
				(Integer) rs.getObject("minimum_abroad"));
	}

	/**
	 * The rules that hold for a call: the instrument's, except that each kind the call has rules of is
	 * the call's alone (issue 24: the rules change from call to call; a call of the same instrument
	 * without rules of its own keeps the instrument's).
	 */
	public static List<Rule> forCall(List<Rule> instrumentRules, List<Rule> callRules) {
		java.util.Set<Rule.Kind> replaced = java.util.EnumSet.noneOf(Rule.Kind.class);
		callRules.forEach(r -> replaced.add(r.kind()));
		List<Rule> rules = new ArrayList<>(instrumentRules.stream().filter(r -> !replaced.contains(r.kind())).toList());
		rules.addAll(callRules);
		return List.copyOf(rules);
	}

	/** Writes a call's group rules (the staff form and the demo calls alike); only the kinds about the group. */
	public static void writeCallRules(JdbcClient jdbc, long callId, List<Rule> rules) {
		for (Rule r : rules) {
			jdbc.sql("""
					INSERT INTO funding_call_rules (call_id, kind, country_group, minimum, maximum, minimum_abroad)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(callId, r.kind().name(), r.group() == null ? null : r.group().name(), r.minimum(),
					r.maximum(), r.minimumAbroad())
				.update();
		}
	}

	/** Calls closing from {@code from} (included) to {@code until} (excluded), the soonest first, with their instrument. */
	List<Deadline> deadlines(Instant from, Instant until) {
		return this.jdbc.sql("""
				SELECT c.id, c.instrument_id, c.title, c.opens_at, c.closes_at, c.time_zone, c.budget, c.url, c.version,
				       c.content_lang, c.translations::text AS translations, i.slug, i.short_name, i.name, i.example
				FROM funding_calls c JOIN funding_instruments i ON i.id = c.instrument_id
				WHERE c.closes_at >= ? AND c.closes_at < ? ORDER BY c.closes_at, c.id
				""").params(Timestamp.from(from), Timestamp.from(until))
			.query((rs, n) -> new Deadline(call(rs), rs.getString("slug"), rs.getString("short_name"),
					rs.getString("name"), rs.getBoolean("example")))
			.list();
	}

	private static Instrument instrument(ResultSet rs, List<Rule> rules) throws SQLException {
		return new Instrument(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("short_name"),
				rs.getString("managing_body"), rs.getString("purpose"), rs.getString("funds"),
				rs.getString("typical_size"), rs.getString("typical_duration"), rs.getString("official_url"),
				rs.getBoolean("example"), rs.getLong("version"), List.of((String[]) rs.getArray("themes").getArray()),
				List.copyOf(rules),
				Translations.builder().from(rs.getString("content_lang"), rs.getString("translations"))
					.put("name", rs.getString("name"))
					.put("purpose", rs.getString("purpose"))
					.put("funds", rs.getString("funds"))
					.build());
	}

	private static Rule rule(ResultSet rs) throws SQLException {
		String group = rs.getString("country_group");
		String body = rs.getString("body_kind");
		String role = rs.getString("role");
		return new Rule(Rule.Kind.valueOf(rs.getString("kind")), role == null ? null : Rule.Role.valueOf(role),
				group == null ? null : CountryGroup.valueOf(group), rs.getString("country_code"),
				(Boolean) rs.getObject("allowed"), body == null ? null : BodyKind.valueOf(body),
				(Integer) rs.getObject("minimum"), rs.getString("condition"),
				Translations.builder().from(rs.getString("content_lang"), rs.getString("translations"))
					.put("condition", rs.getString("condition"))
					.build(),
				(Integer) rs.getObject("maximum"), (Integer) rs.getObject("minimum_abroad"));
	}

	/** Writes an instrument's themes and eligibility rules (the staff form and the demo instruments alike). */
	public static void writeThemesAndRules(JdbcClient jdbc, long instrumentId, List<String> themes, List<Rule> rules) {
		for (String theme : themes) {
			jdbc.sql("INSERT INTO funding_instrument_themes (instrument_id, theme_code) VALUES (?, ?)")
				.params(instrumentId, theme).update();
		}
		for (Rule r : rules) {
			jdbc.sql("""
					INSERT INTO funding_rules (instrument_id, kind, role, country_group, country_code, allowed, body_kind,
					       minimum, condition, content_lang, translations, maximum, minimum_abroad)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
					""").params(instrumentId, r.kind().name(), r.role() == null ? null : r.role().name(),
					r.group() == null ? null : r.group().name(), r.countryCode(), r.allowed(),
					r.bodyKind() == null ? null : r.bodyKind().name(), r.minimum(), r.condition(),
					r.i18n().originalLang("condition"), conditionTranslations(r), r.maximum(), r.minimumAbroad())
				.update();
		}
	}

	/** A condition's translations as its row keeps them (V60): those the rule carries, none for other kinds. */
	private static String conditionTranslations(Rule r) {
		return Translations.given()
			.field("condition", r.i18n().given("condition", "mn"), r.i18n().given("condition", "fr"))
			.json();
	}

	public static Call call(ResultSet rs) throws SQLException {
		return new Call(rs.getLong("id"), rs.getLong("instrument_id"), rs.getString("title"),
				rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
				ZoneId.of(rs.getString("time_zone")), rs.getString("budget"), rs.getString("url"), rs.getLong("version"),
				Translations.builder().from(rs.getString("content_lang"), rs.getString("translations"))
					.put("title", rs.getString("title"))
					.build());
	}
}
