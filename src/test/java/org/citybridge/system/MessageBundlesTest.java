package org.citybridge.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.text.MessagePattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles guard: English, Mongolian and French carry the same keys, every key a template uses
 * exists, translations are not English copies, and templates carry no literal user-visible text.
 */
class MessageBundlesTest {

	static final Path RESOURCES = Path.of("src/main/resources");

	static final Path TEMPLATES = RESOURCES.resolve("templates");

	/** Values that are the same in every language: names and codes. */
	static final Set<String> SAME_IN_ALL_LANGUAGES = Set.of("layout.product", "layout.footer.geonames.link",
			"layout.footer.licence", "layout.footer.wikipedia.licence", "home.world.percent", "privacy.cookies.heading", "municipality.field.population", "account.field.organisation",
			"account.admin.actions", "audit.type.organisation",
			"event.kind.FORUM", "audit.type.session", "event.session.title", "event.speaker.pageTitle",
			"municipality.new.latitude", "municipality.new.longitude",
			"agreement.views.map.line", "event.agenda.fact", "agreement.views.stats.pair", "agreement.views.view.EUROPE",
			"common.example.latin", "common.example.cyrillic", "activity.label");

	static Map<String, Properties> bundles() throws IOException {
		Map<String, Properties> bundles = new TreeMap<>();
		for (String name : List.of("messages", "messages_mn", "messages_fr")) {
			Properties properties = new Properties();
			try (InputStream in = Files.newInputStream(RESOURCES.resolve(name + ".properties"))) {
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			bundles.put(name, properties);
		}
		return bundles;
	}

	@Test
	void everyBundleHasTheSameKeys() throws IOException {
		Map<String, Properties> bundles = bundles();
		Set<String> english = bundles.get("messages").stringPropertyNames();
		assertThat(english).isNotEmpty();
		bundles.forEach((name, bundle) -> assertThat(bundle.stringPropertyNames()).as(name)
			.containsExactlyInAnyOrderElementsOf(english));
	}

	/**
	 * A message is never blank in one language only: a link, button or label named by an empty
	 * message would have no name in that language (what axe's name rules would find on the page;
	 * the page gate runs them on each page type in one of the three languages).
	 */
	@Test
	void noMessageIsBlankInAnyLanguage() throws IOException {
		Map<String, Properties> bundles = bundles();
		java.util.List<String> blank = new java.util.ArrayList<>();
		bundles.forEach((name, bundle) -> bundle.stringPropertyNames()
			.stream()
			.filter(key -> bundle.getProperty(key).isBlank() && !bundles.get("messages").getProperty(key, "").isBlank())
			.forEach(key -> blank.add(name + ": " + key)));
		bundles.get("messages").stringPropertyNames().stream()
			.filter(key -> bundles.get("messages").getProperty(key).isBlank())
			.forEach(key -> blank.add("messages: " + key));
		assertThat(blank).isEmpty();
	}

	@Test
	void mongolianAndFrenchAreTranslationsNotEnglishCopies() throws IOException {
		Map<String, Properties> bundles = bundles();
		Properties english = bundles.get("messages");
		for (String name : List.of("messages_mn", "messages_fr")) {
			Properties other = bundles.get(name);
			List<String> copies = english.stringPropertyNames()
				.stream()
				.filter(key -> !SAME_IN_ALL_LANGUAGES.contains(key))
				// Code samples beside a text (key.code: column names, values) and the licensors' own attribution
				// lines (key.attribution, shown marked as English) are the same in every language.
				.filter(key -> !key.endsWith(".code") && !key.endsWith(".attribution"))
				.filter(key -> english.getProperty(key).equals(other.getProperty(key)))
				.sorted()
				.toList();
			assertThat(copies).as("keys of %s identical to English", name).isEmpty();
		}
		Properties mongolian = bundles.get("messages_mn");
		assertThat(mongolian.getProperty("home.heading")).containsPattern("\\p{IsCyrillic}");
	}

	@Test
	void everyKeyThatATemplateUsesExists() throws IOException {
		Set<String> keys = bundles().get("messages").stringPropertyNames();
		Pattern literalKey = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
		Pattern dynamicKey = Pattern.compile("#\\{'([A-Za-z0-9_.]+)'\\s*\\+");
		Pattern expressionKey = Pattern.compile("#\\{\\$\\{'([A-Za-z0-9_.]+)'\\s*\\+");
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template);
			Matcher m = literalKey.matcher(html);
			while (m.find()) {
				if (!keys.contains(m.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
				}
			}
			for (Pattern prefixPattern : List.of(dynamicKey, expressionKey)) {
				Matcher p = prefixPattern.matcher(html);
				while (p.find()) {
					String prefix = p.group(1);
					if (keys.stream().noneMatch(key -> key.startsWith(prefix))) {
						missing.add(TEMPLATES.relativize(template) + ": " + prefix + "*");
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesCarryNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			literals.addAll(literalTextIn(Files.readString(template)).stream()
				.map(text -> TEMPLATES.relativize(template) + ": " + text)
				.toList());
		}
		assertThat(literals).isEmpty();
	}

	@Test
	void theLiteralTextGuardCatchesTextAndLabels() {
		assertThat(literalTextIn("<p>Hello</p>")).containsExactly("Hello");
		assertThat(literalTextIn("<input placeholder=\"Search here\">")).containsExactly("placeholder=Search here");
		assertThat(literalTextIn("<p th:text=\"#{a.b}\" th:if=\"${n > 0}\"></p><span> · </span>")).isEmpty();
		assertThat(literalTextIn("<input type=\"checkbox\" name=\"confirm\" value=\"yes\">")).isEmpty();
		assertThat(literalTextIn("<input type=\"submit\" value=\"Send\">")).containsExactly("value=Send");
	}

	/** Text between tags, and text attributes, that a visitor would read, outside Thymeleaf. */
	static List<String> literalTextIn(String html) {
		List<String> found = new ArrayList<>();
		String source = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script.*?</script>", "");
		Matcher tag = TAG.matcher(source);
		int textStart = 0;
		while (tag.find()) {
			addIfText(found, source.substring(textStart, tag.start()));
			Matcher attribute = TEXT_ATTRIBUTE.matcher(tag.group());
			boolean invisibleValue = tag.group().matches("(?s).*\\stype=\"(checkbox|radio|hidden)\".*");
			while (attribute.find()) {
				if (invisibleValue && attribute.group(1).equals("value")) {
					continue;
				}
				if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
					found.add(attribute.group(1) + "=" + attribute.group(2));
				}
			}
			textStart = tag.end();
		}
		addIfText(found, source.substring(textStart));
		return found;
	}

	/** A tag, with quoted attribute values that may contain {@code >}. */
	static final Pattern TAG = Pattern.compile("<(?:\"[^\"]*\"|'[^']*'|[^'\">])*>");

	static final Pattern TEXT_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|alt|aria-label|value)=\"([^\"]*)\"");

