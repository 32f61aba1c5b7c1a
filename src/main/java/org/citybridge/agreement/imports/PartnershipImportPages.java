package org.citybridge.agreement.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.citybridge.agreement.AgreementNotFound;
import org.citybridge.agreement.imports.PartnershipRegister.ListKind;
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

	/** The upload form: a refused upload's message (none at first), the list chosen, the latest runs, the rows to review. */
	record Form(String fileError, String list, List<PartnershipImportRuns.Run> runs, long pending) {
	}

	/** An upload: the run it started, or the form to show again. */
	record Upload(Long runId, Form form) {
	}

	/** A page of the rows waiting for review, counted from 0. */
	record ReviewList(List<ReviewRow> rows, long count, int page, boolean hasNext) {
	}

	/** Staff's choice for a row: the flash message when it was taken, or the row again with why not. */
	record Resolved(String flash, ReviewRow row, String error) {
	}

	/** @throws AccessDeniedException unless the actor is staff or an administrator */
	Form form(Actor actor) {
		this.runs.requireImporter(actor);
		return form(null, ListKind.WIKIPEDIA);
	}

	private Form form(String fileError, ListKind kind) {
		return new Form(fileError, kind.name(), this.runs.recent(), this.review.pendingCount());
	}

	/** Starts importing the upload, or says why not (no file, or no partnership list). */
	Upload upload(Actor actor, String actorLabel, MultipartFile file, String list) throws IOException {
		this.runs.requireImporter(actor);
		ListKind kind = "OWN".equals(list) ? ListKind.OWN : ListKind.WIKIPEDIA;
		if (file == null || file.isEmpty()) {
			return new Upload(null, form("agreement.imports.file.required", kind));
		}
		try (InputStream in = file.getInputStream()) {
			return new Upload(this.runs.start(actor, actorLabel, file.getOriginalFilename(), in, kind), null);
		}
		catch (PartnershipFileInvalid invalid) {
			return new Upload(null, form(invalid.messageKey(), kind));
		}
	}

	/** A run by the id in its address; an id that names none is not found. */
	PartnershipImportRuns.Run run(Actor actor, String id) {
		this.runs.requireImporter(actor);
		long runId = Text.requireId(id, AgreementNotFound::new);
		return this.runs.find(runId).orElseThrow(() -> new AgreementNotFound("import " + runId));
	}

	/** The review list's page (from 0; anything else than a number is the first). */
	ReviewList reviewList(Actor actor, String page) {
		this.runs.requireImporter(actor);
		int p;
		try {
			p = page == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(page)));
		}
		catch (NumberFormatException ex) {
			p = 0;
		}
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
			boolean added = this.review.resolve(rowId, Text.idOrNull(first), Text.idOrNull(second), actor, actorLabel);
			return new Resolved(added ? "agreement.imports.review.flash.added" : "agreement.imports.review.flash.present", null,
					null);
		}
		catch (Refusal refused) {
			return new Resolved(null, row(rowId), refused.messageKey());
		}
	}
}
