package org.citybridge.account.signin;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * Delegating, so stored hashes name their algorithm and can be upgraded; bcrypt, at the strength
	 * of {@code citybridge.passwords.bcrypt-strength} (10, Spring Security's default, about 90 ms a
	 * check on a 2-core server). The tests set 4: they sign in some thousand times a run, and what they
	 * check is who may do what, not the cost of guessing.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${citybridge.passwords.bcrypt-strength:10}") int strength) {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
	}
}
