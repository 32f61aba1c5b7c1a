package org.citybridge.learning.training;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No training programme has the id in the address: the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TrainingNotFound extends RuntimeException {

	TrainingNotFound(Object id) {
		super("No training programme " + id);
	}
}
