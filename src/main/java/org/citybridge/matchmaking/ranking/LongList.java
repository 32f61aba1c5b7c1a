package org.citybridge.matchmaking.ranking;

import java.util.Arrays;

/** A growable list of longs without boxing, for reading the directory into the ranking's arrays. */
final class LongList {

	long[] values = new long[1024];

	int size;

	void add(long value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = value;
	}

	long[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}
}
