package org.citybridge.funding.lumpsums;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.funding.FundingPolicy;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Published lump-sum tables (issue 24): read for the instrument's page and the group check, written
 * by staff. A save replaces the table's rows in one transaction, checked against the version the form
 * was opened at; the database refuses overlapping rows (an exclusion constraint) and amounts that are
 * not positive, and the refusal comes back next to the field.
 */
@Service
public class LumpSums {

	private static final String TABLE_COLUMNS = """
			SELECT t.id, t.instrument_id, t.call_id, t.source_url, t.note, t.content_lang, t.example, t.version
			FROM funding_lump_sum_tables t
			""";

	private final JdbcClient jdbc;

	private final FundingPolicy policy;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	LumpSums(JdbcClient jdbc, FundingPolicy policy, AuditLog audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** The instrument's own table (not a call's), if staff entered one. */
	@Transactional(readOnly = true)
	public Optional<LumpSumTable> ofInstrument(long instrumentId) {
		return tables(" WHERE t.instrument_id = ? AND t.call_id IS NULL", instrumentId).stream().findFirst();
	}

	/** The call's table, if staff entered one. */
	@Transactional(readOnly = true)
	public Optional<LumpSumTable> ofCall(long callId) {
		return tables(" WHERE t.call_id = ?", callId).stream().findFirst();
	}

	/** Every instrument's own table, by instrument: two statements, however many there are. */
	@Transactional(readOnly = true)
	public Map<Long, LumpSumTable> ofInstruments() {
		Map<Long, LumpSumTable> byInstrument = new HashMap<>();
		tables(" WHERE t.call_id IS NULL").forEach(t -> byInstrument.put(t.instrumentId(), t));
		return byInstrument;
	}

	/** The tables of an instrument's calls, by call. */
	@Transactional(readOnly = true)
	public Map<Long, LumpSumTable> ofCalls(long instrumentId) {
		Map<Long, LumpSumTable> byCall = new HashMap<>();
		tables(" WHERE t.instrument_id = ? AND t.call_id IS NOT NULL", instrumentId).forEach(t -> byCall.put(t.callId(), t));
		return byCall;
	}

