package org.citybridge.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

class PageModelTest {

	/** Declared as page services declare theirs: a record nested in a class no other package sees. */
	private record Page(String title, List<String> rows, Integer count) {
	}

	@Test
	void everyComponentGoesIntoTheModelUnderItsNameNullsIncluded() {
		ExtendedModelMap model = new ExtendedModelMap();
		PageModel.add(model, new Page("Agenda", List.of("a", "b"), null));
		assertThat(model).containsOnlyKeys("title", "rows", "count");
		assertThat(model).containsEntry("title", "Agenda").containsEntry("rows", List.of("a", "b"));
		assertThat(model.get("count")).isNull();
		PageModel.add(model, new Page("Programme", List.of(), 3));
		assertThat(model).containsEntry("title", "Programme").containsEntry("count", 3);
	}
}
