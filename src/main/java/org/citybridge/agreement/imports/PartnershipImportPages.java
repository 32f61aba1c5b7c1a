package org.citybridge.agreement.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.imports.PartnershipReview.ReviewRow;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of the partnership import, each from one call: the upload form with the latest runs
 * and the rows waiting for review, an upload (the run it started, or the form again with why not),
 * a run's progress and report, the review list, a row under review and staff's choice for it. Only
 * staff and administrators see them.
 */
@Service
record PartnershipImportPages(PartnershipImportRuns runs, PartnershipReview review) {

	/** The upload form: a refused upload's message (none at first), the latest runs, the rows to review. */
	record Form(String fileError, List<PartnershipImportRuns.Run> runs, long pending) {
	}

	/**
	 * A run's page: the run with its counts, and a page (from 0) of its rows in the file's order,
	 * all or those of one outcome and reason.
	 */
	record RunPage(PartnershipImportRuns.Run run, List<PartnershipImportRuns.ReportRow> rows, String outcome,
			String reason, int page, long count) {

		/** The outcomes a reader may list the rows by, in the report's order. */
		static final List<String> OUTCOMES = List.of("MATCHED", "ALREADY_PRESENT", "AMBIGUOUS", "UNMATCHED");

		public List<String> outcomes() {
			return OUTCOMES;
		}

		/** How many rows of the run have the outcome (all rows for null). */
		public long countOf(String o) {
			if (o == null) {
				return this.run.rowsRead();
			}
			return switch (o) {
				case "MATCHED" -> this.run.matched();
				case "ALREADY_PRESENT" -> this.run.alreadyPresent();
				case "AMBIGUOUS" -> this.run.ambiguous();
				default -> this.run.unmatched();
			};
		}

		public long totalPages() {
			return Math.max(1, (this.count + PartnershipImportRuns.REPORT_PAGE_SIZE - 1) / PartnershipImportRuns.REPORT_PAGE_SIZE);
		}

		/** The rows of one outcome (all for null), from their first page. */
		public String filterHref(String o) {
			return href(o, null, 0);
		}

		public String previousHref() {
			return this.page > 0 ? href(this.outcome, this.reason, (int) Math.min(this.page - 1, totalPages() - 1)) : null;
		}

		public String nextHref() {
			return this.page + 1 < totalPages() ? href(this.outcome, this.reason, this.page + 1) : null;
		}

		// Written here rather than with link expressions: their null parameters would still be named.
		private String href(String o, String r, int p) {
			StringBuilder href = new StringBuilder("/agreements/imports/").append(this.run.id());
			char sep = '?';
			if (o != null) {
				href.append(sep).append("outcome=").append(o);
				sep = '&';
			}
			if (r != null) {
				href.append(sep).append("reason=").append(r);
				sep = '&';
			}
			if (p > 0) {
				href.append(sep).append("page=").append(p);
			}
			return href.append("#rows-heading").toString();
		}
	}

	/** An upload: the run it started, or the form to show again. */
	record Upload(Long runId, Form form) {
	}

	/** A page of the rows waiting for review, counted from 0. */
	record ReviewList(List<ReviewRow> rows, long count, int page, boolean hasNext) {
	}

	/** Staff's choice for a row: the flash message and the register entry when it was taken, or the row again with why not. */
	record Resolved(String flash, Long agreementId, ReviewRow row, String error) {
	}

	/** @throws AccessDeniedException unless the actor is staff or an administrator */
	Form form(Actor actor) {
		this.runs.requireImporter(actor);
		return formWith(null);
	}

	private Form formWith(String fileError) {
		return new Form(fileError, this.runs.recent(), this.review.pendingCount());
	}

	/**
	 * Starts importing the upload under the source chosen, or says why not: no file, no partnership
	 * list, or the form incomplete ({@code complete} false: its fields' problems are on the form).
	 */
	Upload upload(Actor actor, String actorLabel, MultipartFile file, PartnershipImportForm choices, boolean complete)
			throws IOException {
		this.runs.requireImporter(actor);
		if (file == null || file.isEmpty()) {
			return new Upload(null, formWith("agreement.imports.file.required"));
		}
		if (!complete) {
			return new Upload(null, formWith(null));
		}
		try (InputStream in = file.getInputStream()) {
			return new Upload(this.runs.start(actor, actorLabel, file.getOriginalFilename(), in, choices.source()), null);
		}
		catch (PartnershipFileInvalid invalid) {
			return new Upload(null, formWith(invalid.messageKey()));
		}
	}

	/**
	 * A run by the id in its address (an id that names none is not found) with a page of its rows:
	 * an outcome or reason that is none of the import's shows all rows, a page that is no number the first.
	 */
	RunPage run(Actor actor, String id, String outcome, String reason, String page) {
		this.runs.requireImporter(actor);
		long runId = Text.requireId(id, AgreementNotFound::new);
		PartnershipImportRuns.Run run = this.runs.find(runId).orElseThrow(() -> new AgreementNotFound("import " + runId));
		String o = named(outcome, PartnershipImport.RowOutcome.values());
		String r = named(reason, PartnershipMatcher.Reason.values());
		int p = pageNumber(page);
		if (run.running()) {
			return new RunPage(run, List.of(), o, r, 0, 0);
		}
		return new RunPage(run, this.runs.rows(runId, o, r, p), o, r, p, this.runs.rowCount(runId, o, r));
	}

	private static String named(String value, Enum<?>[] names) {
		for (Enum<?> name : names) {
			if (name.name().equals(value)) {
				return value;
			}
		}
		return null;
	}

	private static int pageNumber(String page) {
		try {
			return page == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(page)));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** The review list's page (from 0; anything else than a number is the first). */
	ReviewList reviewList(Actor actor, String page) {
		this.runs.requireImporter(actor);
		int p = pageNumber(page);
		long count = this.review.pendingCount();
		return new ReviewList(this.review.pending(p), count, p, (long) (p + 1) * PartnershipReview.PAGE_SIZE < count);
	}

	/** A row under review by the id in its address. */
	ReviewRow reviewRow(Actor actor, String id) {
		this.runs.requireImporter(actor);
		return row(Text.requireId(id, AgreementNotFound::new));
	}

	private ReviewRow row(long rowId) {
		return this.review.find(rowId).orElseThrow(() -> new AgreementNotFound("import row " + rowId));
	}

	/** Takes staff's choice of a candidate per ambiguous side (ids from the form; anything else is no choice). */
	Resolved resolve(Actor actor, String actorLabel, String id, String first, String second) {
		this.runs.requireImporter(actor);
		long rowId = Text.requireId(id, AgreementNotFound::new);
		try {
			PartnershipReview.Resolution done = this.review.resolve(rowId, Text.idOrNull(first), Text.idOrNull(second), actor,
					actorLabel);
			return new Resolved(done.added() ? "agreement.imports.review.flash.added" : "agreement.imports.review.flash.present",
					done.agreementId(), null, null);
		}
		catch (Refusal refused) {
			return new Resolved(null, null, row(rowId), refused.messageKey());
		}
	}
}
