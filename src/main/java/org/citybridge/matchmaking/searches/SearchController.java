package org.citybridge.matchmaking.searches;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.citybridge.system.Actor;
import org.citybridge.system.PageModel;
import org.citybridge.system.Refusal;
import org.citybridge.system.Text;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner searches' pages: the public list with its filters and feed, a search's page, the form
 * of a new one or of an edit, and the buttons of its life (interest and its withdrawal, accept, decline,
 * complete, publish the group).
 * Who may do what is {@link PartnerSearches}' and {@link SearchPolicy}'s to say.
 */
@Controller
record SearchController(SearchPages pages, PartnerSearches searches, SearchFeed feed) {

	@GetMapping("/partner-searches")
	String list(@RequestParam(name = "theme", required = false) String theme,
			@RequestParam(name = "group", required = false) String group,
			@RequestParam(name = "instrument", required = false) String instrument,
			@RequestParam(name = "open", required = false) String open, Model model) {
		PageModel.add(model, this.pages.list(theme, group, instrument, open, Actor.current()));
		return "matchmaking/searches";
	}

	@GetMapping("/partner-searches/feed.atom")
	void atom(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
		String base = request.getScheme() + "://" + request.getServerName()
				+ (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
		response.setContentType("application/atom+xml;charset=UTF-8");
		this.feed.write(base, locale, response.getOutputStream());
	}

	@GetMapping("/partner-searches/new")
	String newSearch(Model model) {
		SearchPages.FormPage page = this.pages.newForm(Actor.current());
		model.addAttribute("searchForm", page.form());
		return form(page, model);
	}

	@PostMapping("/partner-searches/new")
	String publish(@Valid @ModelAttribute("searchForm") SearchForm form, BindingResult result, Model model,
			Authentication authentication, Locale locale, RedirectAttributes redirect) {
		SearchPages.FormPage page = this.pages.publish(Actor.current(), authentication.getName(), form, result, locale);
		if (page.published() != null) {
			redirect.addFlashAttribute("flash", "search.flash.published");
			return "redirect:/partner-searches/" + page.published();
		}
		model.addAttribute("invalid", true);
		return form(page, model);
	}

	@GetMapping("/partner-searches/{id}/edit")
	String editSearch(@PathVariable("id") String id, Model model, Locale locale) {
		long searchId = searchId(id);
		SearchPages.FormPage page = this.pages.editForm(Actor.current(), searchId, locale);
		model.addAttribute("searchForm", page.form());
		model.addAttribute("editId", searchId);
		return form(page, model);
	}

	@PostMapping("/partner-searches/{id}/edit")
	String edit(@PathVariable("id") String id, @Valid @ModelAttribute("searchForm") SearchForm form, BindingResult result,
			Model model, Authentication authentication, RedirectAttributes redirect) {
		long searchId = searchId(id);
		SearchPages.FormPage page = this.pages.edit(Actor.current(), authentication.getName(), searchId, form, result);
		if (page.published() != null) {
			redirect.addFlashAttribute("flash", "search.flash.edited");
			return "redirect:/partner-searches/" + searchId;
		}
		model.addAttribute("invalid", true);
		model.addAttribute("editId", searchId);
		return form(page, model);
	}

	@PostMapping("/partner-searches/{id}/interests/{interest}/withdraw")
	String withdraw(@PathVariable("id") String id, @PathVariable("interest") String interest, Authentication authentication,
			RedirectAttributes redirect) {
		long searchId = searchId(id);
		long interestId = searchId(interest);
		return Refusal.redirectAfter(() -> {
			return this.searches.withdrawInterest(Actor.current(), authentication.getName(), searchId, interestId)
					? "search.flash.left" : "search.flash.withdrawn";
		}, "/partner-searches/" + searchId, redirect);
	}

	private static String form(SearchPages.FormPage page, Model model) {
		PageModel.add(model, page.choices());
		return "matchmaking/search-form";
	}

	@GetMapping("/partner-searches/{id}")
	String show(@PathVariable("id") String id, Model model, Locale locale) {
		if (!model.containsAttribute("interestForm")) {
			model.addAttribute("interestForm", InterestForm.empty());
		}
		PageModel.add(model, this.pages.detail(Actor.current(), searchId(id), locale));
		return "matchmaking/search";
	}

	@PostMapping("/partner-searches/{id}/interests")
	String interest(@PathVariable("id") String id, @Valid @ModelAttribute("interestForm") InterestForm form,
			BindingResult result, Model model, Authentication authentication, Locale locale, RedirectAttributes redirect) {
		long searchId = searchId(id);
		SearchPages.DetailPage again = this.pages.interest(Actor.current(), authentication.getName(), searchId, form, result,
				locale);
		if (again == null) {
			redirect.addFlashAttribute("flash", "search.flash.interested");
			return "redirect:/partner-searches/" + searchId;
		}
		model.addAttribute("invalid", true);
		PageModel.add(model, again);
		return "matchmaking/search";
	}

	@PostMapping("/partner-searches/{id}/interests/{interest}/accept")
	String accept(@PathVariable("id") String id, @PathVariable("interest") String interest, Authentication authentication,
			RedirectAttributes redirect) {
		long searchId = searchId(id);
		long interestId = searchId(interest);
		return Refusal.redirectAfter(() -> {
			this.searches.decide(Actor.current(), authentication.getName(), searchId, interestId, true);
			return "search.flash.accepted";
		}, "/partner-searches/" + searchId, redirect);
	}

	@PostMapping("/partner-searches/{id}/interests/{interest}/decline")
	String decline(@PathVariable("id") String id, @PathVariable("interest") String interest, Authentication authentication,
			RedirectAttributes redirect) {
		long searchId = searchId(id);
		long interestId = searchId(interest);
		return Refusal.redirectAfter(() -> {
			this.searches.decide(Actor.current(), authentication.getName(), searchId, interestId, false);
			return "search.flash.declined";
		}, "/partner-searches/" + searchId, redirect);
	}

	@PostMapping("/partner-searches/{id}/complete")
	String complete(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long searchId = searchId(id);
		return Refusal.redirectAfter(() -> {
			this.searches.complete(Actor.current(), authentication.getName(), searchId);
			return "search.flash.completed";
		}, "/partner-searches/" + searchId, redirect);
	}

	@PostMapping("/partner-searches/{id}/publish-group")
	String publishGroup(@PathVariable("id") String id, Authentication authentication, RedirectAttributes redirect) {
		long searchId = searchId(id);
		return Refusal.redirectAfter(() -> {
			this.searches.publishGroup(Actor.current(), authentication.getName(), searchId);
			return "search.flash.groupPublished";
		}, "/partner-searches/" + searchId, redirect);
	}

	static long searchId(String id) {
		Long parsed = Text.idOrNull(id);
		if (parsed == null) {
			throw new SearchNotFound(id == null ? "" : id.substring(0, Math.min(40, id.length())));
		}
		return parsed;
	}
}
