package org.citybridge.event.attendance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A registration arrives waiting, may get a seat, and never goes back to waiting. */
class RegistrationStateTest {

	@Test
	void aRegistrationArrivesWaitingAndMayOnlyMoveUpToASeat() {
		assertThat(RegistrationState.onArrival()).isEqualTo(RegistrationState.WAITING);
		assertThat(RegistrationState.WAITING.mayBecome(RegistrationState.CONFIRMED)).isTrue();
		assertThat(RegistrationState.CONFIRMED.mayBecome(RegistrationState.WAITING)).isFalse();
		assertThat(RegistrationState.WAITING.mayBecome(RegistrationState.WAITING)).isFalse();
		assertThat(RegistrationState.CONFIRMED.mayBecome(RegistrationState.CONFIRMED)).isFalse();
	}

	@Test
	void theStatesAreTheOnesTheTableAllows() {
		// registrations_status_ck (V30): status IN ('CONFIRMED', 'WAITING')
		assertThat(RegistrationState.values()).extracting(Enum::name).containsExactlyInAnyOrder("CONFIRMED", "WAITING");
	}
}
