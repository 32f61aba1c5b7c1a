package org.citybridge.event.manage;

/**
 * The three kinds of things staff keep for an event besides its sessions: the rooms of the venue,
 * the tracks of the programme and the speakers. Each has its list page at
 * {@code /events/{slug}/manage/{path}}, an edit page per entry below it, and messages under
 * {@code event.{one}.}.
 */
enum PartKind {

	ROOMS("rooms", "room"), TRACKS("tracks", "track"), SPEAKERS("speakers", "speaker");

	/** What the address matches after {@code /manage/}. */
	static final String PATHS = "rooms|tracks|speakers";

	private final String path;

	private final String one;

	PartKind(String path, String one) {
		this.path = path;
		this.one = one;
	}

	/** The kind the address names ({@link #PATHS} holds the mappings to these). */
	static PartKind ofPath(String path) {
		for (PartKind kind : values()) {
			if (kind.path.equals(path)) {
				return kind;
			}
		}
		throw new IllegalArgumentException(path);
	}

	/** The address segment of the list, e.g. {@code rooms}. */
	public String path() {
		return this.path;
	}

	/** One of the kind, as the message keys and the audit log name it, e.g. {@code room}. */
	public String one() {
		return this.one;
	}

	/** The message key {@code event.<one>.<suffix>}. */
	String key(String suffix) {
		return "event." + this.one + "." + suffix;
	}
}
