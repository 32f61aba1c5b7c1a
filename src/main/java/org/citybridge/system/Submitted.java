package org.citybridge.system;

import org.springframework.validation.BindingResult;

/**
 * What a submitted form came to, as a page service answers its controller: saved, with what the
 * controller needs to go on ({@code T}: the new record's id, the address to go back to); or not
 * saved, with the page ({@code P}) that shows the form again and the refusal to put on it
 * ({@code null} when the form was already invalid and nothing was tried). One shape for every
 * feature's forms, so that each POST handler reads the same way.
 */
public record Submitted<T, P>(T saved, P page, Refusal refusal) {

	public static <T, P> Submitted<T, P> saved(T saved) {
		return new Submitted<>(saved, null, null);
	}

	public static <T, P> Submitted<T, P> again(P page, Refusal refusal) {
		return new Submitted<>(null, page, refusal);
	}

	public boolean isSaved() {
		return this.saved != null;
	}

	/** Puts the refusal, if there is one, on the form shown again. */
	public void rejectIn(BindingResult result) {
		if (this.refusal != null) {
			this.refusal.rejectIn(result);
		}
	}
}
