package org.citybridge.notice;

import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * One thing to announce: its kind, who hears it, the arguments of its message (names, titles,
 * dates as text, in the order of the kind's message), the portal path where the work is done, and
 * the account that made the change (which does not hear of its own act).
 */
public record Announcement(NoticeKind kind, List<Audience> audiences, List<String> args, String link, Long actorId) {

	public Announcement {
		audiences = List.copyOf(audiences);
		args = List.copyOf(args);
	}

	public static Announcement of(NoticeKind kind) {
		return new Announcement(kind, List.of(), List.of(), null, null);
	}

	public Announcement to(Audience... more) {
		List<Audience> all = new ArrayList<>(this.audiences);
		all.addAll(Arrays.asList(more));
		return new Announcement(this.kind, all, this.args, this.link, this.actorId);
	}

	/** How a moment among the arguments starts: it is written when shown, in the reader's language. */
	static final String MOMENT = "moment:";

	/**
	 * A moment as one of the arguments: stored as an instant and a zone, and written in each
	 * recipient's language when the notice is shown or mailed ({@code Moments.dateTime}:
	 * {@code 20 January 2027 at 09:30 CET}, {@code 2027 оны нэгдүгээр сарын 20 09:30 (GMT+1)}).
	 */
	public static String moment(Instant at, ZoneId zone) {
		return MOMENT + at.truncatedTo(ChronoUnit.SECONDS) + " " + zone.getId();
	}

	/** The message's arguments; {@code null} is shown as an empty string. */
	public Announcement args(Object... values) {
		List<String> all = Arrays.stream(values).map(v -> v == null ? "" : String.valueOf(v)).toList();
		return new Announcement(this.kind, this.audiences, all, this.link, this.actorId);
	}

	/** A same-origin path, such as {@code /agreements/12}. */
	public Announcement link(String path) {
		return new Announcement(this.kind, this.audiences, this.args, path, this.actorId);
	}

	/** The account that made the change; it is left out of the recipients. */
	public Announcement by(Long accountId) {
		return new Announcement(this.kind, this.audiences, this.args, this.link, accountId);
	}
}
