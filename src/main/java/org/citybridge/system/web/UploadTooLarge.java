package org.citybridge.system.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the upload limit is refused before any controller sees it; the visitor gets the
 * error page saying so in their language, not a bare 500.
 */
@ControllerAdvice
class UploadTooLarge {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return new ModelAndView("error", Map.of("status", 413, "kind", "413"), HttpStatus.PAYLOAD_TOO_LARGE);
	}
}
