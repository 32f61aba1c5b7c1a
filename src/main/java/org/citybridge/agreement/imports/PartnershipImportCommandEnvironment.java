package org.citybridge.agreement.imports;

import org.citybridge.system.PublicUrl;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** As for the place import: the command's portal listens on a free port of its own, quietly. */
class PartnershipImportCommandEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String words = environment.getProperty("nonOptionArgs", "");
		if (words.equals(PartnershipImportCommand.NAME) || words.startsWith(PartnershipImportCommand.NAME + ",")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("partnershipImportCommand", PublicUrl.commandSettings(environment)));
		}
	}
}
