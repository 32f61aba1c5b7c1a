package org.citybridge.event;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a portal .ics file with ical4j, as a calendar application would, and checks it is valid. */
public final class IcsParser {

	private IcsParser() {
	}

	public static Calendar parse(String ics) {
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(ics.replace("\r\n", "")).as("bare line breaks").doesNotContain("\n").doesNotContain("\r");
		try {
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			ValidationResult result = calendar.validate();
			assertThat(result.hasErrors()).as(result.toString()).isFalse();
			return calendar;
		}
		catch (Exception ex) {
			throw new AssertionError("Not a valid iCalendar file: " + ex.getMessage() + "\n" + ics, ex);
		}
	}

	public static List<VEvent> events(Calendar calendar) {
		return calendar.getComponents("VEVENT");
	}

	public static String text(VEvent event, String property) {
		return event.getProperty(property).map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).orElse(null);
	}
}
