package se.stratlas.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaggedPdfTests {

	@Test
	void everyLinkWithoutATitleGetsItsTargetAsTitleAndATitledLinkKeepsItsOwn() {
		String xhtml = "<p><a href=\"https://example.se/a?b=1&amp;c=2\">A</a> <a class=\"x\" href=\"#del-2\">2</a>"
				+ " <a title=\"Egen\" href=\"/r\">R</a> <abbr title=\"t\">t</abbr></p>";

		String titled = TaggedPdf.titledLinks(xhtml);

		assertThat(titled)
			.contains("<a title=\"https://example.se/a?b=1&amp;c=2\" href=\"https://example.se/a?b=1&amp;c=2\">")
			.contains("<a title=\"#del-2\" class=\"x\" href=\"#del-2\">")
			.contains("<a title=\"Egen\" href=\"/r\">")
			.contains("<abbr title=\"t\">");
	}

}
