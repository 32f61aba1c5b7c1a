package org.citybridge.municipality.imports;

import java.io.IOException;

import org.citybridge.system.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Staff upload a GeoNames-format file and follow its import; the same import as the command line. */
@Controller
record MunicipalityImportController(ImportPages pages) {

	@GetMapping("/municipalities/import")
	String form(Model model) {
		return form(model, this.pages.form(Actor.current()));
	}

	@PostMapping("/municipalities/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "skipInvalid", required = false) String skipInvalid, Authentication authentication,
			Model model) throws IOException {
		ImportPages.Upload upload = this.pages.upload(Actor.current(), authentication.getName(), file, skipInvalid != null);
		if (upload.runId() == null) {
			return form(model, upload.form());
		}
		return "redirect:/municipalities/imports/" + upload.runId();
	}

	@GetMapping("/municipalities/imports/{id}")
	String run(@PathVariable("id") String id, Model model) {
		model.addAttribute("run", this.pages.run(Actor.current(), id));
		return "municipality/import-run";
	}

	private static String form(Model model, ImportPages.Form form) {
		model.addAttribute("runs", form.runs());
		model.addAttribute("fileError", form.fileError());
		model.addAttribute("skipInvalid", form.skipInvalid());
		return "municipality/import";
	}
}
