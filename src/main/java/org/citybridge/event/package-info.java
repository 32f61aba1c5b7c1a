/**
 * Forum events and their programmes: events with their venue, rooms and tracks, speakers and
 * sessions; the public agenda in the event's time zone and the viewer's, with calendar files; and
 * the staff forms that build a programme. PostgreSQL refuses a double-booked room or speaker and a
 * session outside its event's dates; this module turns those refusals into form messages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "network", "system", "audit" })
package org.citybridge.event;
