package org.citybridge.event.manage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;
import org.citybridge.system.translation.Translations;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventNotFound;
import org.citybridge.event.Programme;

/**
 * The host's staff keep the rooms, tracks and speakers of an event. Every write checks that the
 * actor may edit the event, carries the version it read (optimistic locking) and goes to the audit
 * log. PostgreSQL refuses a duplicate name and the removal of what a session still uses; the
 * refusals come back as a {@link Refusal} naming the field or the session.
 */
@Service
public record EventParts(JdbcClient jdbc,
		Programme programme,
		AuditLog audit,
		TransactionTemplate transactions,
		EventCatalogue catalogue) {

	/** A room, track or speaker of the event as its pages show it: with its version and how many sessions use it. */
	public sealed interface Part permits RoomRow, TrackRow, SpeakerRow {

		long id();

		String name();

		long version();

		int sessions();
	}

	/** A room with its version and how many sessions take place in it. */
	public record RoomRow(long id, String name, Integer capacity, long version, int sessions, Translations i18n)
			implements Part {
	}

	/** A track with its version and how many sessions belong to it. */
	public record TrackRow(long id, int position, String name, long version, int sessions, Translations i18n)
			implements Part {
	}

	/** A speaker of the event, whether a photo is on file ({@code photoTag} its cache key) and how many sessions name them. */
	public record SpeakerRow(long id, String name, String role, String organisation, String bio, boolean demo,
			long version, String photoTag, int sessions, Translations i18n) implements Part {

		public boolean hasPhoto() {
			return this.photoTag != null;
		}
	}

	/** A stored photo as served. */
	record StoredPhoto(String mediaType, byte[] content, String sha256) {
	}

	// Any kind

	/** The rooms, tracks or speakers of the event, in the order their list shows them. */
	List<? extends Part> list(PartKind kind, long eventId) {
		return switch (kind) {
			case ROOMS -> rooms(eventId);
			case TRACKS -> tracks(eventId);
			case SPEAKERS -> speakers(eventId);
		};
	}

	/** One room, track or speaker of the event; another event's, or none, is not found (404). */
	Part part(PartKind kind, long eventId, long id) {
		return list(kind, eventId).stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> new EventNotFound(id));
	}

	/** Adds a room, a track (last in the programme's order) or a speaker. */
	void add(Actor actor, String actorLabel, String slug, PartForm form) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		if (form instanceof SpeakerForm speaker) {
			addSpeaker(actor, actorLabel, event, speaker);
			return;
		}
		write(() -> {
			long id = (form instanceof RoomForm room)
					? this.jdbc.sql("""
							INSERT INTO rooms (event_id, name, capacity, translations) VALUES (?, ?, ?, CAST(? AS jsonb)) RETURNING id
							""").params(event.id(), room.name().strip(), room.capacity(), room.translations())
						.query(Long.class).single()
					: this.jdbc.sql("""
							INSERT INTO tracks (event_id, position, name, translations)
							VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM tracks WHERE event_id = ?), ?, CAST(? AS jsonb))
							RETURNING id
							""").params(event.id(), event.id(), form.name().strip(), form.translations())
						.query(Long.class).single();
			this.audit.record(who(actor, actorLabel), form.kind().one(), id, AuditLog.Action.CREATE, null,
					view(event.id(), form));
			return id;
		}, form.name());
	}

	/** Saves a room, track or speaker at the version the form carries. */
	void update(Actor actor, String actorLabel, String slug, long id, PartForm form) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		Part before = part(form.kind(), event.id(), id);
		if (form instanceof SpeakerForm speaker) {
			updateSpeaker(actor, actorLabel, event, (SpeakerRow) before, speaker);
			return;
		}
		write(() -> {
			stale((form instanceof RoomForm room)
					? this.jdbc.sql("""
							UPDATE rooms SET name = ?, capacity = ?, translations = CAST(? AS jsonb), version = version + 1
							WHERE id = ? AND event_id = ? AND version = ?
							""").params(room.name().strip(), room.capacity(), room.translations(), id, event.id(), form.version())
						.update()
					: this.jdbc.sql("""
							UPDATE tracks SET name = ?, translations = CAST(? AS jsonb), version = version + 1
							WHERE id = ? AND event_id = ? AND version = ?
							""").params(form.name().strip(), form.translations(), id, event.id(), form.version()).update());
			this.audit.record(who(actor, actorLabel), form.kind().one(), id, AuditLog.Action.UPDATE,
					view(event.id(), PartForm.of(before)), view(event.id(), form));
			return id;
		}, form.name());
	}

	/** Deletes a room or track, or takes a speaker off the event; refused while a session uses it. */
	void delete(Actor actor, String actorLabel, String slug, PartKind kind, long id, long version) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		Part before = part(kind, event.id(), id);
		if (before instanceof SpeakerRow speaker) {
			deleteSpeaker(actor, actorLabel, event, speaker, version);
			return;
		}
		// The table is named after the kind, its column in sessions after one of it.
		usedBy("SELECT title FROM sessions WHERE " + kind.one() + "_id = ? ORDER BY starts_at, id LIMIT 1", id,
				kind.key("inUse"));
		write(() -> {
			stale(this.jdbc.sql("DELETE FROM " + kind.path() + " WHERE id = ? AND event_id = ? AND version = ?")
				.params(id, event.id(), version).update());
			this.audit.record(who(actor, actorLabel), kind.one(), id, AuditLog.Action.DELETE,
					view(event.id(), PartForm.of(before)), null);
			return id;
		}, before.name());
	}

	// Rooms and tracks

	List<RoomRow> rooms(long eventId) {
		return this.jdbc.sql("""
				SELECT r.id, r.name, r.capacity, r.version, (SELECT count(*) FROM sessions s WHERE s.room_id = r.id),
				       r.content_lang, r.translations::text
				FROM rooms r WHERE r.event_id = ? ORDER BY r.name, r.id
				""").param(eventId)
			.query((rs, n) -> new RoomRow(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), rs.getLong(4), rs.getInt(5),
					Translations.builder().from(rs.getString(6), rs.getString(7)).put("name", rs.getString(2)).build()))
			.list();
	}

	List<TrackRow> tracks(long eventId) {
		return this.jdbc.sql("""
				SELECT t.id, t.position, t.name, t.version, (SELECT count(*) FROM sessions s WHERE s.track_id = t.id),
				       t.content_lang, t.translations::text
				FROM tracks t WHERE t.event_id = ? ORDER BY t.position, t.id
				""").param(eventId)
			.query((rs, n) -> new TrackRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
					Translations.builder().from(rs.getString(6), rs.getString(7)).put("name", rs.getString(3)).build()))
			.list();
	}

	// Speakers

	/** The people of the event: those its staff entered and those its sessions name. */
	List<SpeakerRow> speakers(long eventId) {
		return this.jdbc.sql("""
				SELECT sp.id, sp.name, sp.role, sp.organisation, sp.bio, sp.demo, sp.version, left(p.sha256, 16),
				       (SELECT count(*) FROM session_speakers ss WHERE ss.speaker_id = sp.id), sp.content_lang, sp.translations::text
				FROM speakers sp LEFT JOIN speaker_photos p ON p.speaker_id = sp.id
				WHERE sp.id IN (SELECT speaker_id FROM event_speakers WHERE event_id = :event
				                UNION SELECT ss.speaker_id FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id
				                      WHERE s.event_id = :event)
				ORDER BY sp.name, sp.id
				""").param("event", eventId)
			.query((rs, n) -> new SpeakerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6), rs.getLong(7), rs.getString(8), rs.getInt(9),
					Translations.builder().from(rs.getString(10), rs.getString(11)).put("role", rs.getString(3)).build()))
			.list();
	}

	/** The photo cache keys of the speakers that have one, for links from the public pages. */
	public Map<Long, String> photoTags(long eventId) {
		Map<Long, String> tags = new LinkedHashMap<>();
		speakers(eventId).stream().filter(SpeakerRow::hasPhoto).forEach(s -> tags.put(s.id(), s.photoTag()));
		return tags;
	}

	Optional<StoredPhoto> photo(String slug, long speakerId) {
		part(PartKind.SPEAKERS, this.catalogue.bySlug(slug).id(), speakerId);
		return this.jdbc.sql("SELECT media_type, content, sha256 FROM speaker_photos WHERE speaker_id = ?").param(speakerId)
			.query((rs, n) -> new StoredPhoto(rs.getString(1), rs.getBytes(2), rs.getString(3)))
			.optional();
	}

	private void addSpeaker(Actor actor, String actorLabel, EventCatalogue.Event event, SpeakerForm form) {
		SpeakerPhoto photo = SpeakerPhoto.of(form.photo());
		write(() -> {
			long id = this.jdbc.sql("""
					INSERT INTO speakers (name, role, organisation, bio, translations) VALUES (?, ?, ?, ?, CAST(? AS jsonb))
					RETURNING id
					""").params(form.name().strip(), Text.blankToNull(form.role()), Text.blankToNull(form.organisation()),
						Text.blankToNull(form.bio()), form.translations())
				.query(Long.class).single();
			this.jdbc.sql("INSERT INTO event_speakers (event_id, speaker_id) VALUES (?, ?)").params(event.id(), id).update();
			if (photo != null) {
				storePhoto(id, photo);
			}
			this.audit.record(who(actor, actorLabel), "speaker", id, AuditLog.Action.CREATE, null,
					speakerView(event.id(), form, photo == null ? null : photo.sha256()));
			return id;
		}, form.name());
	}

	private void updateSpeaker(Actor actor, String actorLabel, EventCatalogue.Event event, SpeakerRow before,
			SpeakerForm form) {
		long speakerId = before.id();
		SpeakerPhoto photo = SpeakerPhoto.of(form.photo());
		String beforePhoto = this.jdbc.sql("SELECT sha256 FROM speaker_photos WHERE speaker_id = ?").param(speakerId)
			.query(String.class).optional().orElse(null);
		write(() -> {
			stale(this.jdbc.sql("""
					UPDATE speakers SET name = ?, role = ?, organisation = ?, bio = ?, translations = CAST(? AS jsonb),
					       version = version + 1
					WHERE id = ? AND version = ?
					""").params(form.name().strip(), Text.blankToNull(form.role()), Text.blankToNull(form.organisation()),
					Text.blankToNull(form.bio()), form.translations(), speakerId, form.version()).update());
			String afterPhoto = beforePhoto;
			if (photo != null) {
				storePhoto(speakerId, photo);
				afterPhoto = photo.sha256();
			}
			else if (form.removesPhoto()) {
				this.jdbc.sql("DELETE FROM speaker_photos WHERE speaker_id = ?").param(speakerId).update();
				afterPhoto = null;
			}
			this.audit.record(who(actor, actorLabel), "speaker", speakerId, AuditLog.Action.UPDATE,
					speakerView(event.id(), (SpeakerForm) PartForm.of(before), beforePhoto), speakerView(event.id(), form, afterPhoto));
			return speakerId;
		}, form.name());
	}

	/**
	 * Takes a speaker off the event; a speaker whom no other event keeps is deleted. Refused while a
	 * session names them.
	 */
	private void deleteSpeaker(Actor actor, String actorLabel, EventCatalogue.Event event, SpeakerRow before, long version) {
		long speakerId = before.id();
		usedBy("""
				SELECT s.title FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id
				WHERE ss.speaker_id = ? ORDER BY s.starts_at, s.id LIMIT 1
				""", speakerId, "event.speaker.inUse");
		write(() -> {
			// Locks the speaker at the version the page showed.
			stale(this.jdbc.sql("UPDATE speakers SET version = version + 1 WHERE id = ? AND version = ?")
				.params(speakerId, version).update());
			this.jdbc.sql("DELETE FROM event_speakers WHERE event_id = ? AND speaker_id = ?").params(event.id(), speakerId)
				.update();
			this.jdbc.sql("""
					DELETE FROM speakers sp WHERE sp.id = ?
					  AND NOT EXISTS (SELECT 1 FROM event_speakers es WHERE es.speaker_id = sp.id)
					""").param(speakerId).update();
			this.audit.record(who(actor, actorLabel), "speaker", speakerId, AuditLog.Action.DELETE,
					speakerView(event.id(), (SpeakerForm) PartForm.of(before), before.photoTag()), null);
			return speakerId;
		}, before.name());
	}

	private void storePhoto(long speakerId, SpeakerPhoto photo) {
		this.jdbc.sql("""
				INSERT INTO speaker_photos (speaker_id, media_type, content, sha256) VALUES (?, ?, ?, ?)
				ON CONFLICT (speaker_id) DO UPDATE SET media_type = EXCLUDED.media_type, content = EXCLUDED.content,
				       sha256 = EXCLUDED.sha256, updated_at = now()
				""").params(speakerId, photo.mediaType(), photo.content(), photo.sha256()).update();
	}

	// Shared

	private void usedBy(String sql, long id, String messageKey) {
		this.jdbc.sql(sql).param(id).query(String.class).optional().ifPresent(title -> {
			throw Refusal.ofForm(messageKey, Text.typed(title));
		});
	}

	private static void stale(int updated) {
		if (updated == 0) {
			throw Refusal.ofForm("event.stale");
		}
	}

	private long write(java.util.function.Supplier<Long> work, String name) {
		try {
			Long id = this.transactions.execute(tx -> work.get());
			return id == null ? 0 : id;
		}
		catch (DataIntegrityViolationException ex) {
			String message = String.valueOf(ex.getMostSpecificCause().getMessage());
			String label = Text.typed(name == null ? "" : name.strip());
			if (message.contains("rooms_name_uk")) {
				throw new Refusal("name", "event.room.name.taken", label);
			}
			if (message.contains("tracks_name_uk")) {
				throw new Refusal("name", "event.track.name.taken", label);
			}
			if (message.contains("rooms_capacity_ck")) {
				throw new Refusal("capacity", "event.room.capacity.range");
			}
			if (message.contains("_name_ck")) {
				throw new Refusal("name", "event.name.required");
			}
			if (message.contains("sessions_room_fk")) {
				throw Refusal.ofForm("event.room.inUse", label);
			}
			if (message.contains("sessions_track_fk")) {
				throw Refusal.ofForm("event.track.inUse", label);
			}
			if (message.contains("session_speakers_speaker_id_fkey")) {
				throw Refusal.ofForm("event.speaker.inUse", label);
			}
			if (message.contains("speaker_photos_")) {
				throw new Refusal("photo", "event.speaker.photo.type");
			}
			throw ex;
		}
	}

	private static AuditLog.Who who(Actor actor, String label) {
		return new AuditLog.Who(actor.accountId(), label);
	}

	/** A room or track as the audit log keeps it (a speaker: {@link #speakerView}). */
	private static Map<String, Object> view(long eventId, PartForm form) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("eventId", eventId);
		view.put("name", form.name() == null ? null : form.name().strip());
		if (form instanceof RoomForm room) {
			view.put("capacity", room.capacity());
		}
		return view;
	}

	private static Map<String, Object> speakerView(long eventId, SpeakerForm form, String photo) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("eventId", eventId);
		view.put("name", form.name() == null ? null : form.name().strip());
		view.put("role", Text.blankToNull(form.role()));
		view.put("organisation", Text.blankToNull(form.organisation()));
		view.put("bio", Text.blankToNull(form.bio()));
		view.put("photo", photo);
		return view;
	}
}
