package org.citybridge.municipality;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo municipalities at start-up when {@code citybridge.demo.enabled} is on, before
 * anything else runs (the import command imports on top of them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("citybridge.demo.enabled")
class DemoDataRunner implements ApplicationRunner {

	private final MunicipalityDemoData demoData;

	DemoDataRunner(MunicipalityDemoData demoData) {
		this.demoData = demoData;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.demoData.load();
	}
}
