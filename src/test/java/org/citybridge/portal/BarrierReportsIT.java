package org.citybridge.portal;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Issue 17, finding 10: barrier reports were unthrottled; a script could bury the staff's list.
 * One connection may send ten an hour; the eleventh comes back with its text and a message.
 */
@IntegrationTest
class BarrierReportsIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneConnectionSendsTenReportsAnHourAndTheEleventhIsKeptOnTheForm() {
		MockMvcTester mvc = AccountTestSupport.mockMvc(this.context);
		String marker = "Flood " + System.nanoTime();
		RequestPostProcessor from = fromAddress("203.0.113." + (System.nanoTime() % 200 + 1));
		for (int i = 1; i <= 10; i++) {
			assertThat(mvc.post().uri("/accessibility").with(csrf()).with(from).param("description", marker + " report " + i))
				.hasStatus3xxRedirection();
		}
		assertThat(mvc.post().uri("/accessibility").with(csrf()).with(from).param("description", marker + " report 11"))
			.hasStatusOk().bodyText().contains(marker + " report 11").contains("id=\"description-error\"");
		assertThat(this.jdbc.sql("SELECT count(*) FROM barrier_reports WHERE description LIKE ?").param(marker + "%")
			.query(Long.class).single()).isEqualTo(10);
		assertThat(mvc.post().uri("/accessibility").with(csrf()).with(fromAddress("198.51.100.9"))
			.param("description", marker + " from another connection")).hasStatus3xxRedirection();
	}

	private static RequestPostProcessor fromAddress(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
