package org.citybridge.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Where the page gate's time goes: each case records how long each of its steps took (opening the
 * browser context, reaching the page, axe, the Nu checker, the phone layout, the screenshot), and
 * the gate writes them to {@code target/page-gate-timings.tsv} with a summary per step (count,
 * total, median, 95th percentile) in its log. Measured, so that the gate's cost is not guessed.
 */
final class GateTimings {

	static final Path REPORT = Path.of("target/page-gate-timings.tsv");

	private static final Map<String, ConcurrentLinkedQueue<Long>> STEPS = new ConcurrentHashMap<>();

	private static final ConcurrentLinkedQueue<String> ROWS = new ConcurrentLinkedQueue<>();

	private GateTimings() {
	}

	/** Runs one step of a case and records its duration under the step's name. */
	static <T> T step(String kase, String step, Supplier<T> work) {
		long start = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			long micros = (System.nanoTime() - start) / 1_000;
			STEPS.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(micros);
			ROWS.add(kase + "\t" + step + "\t" + micros / 1_000.0);
		}
	}

	static void step(String kase, String step, Runnable work) {
		step(kase, step, () -> {
			work.run();
			return null;
		});
	}

	/** The summary per step, in the order the steps were first seen; written to the report too. */
	static String summary() {
		Map<String, String> lines = new LinkedHashMap<>();
		STEPS.forEach((step, durations) -> {
			List<Long> sorted = new ArrayList<>(durations);
			Collections.sort(sorted);
			long total = sorted.stream().mapToLong(Long::longValue).sum();
			lines.put(step, String.format(Locale.ROOT, "%-12s n=%4d total=%8.1f s median=%7.1f ms p95=%7.1f ms", step,
					sorted.size(), total / 1e6, sorted.get(sorted.size() / 2) / 1e3,
					sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1)) / 1e3));
		});
		return String.join("\n", lines.values());
	}

	static void write() {
		if (ROWS.isEmpty()) {
			return;
		}
		try {
			Files.createDirectories(REPORT.getParent());
			List<String> out = new ArrayList<>();
			out.add("case\tstep\tms");
			out.addAll(ROWS);
			Files.write(REPORT, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Page gate, time per step (all cases in " + REPORT + "):\n" + summary());
	}
}
