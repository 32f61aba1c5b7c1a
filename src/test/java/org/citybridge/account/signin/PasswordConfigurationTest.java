package org.citybridge.account.signin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords as the portal stores them: bcrypt at strength 10, whatever the tests run with. */
class PasswordConfigurationTest {

	@Test
	void theShippedConfigurationHashesWithBcryptAtStrengthTen() throws IOException {
		Properties shipped = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			shipped.load(in);
		}
		int strength = Integer.parseInt(shipped.getProperty("citybridge.passwords.bcrypt-strength"));
		assertThat(strength).isEqualTo(10);
		var encoder = new PasswordConfiguration().passwordEncoder(strength);
		String hash = encoder.encode("bridge-demo-2025");
		assertThat(hash).startsWith("{bcrypt}$2a$10$");
		assertThat(encoder.matches("bridge-demo-2025", hash)).isTrue();
		assertThat(encoder.matches("bridge-demo-2026", hash)).isFalse();
	}
}
