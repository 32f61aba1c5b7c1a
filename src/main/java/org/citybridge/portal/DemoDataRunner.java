package org.citybridge.portal;

import org.citybridge.account.AccountDemoData;
import org.citybridge.agreement.AgreementDemoData;
import org.citybridge.event.EventDemoData;
import org.citybridge.municipality.MunicipalityDemoData;
import org.citybridge.network.NetworkDemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data at start-up when {@code citybridge.demo.enabled} is on (as under
 * {@code mvn spring-boot:run}): municipalities, then the networks they belong to, then one account
 * per role, then the Brussels forum's programme, then the real partnerships between demo municipalities. Each step is idempotent, and all of it runs before
 * anything else at start-up (the import command imports on top of the demo data).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("citybridge.demo.enabled")
class DemoDataRunner implements ApplicationRunner {

	private final MunicipalityDemoData municipalities;

	private final NetworkDemoData networks;

	private final AccountDemoData accounts;

	private final EventDemoData events;

	private final AgreementDemoData agreements;

	DemoDataRunner(MunicipalityDemoData municipalities, NetworkDemoData networks, AccountDemoData accounts,
			EventDemoData events, AgreementDemoData agreements) {
		this.municipalities = municipalities;
		this.networks = networks;
		this.accounts = accounts;
		this.events = events;
		this.agreements = agreements;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.municipalities.load();
		this.accounts.load(this.networks.load());
		this.events.load();
		this.agreements.load();
	}
}
