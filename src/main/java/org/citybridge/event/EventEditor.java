package org.citybridge.event;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.ViewerZone;
import org.citybridge.system.Text;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The host's staff and administrators edit an event: its facts, dates and zone, and whether it takes
 * registrations up to which capacity. PostgreSQL refuses dates that would strand sessions; the
 * refusal comes back as a {@link Programme.Refused} on the field.
 */
@Service
class EventEditor {

	private final JdbcClient jdbc;

	private final Programme programme;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	EventEditor(JdbcClient jdbc, Programme programme, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.programme = programme;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The version the form must carry back, for optimistic locking. */
	long version(long eventId) {
		return this.jdbc.sql("SELECT version FROM events WHERE id = ?").param(eventId).query(Long.class).single();
	}

	void update(Actor actor, String actorLabel, String slug, EventForm form) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		ZoneId zone = ViewerZone.parse(form.timeZone())
			.orElseThrow(() -> new Programme.Refused("timeZone", "event2.form.zone.invalid", null));
		Map<String, Object> before = view(EventForm.of(event, 0));
		try {
			this.transactions.executeWithoutResult(tx -> {
				int updated = this.jdbc.sql("""
						UPDATE events SET title = ?, kind = ?, starts_on = ?, ends_on = ?, time_zone = ?, venue_name = ?,
						       venue_address = ?, description = ?, registration_open = ?, capacity = ?, version = version + 1
						WHERE id = ? AND version = ?
						""").params(form.title().strip(), form.kind().name(), form.startsOn(), form.endsOn(), zone.getId(),
						form.venueName().strip(), Text.blankToNull(form.venueAddress()), Text.blankToNull(form.description()),
						form.registrationOpen(), form.capacity(), event.id(), form.version())
					.update();
				if (updated == 0) {
					throw new Programme.Refused(null, "event2.form.stale", null);
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "event", event.id(), AuditLog.Action.UPDATE,
						before, view(form));
			});
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("events_dates_ck")) {
				throw new Programme.Refused("endsOn", "event2.form.error.endBeforeStart", null);
			}
			if (message.contains("sessions_within_event_ck")) {
				throw new Programme.Refused("startsOn", "event2.form.error.strandsSessions", null);
			}
			if (message.contains("events_capacity_ck")) {
				throw new Programme.Refused("capacity", "event2.form.capacity.range", null);
			}
			throw ex;
		}
	}

	private static Map<String, Object> view(EventForm form) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("title", form.title() == null ? null : form.title().strip());
		view.put("kind", form.kind());
		view.put("startsOn", form.startsOn());
		view.put("endsOn", form.endsOn());
		view.put("timeZone", form.timeZone() == null ? null : form.timeZone().strip());
		view.put("venueName", form.venueName() == null ? null : form.venueName().strip());
		view.put("venueAddress", Text.blankToNull(form.venueAddress()));
		view.put("description", Text.blankToNull(form.description()));
		view.put("registrationOpen", form.registrationOpen());
		view.put("capacity", form.capacity());
		return view;
	}
}
