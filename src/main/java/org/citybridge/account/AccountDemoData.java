package org.citybridge.account;

import java.util.List;
import java.util.Map;

import org.citybridge.system.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Demo accounts, one per role, created only with the demo data; listed in the README. */
@Service
public class AccountDemoData {

	/** The password of every demo account; demo installations only. */
	public static final String PASSWORD = "bridge-demo-2025";

	record DemoAccount(String email, String name, Actor.Role role, Long municipalityGeonamesId, String organisation) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("admin@citybridge.example", "Ada Admin", Actor.Role.ADMIN, null, null),
			new DemoAccount("staff.nalas@citybridge.example", "Nada Staff (NALAS)", Actor.Role.STAFF, null, "NALAS"),
			new DemoAccount("staff.cemr@citybridge.example", "Claude Staff (CEMR)", Actor.Role.STAFF, null, "CEMR"),
			new DemoAccount("officer.darkhan@citybridge.example", "Bat-Erdene Officer (Darkhan)", Actor.Role.OFFICER,
					2031964L, null),
			new DemoAccount("officer.ghent@citybridge.example", "Griet Officer (Ghent)", Actor.Role.OFFICER, 2797656L,
					null),
			new DemoAccount("officer.nis@citybridge.example", "Nikola Officer (Niš)", Actor.Role.OFFICER, 787657L, null));

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	AccountDemoData(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional
	public void load(Map<String, Long> organisations) {
		String hash = null;
		for (DemoAccount account : ACCOUNTS) {
			boolean exists = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = ?)")
				.param(account.email())
				.query(Boolean.class)
				.single();
			if (exists) {
				continue;
			}
			if (hash == null) {
				hash = this.passwordEncoder.encode(PASSWORD);
			}
			Long municipalityId = account.municipalityGeonamesId() == null ? null
					: this.jdbc.sql("SELECT id FROM municipalities WHERE geonames_id = ?")
						.param(account.municipalityGeonamesId())
						.query(Long.class)
						.optional()
						.orElse(null);
			if (account.role() == Actor.Role.OFFICER && municipalityId == null) {
				continue;
			}
			this.jdbc.sql("""
					INSERT INTO accounts (email, display_name, password_hash, role, municipality_id, organisation_id, enabled)
					VALUES (?, ?, ?, ?, ?, ?, true)
					""").params(account.email(), account.name(), hash, account.role().name(), municipalityId,
					account.organisation() == null ? null : organisations.get(account.organisation()))
				.update();
		}
	}
}
