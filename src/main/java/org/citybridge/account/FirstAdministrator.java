package org.citybridge.account;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator of an installation without demo data: read once at start-up from
 * {@code CITYBRIDGE_ADMIN_EMAIL} and {@code CITYBRIDGE_ADMIN_PASSWORD} (or the same as
 * {@code --citybridge.admin.email=…} arguments), and only while no administrator exists. There is
 * no default password.
 */
@Component
record FirstAdministrator(Environment environment, AccountRepository accounts, PasswordEncoder passwordEncoder,
		AuditLog audit, TransactionTemplate transactions) implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult(status -> createIfNone());
	}

	private void createIfNone() {
		String email = this.environment.getProperty("citybridge.admin.email");
		String password = this.environment.getProperty("citybridge.admin.password");
		if (email == null || email.isBlank() || this.accounts.existsByRole(Actor.Role.ADMIN)) {
			return;
		}
		String problem = PasswordPolicy.problemWith(password);
		if (problem != null) {
			log.error("The first administrator was not created: CITYBRIDGE_ADMIN_PASSWORD must have at least {} "
					+ "characters and not be a common password", PasswordPolicy.MIN_LENGTH);
			return;
		}
		Account admin = new Account(email, "Administrator", Actor.Role.ADMIN, null, null);
		admin.activate(this.passwordEncoder.encode(password));
		this.accounts.save(admin);
		this.audit.record(AuditLog.Who.SYSTEM, "account", admin.getId(), AuditLog.Action.CREATE, null, admin.auditView());
		log.info("Created the first administrator account {}", admin.getEmail());
	}
}
