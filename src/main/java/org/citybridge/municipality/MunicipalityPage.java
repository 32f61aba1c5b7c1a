package org.citybridge.municipality;

import java.util.List;

/**
 * A page of directory results with what the pager needs. Only the first {@link #MAX_RESULTS}
 * results are paged through (nobody reads 135,000 places page by page, and each page further costs
 * more); past them the visitor is asked to search by name or narrow the filters.
 */
public record MunicipalityPage(List<MunicipalitySummary> results, long total, int page, int size) {

	/** How many results of one search can be paged through. */
	public static final long MAX_RESULTS = 2000;

	public int totalPages() {
		return (int) Math.max(1, (Math.min(this.total, MAX_RESULTS) + this.size - 1) / this.size);
	}

	/** More results than can be paged through: the last page says how to reach the rest. */
	public boolean capped() {
		return this.total > MAX_RESULTS;
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < totalPages();
	}

	public long firstIndex() {
		return this.total == 0 ? 0 : (long) (this.page - 1) * this.size + 1;
	}

	public long lastIndex() {
		return Math.min(this.total, (long) this.page * this.size);
	}
}