	private List<LumpSumTable> tables(String where, Object... params) {
		List<LumpSumTable> bare = this.jdbc.sql(TABLE_COLUMNS + where + " ORDER BY t.id").params(params)
			.query((rs, n) -> table(rs, List.of())).list();
		if (bare.isEmpty()) {
			return List.of();
		}
		Map<Long, List<LumpSumRow>> rows = new HashMap<>();
		this.jdbc.sql("""
				SELECT table_id, lower(participants), upper(participants), upper_inf(participants), amount_eur, amount_max_eur
				FROM funding_lump_sums WHERE table_id IN (:ids) ORDER BY table_id, lower(participants)
				""").param("ids", bare.stream().map(LumpSumTable::id).toList()).query((ResultSet rs) -> {
			rows.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new LumpSumRow(rs.getInt(2), rs.getBoolean(4) ? null : rs.getInt(3) - 1, rs.getInt(5),
						(Integer) rs.getObject(6)));
		});
		return bare.stream().map(t -> new LumpSumTable(t.id(), t.instrumentId(), t.callId(), t.sourceUrl(), t.note(),
				t.noteLang(), t.example(), t.version(), List.copyOf(rows.getOrDefault(t.id(), List.of())))).toList();
	}

	private static LumpSumTable table(ResultSet rs, List<LumpSumRow> rows) throws SQLException {
		return new LumpSumTable(rs.getLong("id"), rs.getLong("instrument_id"), (Long) rs.getObject("call_id"),
				rs.getString("source_url"), rs.getString("note"), rs.getString("content_lang"), rs.getBoolean("example"),
				rs.getLong("version"), rows);
	}

	/**
	 * Saves the table of the instrument (or of its call {@code callId}) as the form gives it, or removes
	 * it when the form has no row and no source. Refused as stale when the table changed (or was made,
	 * or removed) since the form was opened.
	 */
	public void save(Actor actor, String actorLabel, long instrumentId, Long callId, LumpSumForm form, Locale locale) {
		this.policy.requireEditor(actor);
		boolean removes = form.removes();
		List<LumpSumRow> rows = removes ? List.of() : form.parsed();
		Optional<LumpSumTable> before = callId == null ? ofInstrument(instrumentId) : ofCall(callId);
		long expected = before.map(LumpSumTable::version).orElse(0L);
		if (form.version() != expected) {
			throw new Refusal(null, "funding.error.stale");
		}
		try {
			this.transactions.executeWithoutResult(tx -> {
				Long tableId;
				if (before.isEmpty()) {
					if (removes) {
						return;
					}
					// Two first saves at once: the unique index lets one in, the other is refused as stale.
					tableId = this.jdbc.sql("""
							INSERT INTO funding_lump_sum_tables (instrument_id, call_id, source_url, note, content_lang)
							VALUES (?, ?, ?, ?, ?) RETURNING id
							""").params(instrumentId, callId, form.sourceUrl().strip(), Text.blankToNull(form.note()),
							lang(locale)).query(Long.class).single();
				}
				else {
					tableId = before.get().id();
					int updated = removes
							? this.jdbc.sql("DELETE FROM funding_lump_sum_tables WHERE id = ? AND version = ?")
								.params(tableId, expected).update()
							: this.jdbc.sql("""
									UPDATE funding_lump_sum_tables SET source_url = ?, note = ?, content_lang = ?, example = false,
									       version = version + 1
									WHERE id = ? AND version = ?
									""").params(form.sourceUrl().strip(), Text.blankToNull(form.note()), lang(locale), tableId,
									expected).update();
					if (updated == 0) {
						throw new Refusal(null, "funding.error.stale");
					}
					this.jdbc.sql("DELETE FROM funding_lump_sums WHERE table_id = ?").param(tableId).update();
				}
				if (!removes) {
					writeRows(this.jdbc, tableId, rows);
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "funding_lump_sum_table", tableId,
						before.isEmpty() ? AuditLog.Action.CREATE : removes ? AuditLog.Action.DELETE : AuditLog.Action.UPDATE,
						before.map(LumpSums::audited).orElse(null),
						removes ? null : audited(form.sourceUrl().strip(), rows));
			});
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("funding_lump_sums_no_overlap")) {
				throw new Refusal("rows", "funding.lumpSums.rows.overlap");
			}
			if (message.contains("funding_lump_sum_tables_instrument_uk") || message.contains("funding_lump_sum_tables_call_uk")) {
				throw new Refusal(null, "funding.error.stale");
			}
			if (message.contains("funding_lump_sums_")) {
				throw new Refusal("rows", "funding.lumpSums.rows.invalid");
			}
			if (message.contains("funding_lump_sum_tables_url_ck")) {
				throw new Refusal("sourceUrl", "funding.link.pattern");
			}
			throw ex;
		}
	}

	/** Writes a table's rows (the staff form and the demo data alike); overlapping rows fail on the exclusion constraint. */
	public static void writeRows(JdbcClient jdbc, long tableId, List<LumpSumRow> rows) {
		for (LumpSumRow row : rows) {
			jdbc.sql("""
					INSERT INTO funding_lump_sums (table_id, participants, amount_eur, amount_max_eur)
					VALUES (?, int4range(CAST(? AS integer), CAST(? AS integer), '[]'), ?, ?)
					""").params(tableId, row.from(), row.to(), row.amount(), row.amountMax()).update();
		}
	}

	private static String lang(Locale locale) {
		String lang = locale == null ? "en" : locale.getLanguage();
		return List.of("en", "mn", "fr").contains(lang) ? lang : "en";
	}

	private static Map<String, Object> audited(LumpSumTable table) {
		return audited(table.sourceUrl(), table.rows());
	}

	private static Map<String, Object> audited(String source, List<LumpSumRow> rows) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("source", source);
		view.put("rows", rows.stream().map(LumpSumRow::typed).toList());
		return view;
	}
}
