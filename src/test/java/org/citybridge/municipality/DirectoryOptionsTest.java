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
}
