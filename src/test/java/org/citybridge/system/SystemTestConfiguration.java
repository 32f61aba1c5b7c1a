package org.citybridge.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.citybridge.municipality.PlaceNames;
import org.citybridge.system.web.SecurityConfiguration;

/**
 * What a web slice test needs of the floor: the real security rules and display names, and places'
 * names chosen from what the page holds (no database in a slice).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, DisplayNames.class })
public class SystemTestConfiguration {

	@Bean
	PlaceNames placeNames() {
		return PlaceNames.withoutDatabase();
	}
}
