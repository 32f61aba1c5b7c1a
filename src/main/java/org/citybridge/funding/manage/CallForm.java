package org.citybridge.funding.manage;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.citybridge.country.CountryGroup;
import org.citybridge.funding.Call;
import org.citybridge.funding.Rule;

/**
 * A call as staff enter it: opening and closing as local date-times in the call's own IANA zone, and
 * the group rules of this call (issue 24), each left empty where the instrument's rule holds.
 */
public record CallForm(
		@NotBlank(message = "{funding.call.title.required}") @Size(max = 300, message = "{funding.call.title.size}") String title,
		@NotBlank(message = "{funding.call.opens.required}") @Pattern(regexp = DATE_TIME, message = "{funding.call.dateTime.pattern}") String opens,
		@NotBlank(message = "{funding.call.closes.required}") @Pattern(regexp = DATE_TIME, message = "{funding.call.dateTime.pattern}") String closes,
		@NotBlank(message = "{funding.call.zone.required}") @Size(max = 64, message = "{funding.call.zone.invalid}") String zone,
		@Size(max = 200, message = "{funding.instrument.text.size}") String budget,
		@Size(max = 500, message = "{funding.instrument.text.size}")
		@Pattern(regexp = "^(https?://\\S+)?$", message = "{funding.link.pattern}") String url,
		long version,
		@Size(max = 300, message = "{funding.call.title.size}") String titleMn,
		@Size(max = 300, message = "{funding.call.title.size}") String titleFr,
		@Pattern(regexp = InstrumentForm.MINIMUM, message = "{funding.instrument.minimum.range}") String minPartners,
		@Pattern(regexp = InstrumentForm.MINIMUM, message = "{funding.instrument.minimum.range}") String maxPartners,
		@Pattern(regexp = InstrumentForm.MINIMUM, message = "{funding.instrument.minimum.range}") String minCountries,
		@Pattern(regexp = InstrumentForm.MINIMUM, message = "{funding.instrument.minimum.range}") String minEligibleCountries,
		CountryGroup fromGroup,
		@Pattern(regexp = InstrumentForm.MINIMUM, message = "{funding.instrument.minimum.range}") String fromGroupMinimum,
		@Pattern(regexp = InstrumentForm.PARTICIPANTS, message = "{funding.instrument.participants.range}") String minParticipants,
		@Pattern(regexp = InstrumentForm.PARTICIPANTS, message = "{funding.instrument.participants.range}") String minParticipantsAbroad) {

	/** The group rules this form describes: only those filled in (valid numbers, checked by the patterns first). */
	List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		if (number(this.minPartners) != null) {
			rules.add(Rule.minPartners(number(this.minPartners)));
		}
		if (number(this.maxPartners) != null) {
			rules.add(Rule.maxPartners(number(this.maxPartners)));
		}
		if (number(this.minCountries) != null) {
			rules.add(Rule.minCountries(number(this.minCountries)));
		}
		if (number(this.minEligibleCountries) != null) {
			rules.add(Rule.minEligibleCountries(number(this.minEligibleCountries)));
		}
		if (this.fromGroup != null && number(this.fromGroupMinimum) != null) {
			rules.add(Rule.minFromGroup(this.fromGroup, number(this.fromGroupMinimum)));
		}
		if (number(this.minParticipants) != null) {
			rules.add(Rule.minParticipants(number(this.minParticipants), number(this.minParticipantsAbroad)));
		}
		return List.copyOf(rules);
	}

	/** A number a field holds, or {@code null} when it is empty or not a whole number of at most six digits. */
	static Integer number(String value) {
		return value == null || value.isBlank() || !value.strip().matches("[0-9]{1,6}") ? null : Integer.valueOf(value.strip());
	}


	/** The title's translations as the row keeps them (V60). */
	String translations() {
		return org.citybridge.system.translation.Translations.given()
			.field("title", this.titleMn, this.titleFr)
			.json();
	}

	/**
	 * A local date-time as the datetime-local field sends it (seconds allowed). Text rather than
	 * LocalDateTime so that a malformed value is one field message among the others.
	 */
	static final String DATE_TIME = "^\\s*([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?\\s*$";

	private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	static CallForm empty() {
		return new CallForm("", "", "", "Europe/Brussels", "", "", 0, "", "", "", "", "", "", null, "", "", "");
	}

	/** The local date-time of a field that matched {@link #DATE_TIME}, or empty if it is no real date (2026-02-30). */
	static Optional<LocalDateTime> local(String value) {
		try {
			return Optional.of(LocalDateTime.parse(value.strip()));
		}
		catch (DateTimeParseException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	/** The call's form with its own group rules ({@code rules}, read from funding_call_rules). */
	static CallForm of(Call call, List<Rule> rules) {
		String minPartners = "";
		String maxPartners = "";
		String minCountries = "";
		String minEligible = "";
		CountryGroup fromGroup = null;
		String fromGroupMinimum = "";
		String participants = "";
		String abroad = "";
		for (Rule r : rules) {
			switch (r.kind()) {
				case MIN_PARTNERS -> minPartners = String.valueOf(r.minimum());
				case MAX_PARTNERS -> maxPartners = String.valueOf(r.maximum());
				case MIN_COUNTRIES -> minCountries = String.valueOf(r.minimum());
				case MIN_ELIGIBLE_COUNTRIES -> minEligible = String.valueOf(r.minimum());
				case MIN_FROM_GROUP -> {
					fromGroup = r.group();
					fromGroupMinimum = String.valueOf(r.minimum());
				}
				case MIN_PARTICIPANTS -> {
					participants = String.valueOf(r.minimum());
					abroad = r.minimumAbroad() == null ? "" : String.valueOf(r.minimumAbroad());
				}
				default -> {
				}
			}
		}
		return new CallForm(call.title(), FIELD.format(call.opensAt().atZone(call.zone())),
				FIELD.format(call.closesAt().atZone(call.zone())), call.zone().getId(),
				call.budget() == null ? "" : call.budget(), call.url() == null ? "" : call.url(), call.version(),
				call.i18n().given("title", "mn"), call.i18n().given("title", "fr"), minPartners, maxPartners, minCountries,
				minEligible, fromGroup, fromGroupMinimum, participants, abroad);
	}

	/**
	 * The exact instant of a local date-time in a zone. In a spring-forward gap the clock time does
	 * not exist and moves forward by the gap (02:30 becomes 03:30); in an autumn overlap the earlier
	 * of the two instants is taken, so a deadline never silently slips by an hour.
	 */
	public static java.time.Instant instant(LocalDateTime local, ZoneId zone) {
		return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
	}
}
