package org.citybridge.browser;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page gate's choice of cases ({@link PagesBrowserIT#pagesInEveryLanguage()}): no page type
 * left out, every page in all three languages, every further state in the language in which it
 * gets every axe rule, and the states spread over the three languages.
 */
class GateCasesTest {

	private static Map<String, Set<String>> languagesByType() {
		Map<String, Set<String>> languages = new HashMap<>();
		PagesBrowserIT.pagesInEveryLanguage().forEach(arguments -> {
			Object[] values = arguments.get();
			languages.computeIfAbsent(((PageType) values[0]).name(), n -> new HashSet<>()).add((String) values[1]);
		});
		return languages;
	}

	@Test
	void everyTypeIsCheckedWithEveryAxeRuleAndEveryPageInAllThreeLanguages() {
		Map<String, Set<String>> languages = languagesByType();
		Set<String> routesSeen = new HashSet<>();
		for (PageType type : PageCatalog.all()) {
			Set<String> checked = languages.get(type.name());
			assertThat(checked).as(type.name()).isNotEmpty();
			assertThat(checked).as("languages of %s", type.name())
				.anyMatch(l -> PagesBrowserIT.axeRun(type, l) == PagesBrowserIT.AxeRun.EVERY);
			boolean page = type.route() == null || routesSeen.add(type.route())
					|| PagesBrowserIT.PAGES_SHARING_A_ROUTE.contains(type.name());
			assertThat(checked).as("languages of %s", type.name())
				.hasSize(page ? 3 : 1);
		}
		// The home page and its forms' states: a page in three languages, a refused form in one.
		assertThat(languages.get("home")).containsExactlyInAnyOrder("en", "mn", "fr");
		assertThat(languages.get("home-officer")).containsExactlyInAnyOrder("en", "mn", "fr");
		assertThat(languages.get("home-admin")).containsExactlyInAnyOrder("en", "mn", "fr");
		assertThat(languages.get("agreement-form-invalid")).hasSize(1);
	}

	@Test
	void theTypesNamedAsPagesOfTheirOwnExist() {
		List<String> names = PageCatalog.all().stream().map(PageType::name).toList();
		assertThat(names).containsAll(PagesBrowserIT.PAGES_SHARING_A_ROUTE);
	}

	@Test
	void eachLanguageHasAShareOfTheStates() {
		Map<String, Integer> states = new HashMap<>();
		languagesByType().values().stream().filter(l -> l.size() == 1).forEach(l -> states.merge(l.iterator().next(), 1, Integer::sum));
		int total = states.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(total).isGreaterThan(100);
		assertThat(states.keySet()).containsExactlyInAnyOrder("en", "mn", "fr");
		states.forEach((language, count) -> assertThat(count).as(language).isGreaterThan(total / 5));
	}
}
