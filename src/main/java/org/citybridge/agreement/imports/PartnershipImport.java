package org.citybridge.agreement.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.citybridge.agreement.imports.PartnershipCsv.Row;
import org.citybridge.agreement.imports.PartnershipMatcher.Outcome;
import org.citybridge.agreement.imports.PartnershipMatcher.Reason;
import org.citybridge.agreement.imports.PartnershipMatcher.Side;
import org.citybridge.agreement.imports.PartnershipMatcher.SideMatch;
import org.citybridge.agreement.imports.PartnershipRegister.Pair;
import org.citybridge.municipality.MunicipalityRecords;
import org.citybridge.system.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The matching import of partnerships: reads a list of pairs, matches both sides of every row to
 * the directory ({@link PartnershipMatcher}), registers the matched pairs as sister-city
 * agreements, adds each matched city's spelling in the list as an alternate name of its
 * municipality, and reports the rest. Unlike the place import it is not all or nothing: matched
 * rows are applied, ambiguous rows wait for staff, unmatched rows are reported; running it again
 * changes nothing (pairs already registered are counted as already present).
 */
@Service
record PartnershipImport(PartnershipMatcher matcher,
		PartnershipRegister register,
		MunicipalityRecords records,
		JdbcClient jdbc) {

	/** A row's end. */
	enum RowOutcome {
		MATCHED, ALREADY_PRESENT, AMBIGUOUS, UNMATCHED
	}

	/** Hears how the import goes. */
	interface Progress {

		void rows(long read, long matched, long ambiguous, long unmatched);

		Progress NONE = (read, matched, ambiguous, unmatched) -> {
		};
	}

	/** One row's result. */
	record RowResult(Row row, RowOutcome outcome, SideMatch first, SideMatch second) {
	}

	/** The outcome of a whole run. */
	record Report(long rows, long added, long alreadyPresent, long ambiguous, long unmatched, long sidesMatched,
			long sidesAmbiguous, Map<String, Long> unmatchedSidesByReason, Map<String, long[]> byCountry,
			long alternateNames, boolean applied, Duration duration, List<RowResult> results) {

		long matchedBothSides() {
			return this.added + this.alreadyPresent;
		}
	}

	/** How many rows are matched between two progress reports. */
	static final int PROGRESS_ROWS = 2_000;

	/** What to do with a file: the source its entries get, whether to register, and who asks (null: the system). */
	record Options(PartnershipRegister.ListSource source, String fileName, boolean apply, Actor actor, String actorLabel) {
	}

	Report importFile(Path file, Options options, Progress progress) {
		try (InputStream in = Files.newInputStream(file)) {
			return importStream(in, options, progress);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Reads, matches and (when {@code apply}) registers; the caller closes the stream. */
	Report importStream(InputStream in, Options options, Progress progress) {
		long started = System.nanoTime();
		return importRows(PartnershipCsv.read(in), options, progress, started);
	}

	/** Matches and (when asked) registers rows already read, e.g. an upload checked before its run starts. */
	Report importRows(List<Row> rows, Options options, Progress progress, long started) {
		progress.rows(0, 0, 0, 0);
		// The same side comes back in many rows (a city with twenty partners): match it once.
		Map<Side, Integer> index = new LinkedHashMap<>();
		for (Row row : rows) {
			index.putIfAbsent(row.first(), index.size());
			index.putIfAbsent(row.second(), index.size());
		}
		List<Side> sides = new ArrayList<>(index.keySet());
		Map<Side, Long> decisions = decisions();
		List<SideMatch> matches = new ArrayList<>(java.util.Collections.nCopies(sides.size(), (SideMatch) null));
		// Row by row in chunks, so that the progress counts rows as they are decided.
		long matchedRows = 0;
		long ambiguousRows = 0;
		long unmatchedRows = 0;
		for (int from = 0; from < rows.size(); from += PROGRESS_ROWS) {
			List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + PROGRESS_ROWS));
			Set<Integer> openSet = new java.util.LinkedHashSet<>();
			for (Row row : chunk) {
				for (Side side : new Side[] { row.first(), row.second() }) {
					int i = index.get(side);
					if (matches.get(i) == null) {
						openSet.add(i);
					}
				}
			}
			List<Integer> open = new ArrayList<>(openSet);
			List<SideMatch> found = this.matcher.match(open.stream().map(sides::get).toList(), decisions, done -> {
			});
			for (int k = 0; k < open.size(); k++) {
				matches.set(open.get(k), found.get(k));
			}
			for (Row row : chunk) {
				Outcome a = matches.get(index.get(row.first())).outcome();
				Outcome b = matches.get(index.get(row.second())).outcome();
				if (a == Outcome.MATCHED && b == Outcome.MATCHED) {
					matchedRows++;
				}
				else if (a == Outcome.UNMATCHED || b == Outcome.UNMATCHED) {
					unmatchedRows++;
				}
				else {
					ambiguousRows++;
				}
			}
			progress.rows(from + chunk.size(), matchedRows, ambiguousRows, unmatchedRows);
		}
		List<RowResult> results = new ArrayList<>();
		Map<Pair, Integer> firstRowOfPair = new LinkedHashMap<>();
		Set<Pair> added = new HashSet<>();
		long alternateNames = 0;
		// The spellings a run adds as alternate names are search keys at once; matching the sides
		// still open once more with them gives in this run what a second run would find, so that
		// running again changes nothing.
		for (int pass = 0; pass < 2; pass++) {
			results = assemble(rows, index, matches, firstRowOfPair);
			long ambiguous = results.stream().filter(r -> r.outcome() == RowOutcome.AMBIGUOUS).count();
			long unmatched = results.stream().filter(r -> r.outcome() == RowOutcome.UNMATCHED).count();
			progress.rows(rows.size(), rows.size() - ambiguous - unmatched, ambiguous, unmatched);
			if (!options.apply()) {
				break;
			}
			Map<Pair, String> pairs = new LinkedHashMap<>();
			for (Map.Entry<Pair, Integer> e : firstRowOfPair.entrySet()) {
				if (!added.contains(e.getKey())) {
					pairs.put(e.getKey(), record(results.get(e.getValue()).row()));
				}
			}
			added.addAll(this.register.register(pairs, options.source(), options.actor(),
					options.actorLabel()));
			int named = this.records.addAlternateNames(alternateNames(results));
			alternateNames += named;
			if (named == 0 || pass == 1) {
				break;
			}
			List<Integer> open = new ArrayList<>();
			for (int i = 0; i < matches.size(); i++) {
				if (matches.get(i).outcome() != Outcome.MATCHED) {
					open.add(i);
				}
			}
			List<SideMatch> again = this.matcher.match(open.stream().map(sides::get).toList(), decisions, done -> {
			});
			for (int k = 0; k < open.size(); k++) {
				matches.set(open.get(k), again.get(k));
			}
		}
		for (Map.Entry<Pair, Integer> e : firstRowOfPair.entrySet()) {
			if (options.apply() && !added.contains(e.getKey())) {
				RowResult r = results.get(e.getValue());
				results.set(e.getValue(), new RowResult(r.row(), RowOutcome.ALREADY_PRESENT, r.first(), r.second()));
			}
		}
		if (!added.isEmpty() || alternateNames > 0) {
			// Fresh planner statistics for what the import changed (autovacuum may be off or not yet round).
			this.jdbc.sql("ANALYZE agreements, agreement_parties, agreement_status_changes, audit_entries, notices, municipalities")
				.update();
		}
		return report(results, alternateNames, options.apply(), Duration.ofNanos(System.nanoTime() - started));
	}

	/** Each row's outcome from its sides' matches; the first row of each pair counts as matched. */
	private static List<RowResult> assemble(List<Row> rows, Map<Side, Integer> index, List<SideMatch> matches,
			Map<Pair, Integer> firstRowOfPair) {
		firstRowOfPair.clear();
		List<RowResult> results = new ArrayList<>(rows.size());
		for (Row row : rows) {
			SideMatch a = matches.get(index.get(row.first()));
			SideMatch b = matches.get(index.get(row.second()));
			RowOutcome outcome;
			if (a.outcome() == Outcome.MATCHED && b.outcome() == Outcome.MATCHED) {
				if (a.match().id() == b.match().id()) {
					b = SideMatch.unmatched(Reason.SAME_PLACE, List.of(b.match()));
					outcome = RowOutcome.UNMATCHED;
				}
				else {
					Pair pair = Pair.of(a.match().id(), b.match().id());
					outcome = firstRowOfPair.putIfAbsent(pair, results.size()) == null ? RowOutcome.MATCHED
							: RowOutcome.ALREADY_PRESENT;
				}
			}
			else if (a.outcome() == Outcome.UNMATCHED || b.outcome() == Outcome.UNMATCHED) {
				outcome = RowOutcome.UNMATCHED;
			}
			else {
				outcome = RowOutcome.AMBIGUOUS;
			}
			results.add(new RowResult(row, outcome, a, b));
		}
		return results;
	}

	/** The row as the list spelled it, e.g. {@code Zeitz, Germany – Darkhan, Mongolia}. */
	static String record(Row row) {
		return row.first().name() + ", " + row.first().country() + " – " + row.second().name() + ", "
				+ row.second().country();
	}

	/** The list's spelling of each matched place, for its municipality's alternate names. */
	private static Map<Long, Set<String>> alternateNames(List<RowResult> results) {
		Map<Long, Set<String>> names = new HashMap<>();
		for (RowResult r : results) {
			for (SideMatch m : new SideMatch[] { r.first(), r.second() }) {
				if (m.outcome() == Outcome.MATCHED && m.spelling() != null && !m.spelling().equals(m.match().name())) {
					names.computeIfAbsent(m.match().id(), k -> new LinkedHashSet<>()).add(m.spelling());
				}
			}
		}
		return names;
	}

	private static Report report(List<RowResult> results, long alternateNames, boolean applied, Duration duration) {
		long added = 0;
		long present = 0;
		long ambiguous = 0;
		long unmatched = 0;
		long sidesMatched = 0;
		long sidesAmbiguous = 0;
		Map<String, Long> reasons = new TreeMap<>();
		// country as the list names it → rows: added, already present, ambiguous, unmatched
		Map<String, long[]> byCountry = new TreeMap<>();
		for (RowResult r : results) {
			int column = switch (r.outcome()) {
				case MATCHED -> 0;
				case ALREADY_PRESENT -> 1;
				case AMBIGUOUS -> 2;
				case UNMATCHED -> 3;
			};
			switch (r.outcome()) {
				case MATCHED -> added++;
				case ALREADY_PRESENT -> present++;
				case AMBIGUOUS -> ambiguous++;
				case UNMATCHED -> unmatched++;
			}
			Set<String> countries = new HashSet<>();
			countries.add(r.row().first().country());
			countries.add(r.row().second().country());
			for (String c : countries) {
				byCountry.computeIfAbsent(c.isBlank() ? "?" : c, k -> new long[4])[column]++;
			}
			for (SideMatch m : new SideMatch[] { r.first(), r.second() }) {
				switch (m.outcome()) {
					case MATCHED -> sidesMatched++;
					case AMBIGUOUS -> sidesAmbiguous++;
					case UNMATCHED -> reasons.merge(m.reason().name(), 1L, Long::sum);
				}
			}
		}
		return new Report(results.size(), added, present, ambiguous, unmatched, sidesMatched, sidesAmbiguous, reasons,
				byCountry, alternateNames, applied, duration, results);
	}

	/** Staff's earlier answers to ambiguous sides, by (name, country). */
	private Map<Side, Long> decisions() {
		Map<Side, Long> decisions = new HashMap<>();
		this.jdbc.sql("SELECT name, country, municipality_id FROM partnership_side_decisions")
			.query(rs -> {
				decisions.put(new Side(rs.getString(1), rs.getString(2), null, null), rs.getLong(3));
			});
		return decisions;
	}
}
