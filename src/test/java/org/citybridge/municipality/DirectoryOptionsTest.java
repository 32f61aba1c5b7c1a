package org.citybridge.municipality;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryOptionsTest {

	@Test
	void writesOptionsEscapedWithTheChosenOnesSelected() {
		String html = DirectoryOptions.optionsHtml(List.of(new DirectoryOptions.CountryOption("RS", "Serbia"),
				new DirectoryOptions.CountryOption("X\"", "<b>Bad</b> & co")), Set.of("RS"));
		assertThat(html).isEqualTo("<option value=\"RS\" selected>Serbia</option>"
				+ "<option value=\"X&quot;\">&lt;b&gt;Bad&lt;/b&gt; &amp; co</option>");
	}

	@Test
	void writesCheckboxesEscapedWithTheChosenOnesTickedAndFirst() {
		String html = DirectoryOptions.checkboxesHtml("country", List.of(new DirectoryOptions.CountryOption("AT", "Austria"),
				new DirectoryOptions.CountryOption("X\"", "<b>Bad</b> & co"), new DirectoryOptions.CountryOption("RS", "Serbia")),
				Set.of("RS"));
		assertThat(html).isEqualTo("<label><input type=\"checkbox\" name=\"country\" value=\"RS\" checked>Serbia</label>"
				+ "<label><input type=\"checkbox\" name=\"country\" value=\"AT\">Austria</label>"
				+ "<label><input type=\"checkbox\" name=\"country\" value=\"X&quot;\">&lt;b&gt;Bad&lt;/b&gt; &amp; co</label>");
	}
}
