package org.citybridge.matchmaking;

import jakarta.validation.constraints.Size;

/** A reply, or the optional reason of a decline: plain text, escaped wherever it is shown. */
record AnswerForm(@Size(max = 2000, message = "{matchmaking.request.body.size}") String body) {

	static AnswerForm empty() {
		return new AnswerForm("");
	}
}
