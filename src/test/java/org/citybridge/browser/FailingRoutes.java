package org.citybridge.browser;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Test-only routes that fail on purpose, so the browser suite sees the 400 and 500 pages as a
 * visitor would. Excluded from the route coverage check by their prefix.
 */
@TestConfiguration(proxyBeanMethods = false)
class FailingRoutes {

	static final String PREFIX = "/test-only/";

	static final String BAD_REQUEST = PREFIX + "bad-request";

	static final String SERVER_ERROR = PREFIX + "server-error";

	/** The message of the deliberate failure, which no page may show. */
	static final String MESSAGE = "Deliberate failure: the visitor must not see this text";

	@RestController
	static class Failures {

		@GetMapping(BAD_REQUEST)
		String badRequest() {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}

		@GetMapping(SERVER_ERROR)
		String serverError() {
			throw new IllegalStateException(MESSAGE);
		}
	}
}
