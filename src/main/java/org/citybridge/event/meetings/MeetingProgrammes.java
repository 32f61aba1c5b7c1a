package org.citybridge.event.meetings;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.Programme;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The host's staff (and administrators) switch on an event's meeting programme, set its slot
 * length, add windows and tables. PostgreSQL refuses a window outside the event's days, over
 * another window, or over a plenary session unless staff confirmed it (V76); those refusals come
 * back on the form's fields.
 */
@Service
class MeetingProgrammes {

	private final JdbcClient jdbc;

	private final Programme programme;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	MeetingProgrammes(JdbcClient jdbc, Programme programme, AuditLog audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.programme = programme;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** The event, if the actor may run its meeting programme (the host's staff, administrators); else 403. */
	EventCatalogue.Event managed(Actor actor, String slug) {
		return this.programme.editable(actor, slug);
	}

	/** Switches the programme on, or changes its slot length and whether booking is open (optimistic lock). */
	String settings(Actor actor, String actorLabel, String slug, MeetingSetupForms.SettingsForm form) {
		EventCatalogue.Event event = managed(actor, slug);
		return this.transactions.execute(tx -> {
			int changed;
			if (form.getVersion() == null) {
				changed = this.jdbc.sql("""
						INSERT INTO meeting_programmes (event_id, slot_minutes, booking_open) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
						""").params(event.id(), form.getSlotMinutes(), form.isBookingOpen()).update();
			}
			else {
				// Slots are cut from the windows: the length may not change once someone asked for a meeting.
				boolean booked = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM meetings WHERE event_id = ?)").param(event.id())
					.query(Boolean.class).single();
				Integer before = this.jdbc.sql("SELECT slot_minutes FROM meeting_programmes WHERE event_id = ?").param(event.id())
					.query(Integer.class).optional().orElse(null);
				if (booked && before != null && !before.equals(form.getSlotMinutes())) {
					throw new Refusal("slotMinutes", "meeting.setup.slot.booked");
				}
				changed = this.jdbc.sql("""
						UPDATE meeting_programmes SET slot_minutes = ?, booking_open = ?, version = version + 1
						WHERE event_id = ? AND version = ?
						""").params(form.getSlotMinutes(), form.isBookingOpen(), event.id(), form.getVersion()).update();
			}
			if (changed == 0) {
				throw Refusal.ofForm("meeting.setup.stale");
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("slotMinutes", form.getSlotMinutes());
			after.put("bookingOpen", form.isBookingOpen());
			this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meetingProgramme", event.id(),
					form.getVersion() == null ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE, null, after);
			return event.slug();
		});
	}

	/** Adds a window; a refusal names the plenary session it would run beside. */
	String addWindow(Actor actor, String actorLabel, String slug, MeetingSetupForms.WindowForm form) {
		EventCatalogue.Event event = managed(actor, slug);
		Instant starts = ZonedDateTime.of(form.getDay(), form.getStartTime(), event.zone()).toInstant();
		Instant ends = ZonedDateTime.of(form.getDay(), form.getEndTime(), event.zone()).toInstant();
		if (!ends.isAfter(starts)) {
			throw new Refusal("endTime", "meeting.setup.end.afterStart");
		}
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO meeting_windows (event_id, starts_at, ends_at, overlap_confirmed) VALUES (?, ?, ?, ?) RETURNING id
						""").params(event.id(), java.sql.Timestamp.from(starts), java.sql.Timestamp.from(ends), form.isOverlapConfirmed())
					.query(Long.class).single();
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("startsAt", starts.toString());
				after.put("endsAt", ends.toString());
				after.put("overlapConfirmed", form.isOverlapConfirmed());
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meetingWindow", id, AuditLog.Action.CREATE,
						null, after);
				return event.slug();
			});
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("meeting_windows_plenary_ck")) {
				String title = this.jdbc.sql("""
						SELECT title FROM sessions WHERE event_id = ? AND kind = 'PLENARY' AND cancelled_at IS NULL
						AND tstzrange(starts_at, ends_at) && tstzrange(?, ?) ORDER BY starts_at LIMIT 1
						""").params(event.id(), java.sql.Timestamp.from(starts), java.sql.Timestamp.from(ends))
					.query(String.class).optional().orElse("");
				throw new Refusal("overlapConfirmed", "meeting.setup.window.plenary", Text.typed(title));
			}
			if (message.contains("meeting_windows_within_event_ck")) {
				throw new Refusal("day", "meeting.setup.window.outside");
			}
			if (message.contains("meeting_windows_no_overlap")) {
				throw new Refusal("startTime", "meeting.setup.window.overlap");
			}
			if (message.contains("meeting_windows_event_id_fkey")) {
				throw Refusal.ofForm("meeting.setup.notOn");
			}
			throw ex;
		}
	}

	/** Removes a window in which nobody has asked for a meeting yet. */
	String deleteWindow(Actor actor, String actorLabel, String slug, String windowId) {
		EventCatalogue.Event event = managed(actor, slug);
		Long id = Text.idOrNull(windowId);
		return this.transactions.execute(tx -> {
			boolean used = id != null && this.jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM meetings m JOIN meeting_windows w ON w.event_id = m.event_id
					               AND m.starts_at >= w.starts_at AND m.ends_at <= w.ends_at WHERE w.id = ?)
					""").param(id).query(Boolean.class).single();
			if (used) {
				throw Refusal.ofForm("meeting.setup.window.used");
			}
			int gone = id == null ? 0 : this.jdbc.sql("DELETE FROM meeting_windows WHERE id = ? AND event_id = ?").params(id, event.id()).update();
			if (gone > 0) {
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meetingWindow", id, AuditLog.Action.DELETE,
						Map.of("eventId", event.id()), null);
			}
			return "meeting.setup.flash.windowDeleted";
		});
	}

	/**
	 * Removes a table, unless meetings are placed at it: an accepted meeting keeps its table (its two
	 * sides were told its number), and a held or missed one is the event's record. The programme's
	 * row is locked as accepting locks it, so no acceptance places a meeting at the table meanwhile;
	 * the foreign key {@code meetings_table_fk} (V76) refuses it anyway.
	 */
	String deleteTable(Actor actor, String actorLabel, String slug, MeetingSetupForms.TableRemovalForm form) {
		EventCatalogue.Event event = managed(actor, slug);
		int number = form.getNumber();
		try {
			return this.transactions.execute(tx -> {
				this.jdbc.sql("SELECT event_id FROM meeting_programmes WHERE event_id = ? FOR UPDATE").param(event.id())
					.query(Long.class).optional().orElseThrow(() -> Refusal.ofForm("meeting.setup.notOn"));
				long table = this.jdbc.sql("SELECT id FROM meeting_tables WHERE event_id = ? AND number = ?")
					.params(event.id(), number).query(Long.class).optional()
					.orElseThrow(() -> new Refusal("number", "meeting.setup.tableNumber.none", number));
				int placed = this.jdbc.sql("SELECT count(*) FROM meetings WHERE table_id = ?").param(table).query(Integer.class).single();
				if (placed > 0) {
					throw new Refusal("number", "meeting.setup.tableNumber.inUse", number, placed);
				}
				this.jdbc.sql("DELETE FROM meeting_tables WHERE id = ?").param(table).update();
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meetingTable", table, AuditLog.Action.DELETE,
						Map.of("eventId", event.id(), "number", number), null);
				return event.slug();
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("meetings_table_fk")) {
				throw new Refusal("number", "meeting.setup.tableNumber.inUse", number, 1);
			}
			throw ex;
		}
	}

	/** Adds tables numbered after the highest number so far, in an optional room. */
	String addTables(Actor actor, String actorLabel, String slug, MeetingSetupForms.TablesForm form) {
		EventCatalogue.Event event = managed(actor, slug);
		try {
			return this.transactions.execute(tx -> {
				this.jdbc.sql("SELECT event_id FROM meeting_programmes WHERE event_id = ? FOR UPDATE").param(event.id())
					.query(Long.class).optional().orElseThrow(() -> Refusal.ofForm("meeting.setup.notOn"));
				int last = this.jdbc.sql("SELECT coalesce(max(number), 0) FROM meeting_tables WHERE event_id = ?").param(event.id())
					.query(Integer.class).single();
				if (last + form.getCount() > 999) {
					throw new Refusal("count", "meeting.setup.count.range");
				}
				for (int i = 1; i <= form.getCount(); i++) {
					this.jdbc.sql("INSERT INTO meeting_tables (event_id, number, room) VALUES (?, ?, ?)")
						.params(event.id(), last + i, Text.blankToNull(form.getRoom())).update();
				}
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("from", last + 1);
				after.put("to", last + form.getCount());
				after.put("room", Text.blankToNull(form.getRoom()));
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "meetingTables", event.id(),
						AuditLog.Action.CREATE, null, after);
				return event.slug();
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw new Refusal("count", "meeting.setup.count.range");
		}
	}
}
