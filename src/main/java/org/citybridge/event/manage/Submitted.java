package org.citybridge.event.manage;

import org.citybridge.system.Refusal;

/**
 * What a staff form's submission came to: written, with the address of the event to go back to; or
 * not written, with the page ({@code P}) that shows the form again and the refusal to put on it
 * ({@code null} when the form was already invalid and nothing was tried).
 */
record Submitted<P>(String slug, P page, Refusal refusal) {

	static <P> Submitted<P> written(String slug) {
		return new Submitted<>(slug, null, null);
	}

	static <P> Submitted<P> again(P page, Refusal refusal) {
		return new Submitted<>(null, page, refusal);
	}

	boolean isWritten() {
		return this.page == null;
	}
}
