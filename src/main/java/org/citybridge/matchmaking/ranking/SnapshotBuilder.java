package org.citybridge.matchmaking.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a {@link Snapshot} is made of, as the tables are read: the municipalities in id
 * order, then the themes they offer and seek, then the parties of the agreements that have not
 * ended. {@link #build} makes the snapshot from it in one place.
 */
final class SnapshotBuilder {

	final LongList ids = new LongList();

	final IntList country = new IntList();

	final Map<String, Integer> countries = new HashMap<>();

	final IntList kind = new IntList();

	final Map<String, Integer> kinds = new HashMap<>();

	final IntList population = new IntList();

	final IntList seeking = new IntList();

	final IntList languageStart = new IntList();

	final IntList languages = new IntList();

	final Map<String, Integer> languageIndex = new HashMap<>();

	/** Each theme's bit in the masks, by code. */
	final Map<String, Integer> themeBits = new HashMap<>();

	/** Themes offered and sought as bitmasks, by position; sized when the first theme is read. */
	long[] offers;

	long[] seeks;

	/** The parties of agreements that have not ended, in agreement order: one entry per party. */
	final LongList edgeAgreements = new LongList();

	final IntList edgeParties = new IntList();

	SnapshotBuilder() {
		this.languageStart.add(0);
	}

	/** The theme vocabulary, each code given a bit; at most 64. */
	void themes(List<String> codes) {
		if (codes.size() > 64) {
			throw new IllegalStateException("The suggestions hold themes as 64-bit masks; there are " + codes.size());
		}
		codes.forEach(t -> this.themeBits.put(t, this.themeBits.size()));
	}

	/** One municipality; they come in id order. */
	void add(long id, String countryCode, String kindCode, Integer pop, String[] langs, boolean seeks) {
		this.ids.add(id);
		this.country.add(this.countries.computeIfAbsent(countryCode, c -> this.countries.size()));
		this.kind.add(this.kinds.computeIfAbsent(kindCode, k -> this.kinds.size()));
		this.population.add(pop == null ? 0 : pop);
		this.seeking.add(seeks ? 1 : 0);
		for (String l : langs) {
			this.languages.add(this.languageIndex.computeIfAbsent(l, x -> this.languageIndex.size()));
		}
		this.languageStart.add(this.languages.size);
	}

	/** A theme a municipality offers; unknown municipalities and themes are skipped. */
	void offers(long id, String theme) {
		if (this.offers == null) {
			this.offers = new long[this.ids.size];
		}
		mark(this.offers, id, theme);
	}

	/** A theme a municipality seeks; unknown municipalities and themes are skipped. */
	void seeks(long id, String theme) {
		if (this.seeks == null) {
			this.seeks = new long[this.ids.size];
		}
		mark(this.seeks, id, theme);
	}

	private void mark(long[] masks, long id, String theme) {
		int i = index(id);
		Integer bit = this.themeBits.get(theme);
		if (i >= 0 && bit != null) {
			masks[i] |= 1L << bit;
		}
	}

	/** A party of an agreement that has not ended; rows come ordered by agreement. */
	void party(long agreementId, long municipalityId) {
		int i = index(municipalityId);
		if (i >= 0) {
			this.edgeAgreements.add(agreementId);
			this.edgeParties.add(i);
		}
	}

	/** The position of a municipality read so far, or a negative number. */
	int index(long id) {
		return Arrays.binarySearch(this.ids.values, 0, this.ids.size, id);
	}

	Snapshot build(long version) {
		return new Snapshot(version, this);
	}
}
