package org.citybridge;

import java.util.Map;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer finds their way in a package of at most 20 types (issue 27): a feature that grows
 * past that is divided into sub-packages by use case (see docs/architecture.md). Counts the
 * top-level types of the main code; nested ones belong to theirs.
 */
class PackageSizeTests {

	static final int MAX_TYPES = 20;

	@Test
	void noPackageHoldsMoreThanTwentyTypes() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.citybridge");
		Map<String, Integer> sizes = new TreeMap<>();
		for (JavaClass type : classes) {
			if (type.isTopLevelClass() && !type.getSimpleName().equals("package-info")) {
				sizes.merge(type.getPackageName(), 1, Integer::sum);
			}
		}
		assertThat(sizes).as("the feature packages").containsKeys("org.citybridge.agreement", "org.citybridge.municipality");
		Map<String, Integer> over = new TreeMap<>(sizes);
		over.values().removeIf(size -> size <= MAX_TYPES);
		assertThat(over).as("packages over " + MAX_TYPES + " types").isEmpty();
	}
}
