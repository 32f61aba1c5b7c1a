package org.citybridge.system;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's zone as the agenda and the funding pages read it: asked, remembered, forgotten or refused. */
class ViewerZoneTest {

	@Test
	void aZoneAskedForIsChosenAndRemembered() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ExtendedModelMap model = new ExtendedModelMap();
		assertThat(ViewerZone.choose("Asia/Hovd", null, "event", response, model)).isEqualTo(ZoneId.of("Asia/Hovd"));
		assertThat(response.getCookie(ViewerZone.COOKIE).getValue()).isEqualTo("Asia/Hovd");
		assertThat(model.get("zoneValue")).isEqualTo("Asia/Hovd");
	}

	@Test
	void thePagesOwnWordOrNothingForgetsTheZoneRemembered() {
		for (String tz : new String[] { "call", " ", "" }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThat(ViewerZone.choose(tz, "Europe/Paris", "call", response, new ExtendedModelMap())).as(tz).isNull();
			assertThat(response.getCookie(ViewerZone.COOKIE).getMaxAge()).isZero();
		}
		// Another page's word is no zone: refused, and the zone remembered stays.
		ExtendedModelMap model = new ExtendedModelMap();
		assertThat(ViewerZone.choose("event", "Europe/Paris", "call", new MockHttpServletResponse(), model))
			.isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(model.get("zoneRefused")).isEqualTo("event");
	}

	@Test
	void anUnknownZoneIsShownBackCutTo100CharactersAndTheRememberedOneKept() {
		ExtendedModelMap model = new ExtendedModelMap();
		MockHttpServletResponse response = new MockHttpServletResponse();
		ZoneId zone = ViewerZone.choose("Mars/" + "x".repeat(200), "Asia/Ulaanbaatar", "event", response, model);
		assertThat(zone).isEqualTo(ZoneId.of("Asia/Ulaanbaatar"));
		assertThat((String) model.get("zoneRefused")).hasSize(100).startsWith("Mars/");
		assertThat(response.getCookie(ViewerZone.COOKIE)).isNull();
	}

	@Test
	void everySuggestedZoneIsAccepted() {
		assertThat(ViewerZone.SUGGESTED).allSatisfy(id -> assertThat(ViewerZone.parse(id)).isPresent())
			.contains("Asia/Ulaanbaatar", "Asia/Hovd", "Europe/Brussels", "Europe/Paris", "Europe/Belgrade", "Europe/London", "UTC");
	}
}
