package org.citybridge;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One name, one type (issue 27): no two top-level types of the main code share a simple name, and
 * no nested type takes the name of a top-level one, so that a name met in a stack trace, a search
 * or a review means one thing. (Nested types named after their role, such as {@code Row} or
 * {@code Page}, are read with their outer type and may repeat.)
 */
class TypeNamesTests {

	@Test
	void everyTopLevelNameIsOneType() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.citybridge");
		Map<String, Set<String>> topLevel = new TreeMap<>();
		for (JavaClass type : classes) {
			if (type.isTopLevelClass() && !type.getSimpleName().equals("package-info")) {
				topLevel.computeIfAbsent(type.getSimpleName(), name -> new TreeSet<>()).add(type.getName());
			}
		}
		assertThat(topLevel).as("the main code's types").containsKey("Refusal");
		Map<String, Set<String>> shared = new TreeMap<>(topLevel);
		shared.values().removeIf(names -> names.size() < 2);
		assertThat(shared).as("top-level types sharing a name").isEmpty();

		Set<String> nestedClashes = new TreeSet<>();
		for (JavaClass type : classes) {
			if (type.isNestedClass() && !type.isAnonymousClass() && topLevel.containsKey(type.getSimpleName())) {
				nestedClashes.add(type.getName() + " is also " + topLevel.get(type.getSimpleName()));
			}
		}
		assertThat(nestedClashes).as("nested types named like a top-level type").isEmpty();
	}
}
