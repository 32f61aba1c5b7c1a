package org.citybridge.system;

import java.util.List;

import org.springframework.validation.BindingResult;

/**
 * Several refusals at once, each shown next to its own field: a form whose names of places,
 * countries or languages could not all be understood says so for every one of them, not only the
 * first.
 */
public class Refusals extends Refusal {

	private final List<Refusal> all;

	public Refusals(List<Refusal> all) {
		super(all.get(0).field(), all.get(0).messageKey(), all.get(0).arguments());
		this.all = List.copyOf(all);
	}

	public List<Refusal> all() {
		return this.all;
	}

	@Override
	public void rejectIn(BindingResult result) {
		this.all.forEach(refusal -> refusal.rejectIn(result));
	}
}
