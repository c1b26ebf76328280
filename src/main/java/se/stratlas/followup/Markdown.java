package se.stratlas.followup;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Contributions are written in Markdown. Raw HTML in them is shown as text, links may
 * only go to http, https and mailto, and the result passes an allow-list sanitizer before
 * it reaches a page. References to indicators and initiatives
 * ({@code [[indikator:N01951]]}, {@code [[indikator:N01951@2480]]},
 * {@code [[insats:42]]}) become live figures that the caller renders.
 */
public final class Markdown {

	/**
	 * A reference written in a text: kind, the indicator code or initiative id, an area.
	 */
	public record Reference(String kind, String target, String area) {
	}

	static final Pattern REFERENCE = Pattern
		.compile("\\[\\[(indikator|insats):([A-Za-z0-9_.-]{1,40})(?:@([0-9]{2,4}))?\\]\\]");

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES);

	private Markdown() {
	}

	/** The sanitized HTML of a text, references left as they were written. */
	public static String html(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
	}

	/**
	 * The sanitized HTML with each reference replaced by what {@code render} makes of it;
	 * {@code render} must return safe HTML (escaped text).
	 */
	public static String html(String markdown, Function<Reference, String> render) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		// References become plain placeholders first, so that neither Markdown nor the
		// sanitizer touches them, and are filled in after sanitizing.
		String nonce = "sref" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		List<Reference> found = new ArrayList<>();
		Matcher matcher = REFERENCE.matcher(markdown);
		StringBuilder marked = new StringBuilder();
		while (matcher.find()) {
			found.add(new Reference(matcher.group(1), matcher.group(2), matcher.group(3)));
			matcher.appendReplacement(marked, nonce + "x" + (found.size() - 1) + "x");
		}
		matcher.appendTail(marked);
		String html = html(marked.toString());
		for (int i = found.size() - 1; i >= 0; i--) {
			html = html.replace(nonce + "x" + i + "x", render.apply(found.get(i)));
		}
		return html;
	}

	/**
	 * The text with each reference replaced by the words {@code words} makes of it, for
	 * reading as plain text (a comparison of two texts, say).
	 */
	public static String withWords(String markdown, Function<Reference, String> words) {
		if (markdown == null) {
			return null;
		}
		return REFERENCE.matcher(markdown)
			.replaceAll(m -> Matcher.quoteReplacement(words.apply(new Reference(m.group(1), m.group(2), m.group(3)))));
	}

	/** The references a text makes, in order. */
	public static List<Reference> references(String markdown) {
		if (markdown == null) {
			return List.of();
		}
		return REFERENCE.matcher(markdown)
			.results()
			.map(m -> new Reference(m.group(1), m.group(2), m.group(3)))
			.distinct()
			.toList();
	}

	/** Escapes text for HTML (for the fragments references render to). */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&#34;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
