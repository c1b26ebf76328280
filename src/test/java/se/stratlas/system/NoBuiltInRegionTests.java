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
 * Stratlas is for any region: outside the demo (the package {@code demo} and
 * {@code resources/demo}) nothing in {@code src/main} names Västerbotten or Norrbotten,
 * or their county and municipality codes. Defaults, lists and examples come from the
 * organisation's profile.
 */
class NoBuiltInRegionTests {

	private static final Pattern NAMES = Pattern.compile("(?iu)v[äa]sterbotten|norrbotten");

	/** A county code 24/25 or a municipality code 24xx/25xx as a Java string. */
	private static final Pattern JAVA_CODES = Pattern.compile("\"(24|25)(\\d\\d)?\"");

	/** A municipality code of the two counties in a template, message or setting. */
	private static final Pattern TEXT_CODES = Pattern.compile("(?<![\\d.,-])(24|25)\\d\\d(?![\\d.,])");

	@Test
	void nothingOutsideTheDemoNamesTheDemoRegionsOrTheirCodes() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String path = file.toString().replace('\\', '/');
				if (path.contains("/se/stratlas/demo/") || path.contains("/resources/demo/")
						|| path.contains("/resources/reference/") || path.contains("/db/migration/")
						|| path.contains("/fonts/") || path.endsWith(".png") || path.endsWith(".svg")
						|| path.endsWith(".ico") || path.endsWith(".js") || path.endsWith(".css")) {
					continue;
				}
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					Matcher codes = (path.endsWith(".java") ? JAVA_CODES : TEXT_CODES).matcher(line);
					if (NAMES.matcher(line).find() || codes.find()) {
						found.add(path + ":" + (i + 1) + ": " + line.strip());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

}
