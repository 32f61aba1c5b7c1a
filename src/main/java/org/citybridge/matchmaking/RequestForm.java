package org.citybridge.matchmaking;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new partnership request as an officer writes it: themes, a plain-text message, and the
 * proposed instrument, sent by its slug among those the two could use (blank for none or another);
 * and, when the request continues a meeting held at a forum, that meeting's id (checked by the
 * service and the database, never trusted).
 */
record RequestForm(
		@Size(max = 18, message = "{matchmaking.request.themes.size}") List<String> themes,
		@NotBlank(message = "{matchmaking.request.message.required}") @Size(max = 2000, message = "{matchmaking.request.message.size}") String message,
		@Size(max = 200, message = "{matchmaking.request.instrument.size}") String proposedInstrument,
		String meeting) {

	RequestForm(List<String> themes, String message, String proposedInstrument) {
		this(themes, message, proposedInstrument, null);
	}

	List<String> chosenThemes() {
		return this.themes == null ? List.of() : this.themes.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
	}
}
