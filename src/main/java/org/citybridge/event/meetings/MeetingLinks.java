package org.citybridge.event.meetings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether an event has a meeting programme, for its page's link to it ({@code @meetingLinks.on(id)}). */
@Component("meetingLinks")
class MeetingLinks {

	private final JdbcClient jdbc;

	MeetingLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean on(long eventId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM meeting_programmes WHERE event_id = ?)").param(eventId)
			.query(Boolean.class).single();
	}
}
