package org.citybridge.funding.pages;

import java.time.ZoneId;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.citybridge.system.ViewerZone;

import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/**
 * The viewer's zone for deadlines, chosen as on the agenda: {@code ?tz=} sets it (and remembers it
 * in the site-wide cookie), {@code ?tz=} empty forgets it, a zone that does not exist gets a
 * message; without a choice each call is shown in its own zone only.
 */
final class ZoneChoice {

	private ZoneChoice() {
	}

	static ZoneId resolve(String tz, String remembered, HttpServletResponse response, Model model) {
		ZoneId viewer = ViewerZone.parse(remembered).orElse(null);
		if (tz != null) {
			if (tz.isBlank() || tz.strip().equals("call")) {
				viewer = null;
				response.addHeader(HttpHeaders.SET_COOKIE, ViewerZone.cookie(null).toString());
			}
			else {
				Optional<ZoneId> chosen = ViewerZone.parse(tz);
				if (chosen.isPresent()) {
					viewer = chosen.get();
					response.addHeader(HttpHeaders.SET_COOKIE, ViewerZone.cookie(viewer.getId()).toString());
				}
				else {
					model.addAttribute("zoneRefused", tz.strip().length() > 64 ? tz.strip().substring(0, 64) : tz.strip());
				}
			}
		}
		model.addAttribute("zoneValue", viewer == null ? "" : viewer.getId());
		return viewer;
	}
}
