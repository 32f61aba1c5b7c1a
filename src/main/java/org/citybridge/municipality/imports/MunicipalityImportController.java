package org.citybridge.municipality.imports;

import java.io.IOException;
import java.io.InputStream;

import org.citybridge.system.Actor;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.citybridge.municipality.directory.MunicipalityController;
import org.citybridge.municipality.MunicipalityNotFound;

/** Staff upload a GeoNames-format file and follow its import; the same import as the command line. */
@Controller
class MunicipalityImportController {

	private final ImportRuns runs;

	MunicipalityImportController(ImportRuns runs) {
		this.runs = runs;
	}

	@GetMapping("/municipalities/import")
	String form(Model model) {
		requireStaff();
		model.addAttribute("runs", this.runs.recent());
		return "municipality/import";
	}

	@PostMapping("/municipalities/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "skipInvalid", required = false) String skipInvalid, Authentication authentication,
			Model model) throws IOException {
		requireStaff();
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "municipality.import.file.required");
			model.addAttribute("skipInvalid", skipInvalid != null);
			model.addAttribute("runs", this.runs.recent());
			return "municipality/import";
		}
		long id;
		try (InputStream in = file.getInputStream()) {
			id = this.runs.start(Actor.current(), authentication.getName(), file.getOriginalFilename(), in,
					skipInvalid != null);
		}
		return "redirect:/municipalities/imports/" + id;
	}

	@GetMapping("/municipalities/imports/{id}")
	String run(@PathVariable("id") String id, Model model) {
		requireStaff();
		long runId = MunicipalityController.parseId(id);
		model.addAttribute("run", this.runs.find(runId).orElseThrow(() -> new MunicipalityNotFound("import " + runId)));
		return "municipality/import-run";
	}

	private static void requireStaff() {
		if (!ImportRuns.mayImport(Actor.current())) {
			throw new AccessDeniedException("Only staff and administrators import municipalities");
		}
	}
}
