package org.citybridge.municipality.imports;

import org.citybridge.system.RunCommand;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * When the portal is started to run the import command, its web server listens on a free port
 * of its own, so that it does not clash with a portal already running on this machine. (It still
 * starts one: the security configuration needs a web application.)
 */
class ImportCommandEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		RunCommand.settle(environment, ImportCommand.NAME, "importCommand");
	}
}
