package org.citybridge.municipality;

import java.util.List;

/** A page of directory results with what the pager needs. */
public record MunicipalityPage(List<MunicipalitySummary> results, long total, int page, int size) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
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
