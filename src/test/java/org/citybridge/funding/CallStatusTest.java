package org.citybridge.funding;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.citybridge.funding.manage.CallForm;
import org.citybridge.funding.manage.FundingEditor;
import org.citybridge.system.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A call's status is derived from its exact instants, whatever zone staff entered them in. */
class CallStatusTest {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");

	static Call call(LocalDateTime opens, LocalDateTime closes, ZoneId zone) {
		return new Call(1, 1, "Call", CallForm.instant(opens, zone), CallForm.instant(closes, zone), zone, null, null, 0,
				org.citybridge.system.translation.Translations.NONE);
	}

	@Test
	void isOpenUntilTheClosingInstantAndClosedFromIt() {
		Call call = call(LocalDateTime.of(2026, 1, 5, 9, 0), LocalDateTime.of(2026, 2, 27, 17, 0), BRUSSELS);
		Instant closing = Instant.parse("2026-02-27T16:00:00Z");
		assertThat(call.closesAt()).isEqualTo(closing);
		assertThat(call.status(closing.minusNanos(1))).isEqualTo(CallStatus.OPEN);
		assertThat(call.status(closing)).isEqualTo(CallStatus.CLOSED);
		assertThat(call.status(Instant.parse("2026-01-05T07:59:59Z"))).isEqualTo(CallStatus.UPCOMING);
		assertThat(call.status(Instant.parse("2026-01-05T08:00:00Z"))).isEqualTo(CallStatus.OPEN);
	}

	@Test
	void theSameWallClockClosingIsADifferentInstantInAnotherZone() {
		Call brussels = call(LocalDateTime.of(2026, 1, 5, 9, 0), LocalDateTime.of(2026, 2, 27, 17, 0), BRUSSELS);
		Call ulaanbaatar = call(LocalDateTime.of(2026, 1, 5, 9, 0), LocalDateTime.of(2026, 2, 27, 17, 0), ULAANBAATAR);
		Instant between = Instant.parse("2026-02-27T12:00:00Z");
		// 17:00 in Ulaanbaatar (UTC+8) is 09:00 UTC; 17:00 in Brussels (UTC+1) is 16:00 UTC.
		assertThat(ulaanbaatar.status(between)).isEqualTo(CallStatus.CLOSED);
		assertThat(brussels.status(between)).isEqualTo(CallStatus.OPEN);
	}

	@Test
	void aClosingInSummerTimeUsesTheSummerOffset() {
		Call call = call(LocalDateTime.of(2026, 3, 1, 9, 0), LocalDateTime.of(2026, 4, 30, 17, 0), BRUSSELS);
		assertThat(call.closesAt()).isEqualTo(Instant.parse("2026-04-30T15:00:00Z"));
		assertThat(call.status(Instant.parse("2026-04-30T15:30:00Z"))).isEqualTo(CallStatus.CLOSED);
	}

	@Test
	void aClosingInTheSpringGapMovesForwardAndOneInTheAutumnOverlapTakesTheEarlierInstant() {
		// 29 March 2026, 02:30 does not exist in Brussels: clocks go from 02:00 to 03:00.
		Call gap = call(LocalDateTime.of(2026, 3, 1, 9, 0), LocalDateTime.of(2026, 3, 29, 2, 30), BRUSSELS);
		assertThat(gap.closesAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		// 25 October 2026, 02:30 happens twice: the first one (summer time, UTC+2) closes the call.
		Call overlap = call(LocalDateTime.of(2026, 10, 1, 9, 0), LocalDateTime.of(2026, 10, 25, 2, 30), BRUSSELS);
		assertThat(overlap.closesAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(overlap.status(Instant.parse("2026-10-25T00:29:59Z"))).isEqualTo(CallStatus.OPEN);
		assertThat(overlap.status(Instant.parse("2026-10-25T00:30:00Z"))).isEqualTo(CallStatus.CLOSED);
	}

	@Test
	void refusesAClosingThatIsNotAfterTheOpeningOnceBothAreInstants() {
		// 02:30 CEST then 02:10 CET on the autumn night: 02:10 local is the earlier instant (CEST) too.
		CallForm form = new CallForm("Call", "2026-10-25T02:30", "2026-10-25T02:10",
				"Europe/Brussels", "", "", 0, "", "", "", "", "", "", null, "", "", "");
		assertThatThrownBy(() -> FundingEditor.times(form)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.field()).isEqualTo("closes"));
		CallForm same = new CallForm("Call", "2026-05-01T12:00", "2026-05-01T12:00",
				"Europe/Brussels", "", "", 0, "", "", "", "", "", "", null, "", "", "");
		assertThatThrownBy(() -> FundingEditor.times(same)).isInstanceOf(Refusal.class);
	}

	@Test
	void refusesADateThatDoesNotExist() {
		CallForm form = new CallForm("Call", "2026-02-30T12:00", "2026-05-02T12:00", "Europe/Brussels", "", "", 0, "", "", "", "", "", "", null, "", "", "");
		assertThatThrownBy(() -> FundingEditor.times(form)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.field()).isEqualTo("opens"));
	}

	@Test
	void refusesAZoneThatIsNotAnIanaRegion() {
		for (String zone : new String[] { "+08:00", "Mars/Olympus_Mons", "CET ", "" }) {
			CallForm form = new CallForm("Call", "2026-05-01T12:00", "2026-05-02T12:00", zone, "", "", 0, "", "", "", "", "", "", null, "", "", "");
			assertThatThrownBy(() -> FundingEditor.times(form)).as(zone).isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.field()).isEqualTo("zone"));
		}
	}
}
