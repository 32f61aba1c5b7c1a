package org.citybridge.agreement.activities;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.system.Text;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The activities as open data files and Atom feeds; {@code ?municipality=} narrows a file to one municipality's partnerships. */
@Controller
record ActivityOpenDataController(ActivityOpenData openData) {

	@GetMapping("/activities.csv")
	void csv(@RequestParam(name = "municipality", required = false) String municipality, HttpServletResponse response)
			throws IOException {
		start(response, "text/csv;charset=UTF-8", "activities.csv");
		this.openData.csv(Text.idOrNull(municipality), base(), response.getOutputStream());
	}

	@GetMapping("/activities.json")
	void json(@RequestParam(name = "municipality", required = false) String municipality, HttpServletResponse response)
			throws IOException {
		start(response, "application/json;charset=UTF-8", "activities.json");
		this.openData.json(Text.idOrNull(municipality), base(), response.getOutputStream());
	}

	@GetMapping("/activities.geojson")
	void geojson(@RequestParam(name = "municipality", required = false) String municipality,
			HttpServletResponse response) throws IOException {
		start(response, "application/geo+json;charset=UTF-8", "activities.geojson");
		this.openData.geojson(Text.idOrNull(municipality), base(), response.getOutputStream());
	}

	@GetMapping("/activities.atom")
	void atom(HttpServletResponse response, Locale locale) throws IOException {
		start(response, "application/atom+xml;charset=UTF-8", null);
		this.openData.atom(null, base(), locale, response.getOutputStream());
	}

	@GetMapping("/municipalities/{id}/activities.atom")
	void municipalityAtom(@PathVariable("id") String id, HttpServletResponse response, Locale locale)
			throws IOException {
		long municipality = Text.requireId(id, MunicipalityNotFound::new);
		response.setContentType("application/atom+xml;charset=UTF-8");
		java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
		this.openData.atom(municipality, base(), locale, buffer);
		start(response, "application/atom+xml;charset=UTF-8", null);
		response.getOutputStream().write(buffer.toByteArray());
	}

	private static void start(HttpServletResponse response, String contentType, String attachment) {
		response.setContentType(contentType);
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Access-Control-Allow-Origin", "*");
		if (attachment != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment).build().toString());
		}
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}
}
