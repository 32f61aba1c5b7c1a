package org.citybridge.system.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses the rendered pages are looked up for: pages, not files, static folders or the actuator. */
class PublicPageCachingTest {

	@Test
	void pagesAreLookedUpFilesAndTheActuatorAreNot() {
		assertThat(PublicPageCaching.mayBePage("/")).isTrue();
		assertThat(PublicPageCaching.mayBePage("/agreements")).isTrue();
		assertThat(PublicPageCaching.mayBePage("/events/brussels-forum-2025/agenda")).isTrue();
		assertThat(PublicPageCaching.mayBePage("/municipalities/12")).isTrue();
		assertThat(PublicPageCaching.mayBePage("/css/citybridge-b13e886a.css")).isFalse();
		assertThat(PublicPageCaching.mayBePage("/favicon-b615abcc.svg")).isFalse();
		assertThat(PublicPageCaching.mayBePage("/events/brussels-forum-2025/agenda.ics")).isFalse();
		assertThat(PublicPageCaching.mayBePage("/webjars/htmx.org/2.0.10/dist/htmx.min.js")).isFalse();
		assertThat(PublicPageCaching.mayBePage("/actuator/health")).isFalse();
		assertThat(PublicPageCaching.mayBePage("/v1.2/pages")).isTrue();
	}
}
