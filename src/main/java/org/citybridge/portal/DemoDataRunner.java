package org.citybridge.portal;

import org.citybridge.account.AccountDemoData;
import org.citybridge.agreement.AgreementDemoData;
import org.citybridge.event.EventDemoData;
import org.citybridge.event.MeetingDemoData;
import org.citybridge.learning.LearningDemoData;
import org.citybridge.matchmaking.PartnerSearchDemoData;
import org.citybridge.funding.FundingDemoData;
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
 * per role, then the Brussels forum's programme and its demo meetings, then the real partnerships between demo
 * municipalities, the learning examples, the funding instruments and their calls, and two partner searches. Each step is
 * idempotent, and all of it runs before anything else at start-up (the import command imports on
 * top of the demo data).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnBooleanProperty("citybridge.demo.enabled")
record DemoDataRunner(MunicipalityDemoData municipalities,
		NetworkDemoData networks,
		AccountDemoData accounts,
		EventDemoData events,
		MeetingDemoData meetings,
		AgreementDemoData agreements,
		LearningDemoData learning,
		FundingDemoData funding,
		PartnerSearchDemoData searches) implements ApplicationRunner {

	@Override
	public void run(ApplicationArguments args) {
		this.municipalities.load();
		this.accounts.load(this.networks.load());
		this.events.load();
		this.meetings.load();
		this.agreements.load();
		this.learning.load();
		this.funding.load();
		this.searches.load();
	}
}
