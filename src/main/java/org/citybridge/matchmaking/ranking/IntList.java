package org.citybridge.matchmaking.ranking;

import java.util.Arrays;

/** A growable list of ints without boxing, for reading the directory into the ranking's arrays. */
final class IntList {

	int[] values = new int[1024];

	int size;

	void add(int value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	int get(int i) {
		return this.values[i];
	}

	int[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}
}
