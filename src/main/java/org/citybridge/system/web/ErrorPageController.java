package org.citybridge.system.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.citybridge.system.DatabaseUnreachable;

/**
 * Every error is one page in the layout and the visitor's language, whatever the client accepts,
 * with a text chosen by status. The model carries the status code and nothing of the exception.
 * When the database cannot be reached the answer is 503 with {@code Retry-After}, saying so,
 * rather than a 500: the visitor did nothing wrong and should come back in a minute.
 */
@Controller
class ErrorPageController implements ErrorController {

	/** The statuses with a text of their own ({@code error.<status>.title}); others share 500's or 4xx's. */
	private static final Set<Integer> SPECIFIC = Set.of(400, 403, 404, 405, 413, 500, 503);

	/** Every text an error page may show: the specific ones and the shared 4xx. */
	static final List<String> KINDS = List.of("400", "403", "404", "405", "413", "500", "503", "4xx");

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = statusOf(request);
		if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& DatabaseUnreachable.causedBy(failure)) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			response.setHeader("Retry-After", "60");
		}
		return new ModelAndView("error", Map.of("status", status.value(), "kind", kind(status.value())), status);
	}

	/** Which text an error status shows, here and on the pages Tomcat writes itself. */
	static String kind(int status) {
		return SPECIFIC.contains(status) ? String.valueOf(status) : status >= 500 ? "500" : "4xx";
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null && status.isError()) {
				return status;
			}
		}
		// Reached /error directly, or with a status that is no error: treat as not found.
		return HttpStatus.NOT_FOUND;
	}
}
