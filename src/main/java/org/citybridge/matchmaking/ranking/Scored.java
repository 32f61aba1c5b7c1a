package org.citybridge.matchmaking.ranking;

import java.util.Arrays;

/**
 * The candidates of one ranking with their scores, in the order of the directory (by id); the
 * first {@code size} entries count.
 */
public record Scored(int[] candidates, double[] scores, int size) {

	/** Candidates from {@code offset}, at most {@code limit}, best first; ties by id. */
	public int[] page(int offset, int limit) {
		int wanted = (int) Math.min((long) offset + limit, this.size);
		if (wanted <= offset) {
			return new int[0];
		}
		// A bounded heap of the best `wanted` (positions in this result), worst on top.
		int[] heap = new int[wanted];
		int h = 0;
		for (int k = 0; k < this.size; k++) {
			if (h < wanted) {
				heap[h] = k;
				up(heap, h++);
			}
			else if (better(k, heap[0])) {
				heap[0] = k;
				down(heap, h);
			}
		}
		Integer[] sorted = new Integer[h];
		for (int k = 0; k < h; k++) {
			sorted[k] = heap[k];
		}
		Arrays.sort(sorted, (x, y) -> better(x, y) ? -1 : better(y, x) ? 1 : 0);
		int[] page = new int[h - offset];
		for (int k = offset; k < h; k++) {
			page[k - offset] = sorted[k];
		}
		return page;
	}

	/** The rank (1 = best) the candidate at this position has among all candidates. */
	public long rankOf(int position) {
		long better = 0;
		for (int k = 0; k < this.size; k++) {
			if (better(k, position)) {
				better++;
			}
		}
		return better + 1;
	}

	/** Higher score first; equal scores by id, which is the order of the positions. */
	boolean better(int x, int y) {
		double sx = this.scores[x];
		double sy = this.scores[y];
		return sx > sy || (sx == sy && this.candidates[x] < this.candidates[y]);
	}

	private void up(int[] heap, int k) {
		while (k > 0) {
			int parent = (k - 1) / 2;
			if (better(heap[parent], heap[k])) {
				swap(heap, parent, k);
				k = parent;
			}
			else {
				return;
			}
		}
	}

	private void down(int[] heap, int size) {
		int k = 0;
		while (true) {
			int l = 2 * k + 1;
			int r = l + 1;
			int worst = k;
			if (l < size && better(heap[worst], heap[l])) {
				worst = l;
			}
			if (r < size && better(heap[worst], heap[r])) {
				worst = r;
			}
			if (worst == k) {
				return;
			}
			swap(heap, k, worst);
			k = worst;
		}
	}

	private static void swap(int[] heap, int x, int y) {
		int t = heap[x];
		heap[x] = heap[y];
		heap[y] = t;
	}
}
