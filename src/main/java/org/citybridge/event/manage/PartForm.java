package org.citybridge.event.manage;

/**
 * A room, track or speaker as staff enter it: on its list page to add one, on its edit page to
 * change one. The version is the one the page showed (optimistic locking).
 */
sealed interface PartForm permits RoomForm, TrackForm, SpeakerForm {

	PartKind kind();

	String name();

	long version();

	/** Its translations as the row keeps them (V60): a room's or track's name, a speaker's role. */
	String translations();

	/** The empty form under a list, to add one of the kind. */
	static PartForm empty(PartKind kind) {
		return switch (kind) {
			case ROOMS -> new RoomForm("", "", "", null, 0);
			case TRACKS -> new TrackForm("", "", "", 0);
			case SPEAKERS -> new SpeakerForm("", "", "", "", "", "", null, false, 0);
		};
	}

	/** The form of an edit page, filled with the entry as stored. */
	static PartForm of(EventParts.Part part) {
		if (part instanceof EventParts.RoomRow room) {
			return new RoomForm(room.name(), room.i18n().given("name", "mn"), room.i18n().given("name", "fr"),
					room.capacity(), room.version());
		}
		if (part instanceof EventParts.TrackRow track) {
			return new TrackForm(track.name(), track.i18n().given("name", "mn"), track.i18n().given("name", "fr"),
					track.version());
		}
		EventParts.SpeakerRow speaker = (EventParts.SpeakerRow) part;
		return new SpeakerForm(speaker.name(), speaker.role(), speaker.i18n().given("role", "mn"),
				speaker.i18n().given("role", "fr"), speaker.organisation(), speaker.bio(), null, false, speaker.version());
	}
}
