package org.citybridge.learning;

import java.util.List;

/**
 * The languages a case study may be written in and a training programme held in; PostgreSQL stems
 * those it has a dictionary for.
 */
public final class Languages {

	public static final List<String> ALL = List.of("en", "fr", "mn", "de", "nl", "it", "es", "pt", "ru", "sr");

	private Languages() {
	}
}
