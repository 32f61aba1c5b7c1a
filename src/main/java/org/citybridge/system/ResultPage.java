package org.citybridge.system;

import java.util.List;

/**
 * One page of a list the portal pages through (the directory, the register, …) with what its
 * pager needs. {@code reach} is how many results can be paged through at all: past it the last
 * page asks the visitor to narrow the search instead (the directory stops at 2,000 of 135,000
 * places, because nobody reads them page by page and each page further costs more).
 *
 * @param items the results on this page
 * @param total how many results the query has in all
 * @param page the page number, from 1
 * @param size how many results a page holds
 * @param reach how many results can be paged through
 */
public record ResultPage<T>(List<T> items, long total, int page, int size, long reach) {

	public ResultPage {
		items = List.copyOf(items);
		if (page < 1 || size < 1 || reach < 0) {
			throw new IllegalArgumentException("page " + page + ", size " + size + ", reach " + reach);
		}
	}

	/** A page of a list that can be paged through to its end. */
	public static <T> ResultPage<T> of(List<T> items, long total, int page, int size) {
		return new ResultPage<>(items, total, page, size, Long.MAX_VALUE);
	}

	public int totalPages() {
		return (int) Math.max(1, (Math.min(this.total, this.reach) + this.size - 1) / this.size);
	}

	/** More results than can be paged through: the last page says how to reach the rest. */
	public boolean capped() {
		return this.total > this.reach;
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

	/** The position of the first result on this page, from 1 (0 when there are none). */
	public long firstIndex() {
		return (this.total == 0) ? 0 : (long) (this.page - 1) * this.size + 1;
	}

	/** The position of the last result on this page. */
	public long lastIndex() {
		return Math.min(this.total, (long) this.page * this.size);
	}
}
