package org.citybridge.municipality;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryCountsTest {

	@Test
	void countsOnceWhileFreshAndAgainAfterForgetting() {
		DirectoryCounts counts = new DirectoryCounts(() -> 1, 30);
		AtomicLong calls = new AtomicLong();
		assertThat(counts.get("all", calls::incrementAndGet)).isEqualTo(1);
		assertThat(counts.get("all", calls::incrementAndGet)).isEqualTo(1);
		counts.forget();
		assertThat(counts.get("all", calls::incrementAndGet)).isEqualTo(2);
	}

	/** Another instance's change advances the version: the next request counts again. */
	@Test
	void countsAgainWhenTheDirectoryVersionMoves() {
		AtomicLong version = new AtomicLong(1);
		DirectoryCounts counts = new DirectoryCounts(version::get, 300);
		AtomicLong calls = new AtomicLong();
		assertThat(counts.get("all", calls::incrementAndGet)).isEqualTo(1);
		assertThat(counts.get("all", calls::incrementAndGet)).isEqualTo(1);
		version.incrementAndGet();
		assertThat(counts.get("all", calls::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void countsEveryTimeWhenTurnedOff() {
		DirectoryCounts counts = new DirectoryCounts(() -> 1, 0);
		AtomicLong calls = new AtomicLong();
		counts.get("all", calls::incrementAndGet);
		counts.get("all", calls::incrementAndGet);
		assertThat(calls).hasValue(2);
	}
}
