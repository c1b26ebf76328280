package se.stratlas.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field people type text into says how long the text may be (the database has the
 * same limits, V026): a text input or a text area without {@code maxlength} fails here.
 */
class FormLimitsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>|<textarea\\b[^>]*>");

	private static final Pattern TYPE = Pattern.compile("\\stype=\"([^\"]+)\"");

	@Test
	void everyTextFieldHasAMaximumLength() throws IOException {
		List<String> unbounded = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = INPUT.matcher(Files.readString(file));
				while (matcher.find()) {
					String tag = matcher.group();
					Matcher type = TYPE.matcher(tag);
					String kind = tag.startsWith("<textarea") ? "textarea" : type.find() ? type.group(1) : "text";
					boolean text = List.of("text", "search", "email", "url", "tel", "textarea").contains(kind);
					if (text && !tag.contains("maxlength")) {
						unbounded.add(TEMPLATES.relativize(file) + ": " + tag);
					}
				}
			}
		}
		assertThat(unbounded).isEmpty();
	}

}
