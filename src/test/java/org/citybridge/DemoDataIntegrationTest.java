package org.citybridge;

import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An {@link IntegrationTest} on the demo data, driven through MockMvc with Spring Security: before
 * each test the demo data is loaded and {@link #mvc} built; a subclass's own {@code @BeforeEach}
 * runs after this one, for what is its own (more demo data, ids it looks up).
 */
@IntegrationTest
public abstract class DemoDataIntegrationTest {

	@Autowired
	protected WebApplicationContext context;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected UserDetailsService users;

	protected MockMvcTester mvc;

	@BeforeEach
	final void loadDemoDataAndBuildMockMvc() {
		AccountTestSupport.loadDemoData(this.context);
		this.mvc = AccountTestSupport.mockMvc(this.context);
	}

	/** Signs a MockMvc request in as the given (demo) account, with its real principal. */
	protected RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
