package org.citybridge.portal.home;

import java.util.Locale;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /home}: the signed-in person's own home, where signing in lands; {@code /} stays the public home page. */
@Controller
record RoleHomeController(Homes homes) {

	@GetMapping("/home")
	String home(Model model, Locale locale) {
		Actor actor = Actor.current();
		if (!actor.isSignedIn()) {
			return "redirect:/login?next=/home";
		}
		Homes.Home home = this.homes.of(actor, locale);
		model.addAllAttributes(home.model());
		return home.view();
	}
}
