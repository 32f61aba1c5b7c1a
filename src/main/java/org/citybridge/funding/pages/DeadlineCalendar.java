package org.citybridge.funding.pages;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.citybridge.funding.Call;
import org.citybridge.funding.Deadline;
import org.citybridge.funding.FundingDeadlines;
import org.citybridge.system.CalendarFile;

/**
 * Call deadlines as an RFC 5545 calendar: one VEVENT per call at its exact closing instant, written
 * in UTC (the Z form) so no VTIMEZONE is needed; the call's own zone is named in the description.
 * The file is written by the portal's one calendar writer ({@link CalendarFile}).
 */
final class DeadlineCalendar {

	private DeadlineCalendar() {
	}

	static String of(List<Deadline> deadlines, String baseUrl, String host, Instant now) {
		CalendarFile ics = CalendarFile.calendar("-//CityBridge//Funding deadlines//EN")
			.line("METHOD:PUBLISH")
			.line("X-WR-CALNAME:CityBridge funding deadlines");
		for (Deadline d : deadlines) {
			Call call = d.call();
			String description = d.instrumentName() + "\n"
					+ "Closes " + FundingDeadlines.time(call.closesAt(), call.zone(), Locale.ENGLISH, true) + (call.budget() == null ? "" : "\n" + call.budget())
					+ (d.example() ? "\nExample entry, not a real programme." : "");
			ics.line("BEGIN:VEVENT")
				.line("UID:funding-call-" + call.id() + "@" + host)
				.utc("DTSTAMP", now)
				// A deadline is a moment: a zero-length event at the closing instant.
				.utc("DTSTART", call.closesAt())
				.utc("DTEND", call.closesAt())
				.text("SUMMARY", d.instrumentShortName() + ": " + call.title())
				.text("DESCRIPTION", description)
				.line("URL:" + baseUrl + "/funding/" + d.instrumentSlug())
				.line("TRANSP:TRANSPARENT")
				.line("END:VEVENT");
		}
		return ics.end();
	}
}
