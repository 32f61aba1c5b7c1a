package org.citybridge.agreement.imports;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.citybridge.system.RunCommand;
import org.citybridge.agreement.imports.PartnershipImport.Report;
import org.citybridge.agreement.imports.PartnershipImport.RowOutcome;
import org.citybridge.agreement.imports.PartnershipImport.RowResult;
import org.citybridge.agreement.imports.PartnershipMatcher.SideMatch;

import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar citybridge.jar import-partnerships FILE [--dry-run] [--own-list [--source-name=NAME] [--attribution=TEXT] [--source-url=URL]] [--sample=N] [--seed=S]}:
 * the partnership import from the command line. Prints progress, the report by outcome, reason
 * and country, optionally a random sample of matched pairs (fixed seed, for checking by eye), and
 * exits (0 done, 1 file refused, 2 usage, 3 failed, such as the database out of reach). {@code --dry-run} matches without registering;
 * {@code --own-list} records the list (named by {@code --source-name}, else by its file, with the attribution and
 * address given) as the source instead of Wikipedia's lists.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class PartnershipImportCommand extends RunCommand {

	static final String NAME = "import-partnerships";

	private final PartnershipImportRuns runs;

	PartnershipImportCommand(PartnershipImportRuns runs, ConfigurableApplicationContext context) {
		super(NAME, "FILE[.gz] [--dry-run] [--own-list [--source-name=NAME] [--attribution=TEXT] [--source-url=URL]] [--sample=N] [--seed=S]", context);
		this.runs = runs;
	}

	@Override
	protected int execute(List<String> words, ApplicationArguments args) {
		return execute(words, args.containsOption("dry-run"), args.containsOption("own-list"), intOption(args, "sample", 0),
				intOption(args, "seed", 42), textOption(args, "source-name"), textOption(args, "attribution"),
				textOption(args, "source-url"));
	}

	private static String textOption(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
	}

	private static int intOption(ApplicationArguments args, String name, int fallback) {
		List<String> values = args.getOptionValues(name);
		if (values == null || values.isEmpty()) {
			return fallback;
		}
		try {
			return Integer.parseInt(values.get(0));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	/** With {@code own}, the list's name (else the file's), attribution and web address, as the register shows them. */
	int execute(List<String> words, boolean dryRun, boolean own, int sample, long seed, String sourceName,
			String attribution, String sourceUrl) {
		return onFile(words, file -> {
			this.out.printf("Importing partnerships from %s%s%n", file, dryRun ? " (dry run: nothing is registered)" : "");
			try {
				List<PartnershipCsv.Row> rows;
				try (java.io.InputStream in = Files.newInputStream(file)) {
					rows = PartnershipCsv.read(in);
				}
				Report report = this.runs.runNow(rows,
						new PartnershipImport.Options(
								own ? PartnershipRegister.ListSource.own(
										sourceName != null ? sourceName : file.getFileName().toString(), attribution, sourceUrl)
										: PartnershipRegister.ListSource.wikipedia(),
								file.getFileName().toString(), !dryRun, null, "command line"),
						(read, matched, ambiguous, unmatched) -> this.out.printf(
								"  %,d rows read, %,d matched, %,d ambiguous, %,d unmatched%n", read, matched, ambiguous,
								unmatched));
				print(report);
				if (sample > 0) {
					printSample(report, sample, seed);
					printUnmatched(report, sample, seed);
				}
				return 0;
			}
			catch (PartnershipFileInvalid ex) {
				this.out.println("Refused: " + ex.getMessage());
				return 1;
			}
		});
	}

	private void print(Report r) {
		this.out.printf("Rows read:                   %,d%n", r.rows());
		this.out.printf("Matched on both sides:       %,d (%.1f %%)%n", r.matchedBothSides(),
				r.rows() == 0 ? 0.0 : 100.0 * r.matchedBothSides() / r.rows());
		this.out.printf("  added:                     %,d%n", r.added());
		this.out.printf("  already present:           %,d%n", r.alreadyPresent());
		this.out.printf("Ambiguous (for review):      %,d%n", r.ambiguous());
		this.out.printf("Unmatched:                   %,d%n", r.unmatched());
		this.out.printf("Sides matched:               %,d of %,d%n", r.sidesMatched(), 2 * r.rows());
		this.out.printf("Sides ambiguous:             %,d%n", r.sidesAmbiguous());
		this.out.println("Sides unmatched, by reason:");
		r.unmatchedSidesByReason().forEach((reason, n) -> this.out.printf("  %-26s %,d%n", reason, n));
		this.out.printf("Alternate names added to:    %,d municipalities%n", r.alternateNames());
		this.out.println("By country (rows: added, already present, ambiguous, unmatched):");
		r.byCountry().entrySet().stream()
			.sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())))
			.forEach(e -> this.out.printf("  %-32s %,6d %,6d %,6d %,6d%n", e.getKey(), e.getValue()[0], e.getValue()[1],
					e.getValue()[2], e.getValue()[3]));
		this.out.printf("Time:                        %.1f s%n", r.duration().toMillis() / 1000.0);
	}

	private static long total(long[] counts) {
		return counts[0] + counts[1] + counts[2] + counts[3];
	}

	private void printSample(Report r, int size, long seed) {
		List<RowResult> matched = new ArrayList<>();
		for (RowResult x : r.results()) {
			if (x.outcome() == RowOutcome.MATCHED || x.outcome() == RowOutcome.ALREADY_PRESENT) {
				matched.add(x);
			}
		}
		java.util.Collections.shuffle(matched, new Random(seed));
		this.out.printf("Sample of %d matched pairs (seed %d):%n", Math.min(size, matched.size()), seed);
		this.out.println("| line | list: city 1 (country) | matched place 1 (GeoNames id) | km | list: city 2 (country) | matched place 2 (GeoNames id) | km |");
		this.out.println("| ---: | --- | --- | ---: | --- | --- | ---: |");
		matched.stream().limit(size).sorted((a, b) -> Long.compare(a.row().line(), b.row().line())).forEach(x -> this.out
			.printf(Locale.ROOT, "| %d | %s (%s) | %s | %s | %s (%s) | %s | %s |%n", x.row().line(), x.row().first().name(),
					x.row().first().country(), place(x.first()), km(x.first()), x.row().second().name(),
					x.row().second().country(), place(x.second()), km(x.second())));
	}

	private static String place(SideMatch m) {
		return m.match().name() + ", " + m.match().countryCode() + " ("
				+ (m.match().geonamesId() == null ? "–" : m.match().geonamesId()) + ")" + (m.fuzzy() ? " ~" : "");
	}

	private static String km(SideMatch m) {
		return m.match().distanceKm() == null ? "–" : String.format(Locale.ROOT, "%.1f", m.match().distanceKm());
	}

	private void printUnmatched(Report r, int size, long seed) {
		List<String> sides = new ArrayList<>();
		for (RowResult x : r.results()) {
			if (x.outcome() == RowOutcome.UNMATCHED || x.outcome() == RowOutcome.AMBIGUOUS) {
				for (int i = 0; i < 2; i++) {
					SideMatch m = i == 0 ? x.first() : x.second();
					PartnershipMatcher.Side s = i == 0 ? x.row().first() : x.row().second();
					if (m.outcome() != PartnershipMatcher.Outcome.MATCHED) {
						sides.add(String.format(Locale.ROOT, "| %d | %s (%s) | %s | %s |", x.row().line(), s.name(), s.country(),
								m.reason(), m.candidates().stream()
									.map(c -> c.name() + " " + (c.distanceKm() == null ? "" : Math.round(c.distanceKm()) + " km"))
									.limit(3).toList()));
					}
				}
			}
		}
		java.util.Collections.shuffle(sides, new Random(seed));
		this.out.printf("Sample of %d sides not matched (seed %d):%n", Math.min(size, sides.size()), seed);
		this.out.println("| line | list: city (country) | reason | nearest candidates |");
		this.out.println("| ---: | --- | --- | --- |");
		sides.stream().limit(size).forEach(this.out::println);
	}
}
