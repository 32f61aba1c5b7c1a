package org.citybridge.agreement.imports;

import org.citybridge.system.RunCommand;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/** As for the place import: the command's portal listens on a free port of its own, quietly. */
class PartnershipImportCommandEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		RunCommand.settle(environment, PartnershipImportCommand.NAME, "partnershipImportCommand");
	}
}
