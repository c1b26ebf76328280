package se.stratlas.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import se.stratlas.accounts.Role;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.RelationType;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.VersionComparison;

import static org.assertj.core.api.Assertions.assertThat;

/** All text lives in the message bundles, in both languages. */
class I18nTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern TEXT_NODE = Pattern.compile(">\\s*([^<>]*\\p{L}[^<>]*?)\\s*<");

	private static final Pattern TEXT_ATTRIBUTE = Pattern
		.compile("(?<![:-])\\b(alt|title|placeholder|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates()) {
			List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.contains("th:text") || line.contains("th:utext") || line.strip().startsWith("<!--")
						|| line.contains("<title")) {
					continue;
				}
				Matcher text = TEXT_NODE.matcher(line);
				while (text.find()) {
					offenders.add(template.getFileName() + ":" + (i + 1) + " text '" + text.group(1) + "'");
				}
				Matcher attribute = TEXT_ATTRIBUTE.matcher(line);
				while (attribute.find()) {
					offenders.add(template.getFileName() + ":" + (i + 1) + " " + attribute.group(1) + "='"
							+ attribute.group(2) + "'");
				}
			}
		}
		assertThat(offenders).as("hard-coded text in templates").isEmpty();
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyTheTemplatesUseExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumShownToUsersHasItsKeys() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		List<String> expected = new ArrayList<>();
		for (Role role : Role.values()) {
			expected.add(role.messageKey());
		}
		for (ElementType type : ElementType.values()) {
			expected.add(type.messageKey());
			expected.add(type.messageKey() + ".plural");
		}
		for (StrategyStatus status : StrategyStatus.values()) {
			expected.add(status.messageKey());
		}
		for (RelationType relation : RelationType.values()) {
			expected.add(relation.messageKey());
			expected.add(relation.messageKey() + ".incoming");
		}
		for (VersionComparison.ChangeKind kind : VersionComparison.ChangeKind.values()) {
			expected.add(kind.messageKey());
		}
		for (se.stratlas.followup.Kinds.CycleState state : se.stratlas.followup.Kinds.CycleState.values()) {
			expected.add(state.messageKey());
			expected.add("cycle.moveTo." + state.name().toLowerCase(java.util.Locale.ROOT));
		}
		java.util.stream.Stream
			.of(se.stratlas.followup.Kinds.CycleKind.values(), se.stratlas.followup.Kinds.SectionKind.values(),
					se.stratlas.followup.Kinds.Perspective.values(), se.stratlas.followup.Kinds.Fulfilment.values(),
					se.stratlas.followup.Kinds.ContributionState.values(),
					se.stratlas.followup.Kinds.ProductKind.values(), se.stratlas.followup.Cycles.Template.values(),
					se.stratlas.followup.Products.Status.values(), se.stratlas.followup.Revision.Kind.values(),
					se.stratlas.followup.Comment.Kind.values(), se.stratlas.followup.internal.Notice.Kind.values())
			.flatMap(java.util.Arrays::stream)
			.forEach(value -> expected.add(messageKey(value)));
		assertThat(keys).containsAll(expected);
	}

	private static String messageKey(Object value) {
		try {
			return (String) value.getClass().getMethod("messageKey").invoke(value);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(value + " has no messageKey()", ex);
		}
	}

	@Test
	void theCheckFindsHardCodedText() {
		assertThat(TEXT_NODE.matcher("<p class=\"x\">Spara</p>").find()).isTrue();
		assertThat(TEXT_ATTRIBUTE.matcher("<img alt=\"Logotyp\">").find()).isTrue();
		assertThat(TEXT_ATTRIBUTE.matcher("<img th:alt=\"#{x}\">").find()).isFalse();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n", name))) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
