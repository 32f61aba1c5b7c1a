package org.citybridge.agreement.views;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The map's cache: keyed by the register's version, one drawing for simultaneous requests (the
 * requests that came second are seen waiting before the first drawing is let finish).
 */
class RegisterMapCacheTest {

	final AtomicLong version = new AtomicLong(1);

	final AtomicInteger drawn = new AtomicInteger();

	@Test
	void servesTheSameDrawingUntilTheRegistersVersionMoves() {
		RegisterMapCache cache = new RegisterMapCache((LongSupplier) this.version::get, 300);
		assertThat(cache.<String>get("map", this::draw)).isEqualTo("drawing 1");
		assertThat(cache.<String>get("map", this::draw)).isEqualTo("drawing 1");
		this.version.incrementAndGet();
		assertThat(cache.<String>get("map", this::draw)).isEqualTo("drawing 2");
		cache.forget();
		assertThat(cache.<String>get("map", this::draw)).isEqualTo("drawing 3");
	}

	@Test
	void turnedOffItDrawsEveryTime() {
		RegisterMapCache cache = new RegisterMapCache((LongSupplier) this.version::get, 0);
		cache.get("map", this::draw);
		cache.get("map", this::draw);
		assertThat(this.drawn).hasValue(2);
	}

	@Test
	void simultaneousRequestsWaitForOneDrawing() throws Exception {
		RegisterMapCache cache = new RegisterMapCache((LongSupplier) this.version::get, 300);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Future<String> first = pool.submit(() -> cache.<String>get("map", () -> {
				started.countDown();
				await(release);
				return draw();
			}));
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			Future<String> second = pool.submit(() -> cache.<String>get("map", this::draw));
			Future<String> third = pool.submit(() -> cache.<String>get("map", this::draw));
			awaitWaiting(cache, 2);
			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("drawing 1");
			assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("drawing 1");
			assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("drawing 1");
			assertThat(this.drawn).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFailedDrawingIsNotKept() {
		RegisterMapCache cache = new RegisterMapCache((LongSupplier) this.version::get, 300);
		assertThatThrownBy(() -> cache.get("map", () -> {
			throw new IllegalStateException("database gone");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(cache.<String>get("map", this::draw)).isEqualTo("drawing 1");
	}

	String draw() {
		return "drawing " + this.drawn.incrementAndGet();
	}

	/** Until {@code count} requests wait for the drawing under way (fails after ten seconds). */
	static void awaitWaiting(RegisterMapCache cache, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (cache.waiting() < count) {
			assertThat(System.nanoTime() - deadline).as("requests waiting for the drawing").isNegative();
			Thread.onSpinWait();
			Thread.yield();
		}
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
