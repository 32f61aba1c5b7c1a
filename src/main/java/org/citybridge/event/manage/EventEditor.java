package org.citybridge.event.manage;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.citybridge.event.attendance.AttendanceNotices;
import org.citybridge.audit.AuditLog;
import org.citybridge.network.Organisation;
import org.citybridge.network.Organisations;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;
import org.citybridge.system.ViewerZone;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.event.attendance.Registrations;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventDemoData;
import org.citybridge.event.Programme;

/**
 * The host's staff and administrators edit an event: its facts, dates and zone, and whether it takes
 * registrations up to which capacity. PostgreSQL refuses dates that would strand sessions; the
 * refusal comes back as a {@link Refusal} on the field.
 */
@Service
public record EventEditor(JdbcClient jdbc,
		Programme programme,
		AuditLog audit,
		TransactionTemplate transactions,
		Organisations organisations,
		Registrations registrations,
		AttendanceNotices notices) {

	/** The venue's position, both parts or neither. */
	public record Coordinates(BigDecimal latitude, BigDecimal longitude) {

		static final Coordinates NONE = new Coordinates(null, null);

		public boolean known() {
			return this.latitude != null && this.longitude != null;
		}
	}

	public Coordinates coordinates(long eventId) {
		return this.jdbc.sql("SELECT venue_latitude, venue_longitude FROM events WHERE id = ?").param(eventId)
			.query((rs, n) -> new Coordinates(rs.getBigDecimal(1), rs.getBigDecimal(2))).single();
	}

	/** Whether the actor may create events: administrators, and staff of an organisation (for it). */
	public static boolean mayCreate(Actor actor) {
		return actor.role() == Actor.Role.ADMIN || (actor.role() == Actor.Role.STAFF && actor.organisationId() != null);
	}

	/** The organisations the actor may choose as host: all for administrators, their own for staff. */
	List<Organisation> hosts(Actor actor) {
		if (!mayCreate(actor)) {
			throw new AccessDeniedException("May not create events");
		}
		return this.organisations.all().stream()
			.filter(o -> actor.role() == Actor.Role.ADMIN || o.id() == actor.organisationId())
			.toList();
	}

	/**
	 * Creates an event with the four focus areas as its tracks; its address (slug) comes from the
	 * title and year. PostgreSQL keeps addresses unique; a clash comes back on the title.
	 */
	String create(Actor actor, String actorLabel, EventForm form) {
		List<Organisation> hosts = hosts(actor);
		if (form.hostOrganisationId() == null) {
			throw new Refusal("hostOrganisationId", "event.form.host.required");
		}
		if (hosts.stream().noneMatch(o -> o.id() == form.hostOrganisationId())) {
			if (this.organisations.byId(form.hostOrganisationId()).isPresent()) {
				throw new AccessDeniedException("May not create events for organisation " + form.hostOrganisationId());
			}
			throw new Refusal("hostOrganisationId", "event.form.host.required");
		}
		ZoneId zone = zone(form);
		String slug = slug(form.title(), form.startsOn());
		try {
			return this.transactions.execute(tx -> {
				long id = this.jdbc.sql("""
						INSERT INTO events (slug, title, kind, host_organisation_id, starts_on, ends_on, time_zone, venue_name,
						                    venue_address, description, registration_open, capacity, venue_latitude, venue_longitude,
						                    translations)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id
						""").params(slug, form.title().strip(), form.kind().name(), form.hostOrganisationId(), form.startsOn(),
						form.endsOn(), zone.getId(), form.venueName().strip(), Text.blankToNull(form.venueAddress()),
						Text.blankToNull(form.description()), form.registrationOpen(), form.capacity(), form.latitude(),
						form.longitude(), form.translations())
					.query(Long.class)
					.single();
				for (int i = 0; i < EventDemoData.FOCUS_AREAS.size(); i++) {
					this.jdbc.sql("INSERT INTO tracks (event_id, position, name) VALUES (?, ?, ?)")
						.params(id, i + 1, EventDemoData.FOCUS_AREAS.get(i)).update();
				}
				Map<String, Object> after = view(form);
				after.put("slug", slug);
				after.put("hostOrganisationId", form.hostOrganisationId());
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "event", id, AuditLog.Action.CREATE, null,
						after);
				return slug;
			});
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			if (message.contains("events_slug_uk")) {
				throw new Refusal("title", "event.form.slug.taken", slug);
			}
			throw refusal(ex, null);
		}
	}

	/** The address of an event: its title in lower-case Latin letters and digits, with the year. */
	static String slug(String title, java.time.LocalDate startsOn) {
		String latin = java.text.Normalizer.normalize(transliterate(title == null ? "" : title.strip().toLowerCase(java.util.Locale.ROOT)),
				java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = latin.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 70) {
			slug = slug.substring(0, 70).replaceAll("-+$", "");
		}
		String year = startsOn == null ? "" : String.valueOf(startsOn.getYear());
		if (slug.isEmpty()) {
			return "event-" + year;
		}
		return slug.endsWith(year) ? slug : slug + "-" + year;
	}

	private static final Map<Character, String> CYRILLIC = cyrillic();

	private static Map<Character, String> cyrillic() {
		String[] pairs = { "а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "yo", "ж", "j", "з", "z",
				"и", "i", "й", "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "ө", "u", "п", "p", "р", "r",
				"с", "s", "т", "t", "у", "u", "ү", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "sh",
				"ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya" };
		Map<Character, String> map = new java.util.HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i].charAt(0), pairs[i + 1]);
		}
		return map;
	}

	private static String transliterate(String text) {
		StringBuilder latin = new StringBuilder(text.length());
		text.chars().forEach(c -> latin.append(CYRILLIC.getOrDefault((char) c, String.valueOf((char) c))));
		return latin.toString();
	}

	private static ZoneId zone(EventForm form) {
		return ViewerZone.parse(form.timeZone())
			.orElseThrow(() -> new Refusal("timeZone", "event.form.zone.invalid"));
	}

	/** The version the form must carry back, for optimistic locking. */
	public long version(long eventId) {
		return this.jdbc.sql("SELECT version FROM events WHERE id = ?").param(eventId).query(Long.class).single();
	}

	public void update(Actor actor, String actorLabel, String slug, EventForm form) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		ZoneId zone = zone(form);
		Map<String, Object> before = view(EventForm.of(event, 0, coordinates(event.id())));
		try {
			this.transactions.executeWithoutResult(tx -> {
				List<Long> waiting = this.notices.waiting(event.id(), null);
				int updated = this.jdbc.sql("""
						UPDATE events SET title = ?, kind = ?, starts_on = ?, ends_on = ?, time_zone = ?, venue_name = ?,
						       venue_address = ?, description = ?, registration_open = ?, capacity = ?, venue_latitude = ?,
						       venue_longitude = ?, translations = CAST(? AS jsonb), version = version + 1
						WHERE id = ? AND version = ?
						""").params(form.title().strip(), form.kind().name(), form.startsOn(), form.endsOn(), zone.getId(),
						form.venueName().strip(), Text.blankToNull(form.venueAddress()), Text.blankToNull(form.description()),
						form.registrationOpen(), form.capacity(), form.latitude(), form.longitude(), form.translations(), event.id(),
						form.version())
					.update();
				if (updated == 0) {
					throw Refusal.ofForm("event.form.stale");
				}
				this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "event", event.id(), AuditLog.Action.UPDATE,
						before, view(form));
				// A larger capacity (or none) moved the queue into the new seats: those moved hear of it.
				this.notices.announcePromoted(waiting);
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw refusal(ex, event.id());
		}
	}

	/**
	 * What the database refused, as a message next to the field. Runs after the failed transaction
	 * has rolled back, so it can read the event as it stands ({@code eventId} null for a new one).
	 */
	private RuntimeException refusal(DataIntegrityViolationException ex, Long eventId) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("events_venue_coordinates_ck")) {
			return new Refusal("latitude", "event.form.coordinates.both");
		}
		if (message.contains("events_venue_latitude_ck")) {
			return new Refusal("latitude", "event.form.latitude.range");
		}
		if (message.contains("events_venue_longitude_ck")) {
			return new Refusal("longitude", "event.form.longitude.range");
		}
		if (message.contains("events_dates_ck")) {
			return new Refusal("endsOn", "event.form.error.endBeforeStart");
		}
		if (message.contains("sessions_within_event_ck")) {
			return new Refusal("startsOn", "event.form.error.strandsSessions");
		}
		if (message.contains("events_capacity_ck")) {
			return new Refusal("capacity", "event.form.capacity.range");
		}
		if (message.contains("registrations_capacity_ck") && eventId != null) {
			return new Refusal("capacity", "event.form.capacity.belowConfirmed",
					String.valueOf(this.registrations.counts(eventId, null, null).confirmed()));
		}
		return ex;
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
		view.put("translations", form.translations());
		view.put("registrationOpen", form.registrationOpen());
		view.put("capacity", form.capacity());
		view.put("latitude", form.latitude());
		view.put("longitude", form.longitude());
		return view;
	}
}
