package org.citybridge.municipality.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.system.Actor;
import org.citybridge.system.Text;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages of the places import, each from one call: the upload form with the latest runs, an
 * upload (the run it started, or the form again with why not), a run's progress and report. Only
 * staff and administrators see them.
 */
@Service
record ImportPages(ImportRuns runs) {

	/** The upload form: the latest runs, and a refused upload's message and choice (none at first). */
	record Form(List<ImportRuns.Run> runs, String fileError, boolean skipInvalid) {
	}

	/** An upload: the run it started, or the form to show again. */
	record Upload(Long runId, Form form) {
	}

	/** @throws AccessDeniedException unless the actor is staff or an administrator */
	Form form(Actor actor) {
		ImportRuns.requireImporter(actor);
		return new Form(this.runs.recent(), null, false);
	}

	/** Starts importing the upload, or says why not (no file). */
	Upload upload(Actor actor, String actorLabel, MultipartFile file, boolean skipInvalid) throws IOException {
		ImportRuns.requireImporter(actor);
		if (file == null || file.isEmpty()) {
			return new Upload(null, new Form(this.runs.recent(), "municipality.import.file.required", skipInvalid));
		}
		try (InputStream in = file.getInputStream()) {
			return new Upload(this.runs.start(actor, actorLabel, file.getOriginalFilename(), in, skipInvalid), null);
		}
	}

	/** A run by the id in its address; an id that names none is not found. */
	ImportRuns.Run run(Actor actor, String id) {
		ImportRuns.requireImporter(actor);
		long runId = Text.requireId(id, MunicipalityNotFound::new);
		return this.runs.find(runId).orElseThrow(() -> new MunicipalityNotFound("import " + runId));
	}
}
