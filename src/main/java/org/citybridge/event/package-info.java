/**
 * Forum events and their programmes: events with their venue, rooms and tracks, speakers and
 * sessions; the public agenda (list and timetable by room, filters, now / next) in the event's time
 * zone and the viewer's, session and speaker pages, calendar files, JSON and schema.org JSON-LD;
 * registrations with seats and waiting lists decided by PostgreSQL; personal agendas by account or
 * by shareable address, with a private revocable calendar feed; and the staff forms that build a
 * programme. PostgreSQL refuses a double-booked room or speaker, a session outside its event's
 * dates and a registration beyond capacity; this module turns those refusals into form messages.
 * One-to-one meetings at a forum ({@code event.meetings}): the host's staff open windows of slots and
 * numbered tables, registered people opt in with a profile, ask each other for a slot and answer;
 * PostgreSQL refuses a person or a table twice in a slot and a meeting over a registered session.
 * Why two participants fit comes from matchmaking through {@link org.citybridge.event.MeetingFit}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "notice", "network", "system", "system :: translation", "audit" })
package org.citybridge.event;
