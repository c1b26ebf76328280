package se.stratlas.followup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

	@Test
	void rendersFormatting() {
		String html = Markdown.html("### Rubrik\n\n**fet** och _kursiv_\n\n- ett\n- två");
		assertThat(html).contains("<h3>Rubrik</h3>", "<strong>fet</strong>", "<em>kursiv</em>", "<li>ett</li>");
	}

	@Test
	void rawHtmlIsShownAsTextNeverRun() {
		String html = Markdown.html("<script>alert(1)</script> <img src=x onerror=alert(1)>");
		assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
	}

	@Test
	void javascriptLinksAreDropped() {
		String html = Markdown.html("[klicka](javascript:alert(1)) och [Kolada](https://www.kolada.se)");
		assertThat(html).doesNotContain("javascript:").contains("href=\"https://www.kolada.se\"");
	}

	@Test
	void referencesAreFoundAndReplaced() {
		String text = "Se [[indikator:N01951]] och [[indikator:N01951@2480]] samt [[insats:42]].";
		assertThat(Markdown.references(text)).containsExactly(new Markdown.Reference("indikator", "N01951", null),
				new Markdown.Reference("indikator", "N01951", "2480"), new Markdown.Reference("insats", "42", null));
		String html = Markdown.html(text, r -> "<b>" + r.kind() + ":" + r.target() + "</b>");
		assertThat(html).contains("<b>indikator:N01951</b>", "<b>insats:42</b>").doesNotContain("[[");
	}

	@Test
	void aReferenceCannotSmuggleMarkup() {
		assertThat(Markdown.references("[[indikator:<script>]]")).isEmpty();
		assertThat(Markdown.escape("<a href=\"x\">")).isEqualTo("&lt;a href=&#34;x&#34;&gt;");
	}

	@Test
	void emptyTextRendersNothing() {
		assertThat(Markdown.html(null)).isEmpty();
		assertThat(Markdown.html("  ")).isEmpty();
	}

}