	private static void addIfText(List<String> found, String text) {
		String value = text.strip();
		if (value.codePoints().anyMatch(Character::isLetter)) {
			found.add(value);
		}
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	/**
	 * Every message is an ICU pattern (the portal formats them all with ICU), counts are plurals
	 * rather than {@code choice}, and each language uses the same arguments as English.
	 */
	@Test
	void everyMessageIsAnIcuPatternWithTheSameArgumentsInEveryLanguage() throws IOException {
		Map<String, Properties> bundles = bundles();
		Properties english = bundles.get("messages");
		List<String> problems = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			Set<Integer> englishArguments = arguments(english.getProperty(key), "messages " + key, problems);
			for (String name : List.of("messages_mn", "messages_fr")) {
				String value = bundles.get(name).getProperty(key);
				if (value == null) {
					continue;
				}
				Set<Integer> translated = arguments(value, name + " " + key, problems);
				if (translated != null && englishArguments != null && !translated.equals(englishArguments)) {
					problems.add(name + " " + key + ": arguments " + translated + ", English " + englishArguments);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static Set<Integer> arguments(String value, String where, List<String> problems) {
		try {
			MessagePattern pattern = new MessagePattern(value);
			Set<Integer> numbers = new TreeSet<>();
			for (int i = 0; i < pattern.countParts(); i++) {
				MessagePattern.Part part = pattern.getPart(i);
				if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
					numbers.add(part.getValue());
				}
				if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
					problems.add(where + ": named argument " + pattern.getSubstring(part));
				}
				if (part.getType() == MessagePattern.Part.Type.ARG_START
						&& part.getArgType() == MessagePattern.ArgType.CHOICE) {
					problems.add(where + ": choice instead of plural");
				}
			}
			return numbers;
		}
		catch (IllegalArgumentException e) {
			problems.add(where + ": " + e.getMessage());
			return null;
		}
	}

	/**
	 * Mongolian never glues a case ending to a name or a number ("{0}-ийн", "{0}-д", "{1}-р"): the
	 * ending would have to follow the name's vowel harmony, which a placeholder cannot know.
	 */
	@Test
	void mongolianGluesNoSuffixToAPlaceholder() throws IOException {
		Properties mongolian = bundles().get("messages_mn");
		Pattern glued = Pattern.compile("[}»”\")]-\\p{IsCyrillic}|[}»”]\\p{IsCyrillic}");
		List<String> problems = mongolian.stringPropertyNames()
			.stream()
			.filter(key -> glued.matcher(mongolian.getProperty(key)).find())
			.sorted()
			.toList();
		assertThat(problems).isEmpty();
	}

	/**
	 * French typography, one convention in the whole bundle: a narrow no-break space (U+202F) before
	 * {@code : ; ? !} and inside « », and the typographic apostrophe ’.
	 */
	@Test
	void frenchTypographyIsConsistent() throws IOException {
		Properties french = bundles().get("messages_fr");
		Pattern straightApostrophe = Pattern.compile("\\p{L}'\\p{L}");
		Pattern wrongSpace = Pattern.compile("[ \u00a0][:;?!»]|«[ \u00a0]|[\\p{L}\\d)}»][:;?!](\\s|$)");
		List<String> problems = new ArrayList<>();
		for (String key : french.stringPropertyNames()) {
			String value = french.getProperty(key);
			if (straightApostrophe.matcher(value).find() || value.contains("''")) {
				problems.add(key + ": straight apostrophe");
			}
			Matcher space = wrongSpace.matcher(value);
			if (space.find()) {
				problems.add(key + ": \"" + space.group() + "\"");
			}
		}
		assertThat(problems).isEmpty();
	}

	/** English has one apostrophe too, the typographic ’ (a text that names the straight one as a character excepted). */
	@Test
	void englishApostrophesAreTypographic() throws IOException {
		Properties english = bundles().get("messages");
		Pattern straightApostrophe = Pattern.compile("\\p{L}'{1,2}\\p{L}|\\p{L}'{1,2}\\s");
		List<String> problems = english.stringPropertyNames().stream()
			.filter(key -> straightApostrophe.matcher(english.getProperty(key)).find())
			.sorted().toList();
		assertThat(problems).isEmpty();
	}

	@Test
	void keysFollowTheFeatureAreaItemScheme() throws IOException {
		Set<String> badKeys = new TreeSet<>();
		for (String key : bundles().get("messages").stringPropertyNames()) {
			// typeMismatch is Spring's own code for a value that does not convert.
			if (!key.matches("[a-z]+[0-9]?(\\.[A-Za-z0-9_]+)+") && !key.equals("typeMismatch")) {
				badKeys.add(key);
			}
		}
		assertThat(badKeys).isEmpty();
	}
}
