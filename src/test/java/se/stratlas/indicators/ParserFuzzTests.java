package se.stratlas.indicators;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import se.stratlas.indicators.internal.Expression;
import se.stratlas.indicators.internal.JsonStat;
import se.stratlas.shared.tables.ImportRefusedException;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;
import se.stratlas.indicators.internal.KoladaValues;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random inputs against every parser users can feed: the indicator expression
 * parser, Kolada answers (streamed and whole), SCB's JSON-stat, and CSV/XLSX uploads. A
 * parser may refuse an input only with its own, explained exception (malformed JSON with
 * Jackson's, which names line and column); anything else (a {@code NullPointerException},
 * an index out of bounds, a stack overflow) fails the test with the seed and the input
 * that caused it.
 * <p>
 * Each target runs for {@code fuzz.seconds} (3 s in the README's test command); the long
 * run is {@code ./mvnw test -Dtest=ParserFuzzTests -Dfuzz.seconds=600} (see
 * docs/reliability.md). {@code fuzz.seed} repeats a run.
 */
class ParserFuzzTests {

	private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 3));

	private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theExpressionParserRefusesOnlyWithAnExpressionException() {
		String[] tokens = { "N00914", "N00915", "A_1.b", "x", "1", "0", "2.5", "1e309", "-", "+", "*", "/", "(", ")",
				" ", "((", "))", ".", "_", "9a", "ä", "\t", "1/0", "--", "\u0000", "€", "1.2.3" };
		Set<String> known = Set.of("N00914", "N00915", "A_1.b", "x");
		fuzz("expression", random -> {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(random.nextInt(10) == 0 ? 400 : 20);
			for (int i = 0; i < length; i++) {
				text.append(random.nextInt(8) == 0 ? String.valueOf((char) random.nextInt(0x250))
						: tokens[random.nextInt(tokens.length)]);
			}
			return text.toString();
		}, text -> {
			try {
				Expression expression = Expression.parse(text, known);
				expression.evaluate(Map.of("N00914", 0.0, "N00915", 3.0, "A_1.b", -1.0, "x", Double.MAX_VALUE));
				expression.evaluate(code -> java.util.OptionalDouble.empty());
			}
			catch (Expression.ExpressionException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
		});
	}

	@Test
	void koladaAnswersAreRefusedOnlyWithAnExplainedError() throws Exception {
		List<String> seeds = List.of(fixture("fixtures/kolada/data-page1.json"),
				fixture("fixtures/kolada/data-page2.json"), fixture("fixtures/kolada/data-broken.json"));
		fuzz("kolada", random -> mutateJson(random, seeds.get(random.nextInt(seeds.size()))), text -> {
			try (tools.jackson.core.JsonParser parser = JSON.createParser(text)) {
				KoladaValues.stream(parser, "fuzz", value -> {
				});
			}
			catch (KoladaClient.KoladaException | JacksonException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
			try {
				KoladaValues.values(JSON.readTree(text), "fuzz");
			}
			catch (KoladaClient.KoladaException | JacksonException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
		});
	}

	@Test
	void jsonStatDatasetsAreRefusedOnlyWithAnExplainedError() throws Exception {
		String seed = fixture("fixtures/scb/syss.json");
		fuzz("json-stat", random -> mutateJson(random, seed), text -> {
			try {
				JsonNode node = JSON.readTree(text);
				JsonStat.read(node);
			}
			catch (JsonStat.JsonStatException | JacksonException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
		});
	}

	@Test
	void uploadedTablesAreReadOrRefusedWithAProblemTheUserCanRead() throws Exception {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("N00914", "2480", "2023", "T", "79,8", ""));
		rows.add(List.of("N00914", "0024", "2023", "K", "", "saknas"));
		Table table = new Table("Värden", List.of("indikator", "område", "period", "kön", "värde", "saknas"), rows);
		byte[] xlsx = TableFiles.xlsx(List.of(table));
		String csv = new String(TableFiles.csv(table), StandardCharsets.UTF_8);
		fuzz("table", random -> {
			if (random.nextBoolean()) {
				return "x.csv\n" + mutateText(random, csv, ";,\"\n\r=+-@'\ufeff\u0000åäö");
			}
			return "x.xlsx\n" + java.util.Base64.getEncoder().encodeToString(mutateBytes(random, xlsx));
		}, input -> {
			String name = input.substring(0, input.indexOf('\n'));
			String body = input.substring(input.indexOf('\n') + 1);
			byte[] content = name.endsWith(".csv") ? body.getBytes(StandardCharsets.UTF_8)
					: java.util.Base64.getDecoder().decode(body);
			try {
				TableFiles.read(name, content);
			}
			catch (ImportRefusedException refused) {
				assertThat(refused.problems()).isNotEmpty();
				assertThat(refused.problems().getFirst().message()).isNotBlank().doesNotContain("null");
			}
		});
	}

	/** Runs a target on generated inputs until the budget is spent. */
	private static void fuzz(String target, java.util.function.Function<Random, String> generate,
			ThrowingConsumer check) {
		Random random = new Random(SEED);
		long deadline = System.nanoTime() + BUDGET.toNanos();
		int runs = 0;
		while (System.nanoTime() < deadline) {
			String input = generate.apply(random);
			try {
				check.accept(input);
			}
			catch (Throwable unexpected) {
				throw new AssertionError(target + ": seed " + SEED + ", run " + runs + ", input " + abbreviate(input)
						+ " → " + unexpected, unexpected);
			}
			runs++;
		}
		System.out.println("Fuzz " + target + ": " + runs + " inputs in " + BUDGET.toSeconds() + " s, seed " + SEED);
		assertThat(runs).isPositive();
	}

	@FunctionalInterface
	interface ThrowingConsumer {

		void accept(String input) throws Exception;

	}

	/**
	 * Structure-aware mutations of a JSON text: swapped values, cut and repeated pieces.
	 */
	static String mutateJson(Random random, String seed) {
		String[] replacements = { "null", "true", "\"\"", "\"x\"", "[]", "{}", "-1", "1e999", "0.0", "\"T\"", "\"K\"",
				"\"M\"", "\"2023\"", "\"..\"", "[null]", "{\"values\":[]}", "\"\\u0000\"", "9999999999999",
				"[[[[[[[[[[]]]]]]]]]]" };
		String text = seed;
		int mutations = 1 + random.nextInt(4);
		for (int m = 0; m < mutations && !text.isEmpty(); m++) {
			int at = random.nextInt(text.length());
			switch (random.nextInt(5)) {
				case 0 -> {
					// replace a value after a colon or in an array
					int colon = text.indexOf(':', at);
					if (colon > 0) {
						int end = colon + 1;
						while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
							end++;
						}
						text = text.substring(0, colon + 1) + replacements[random.nextInt(replacements.length)]
								+ text.substring(end);
					}
				}
				case 1 ->
					text = text.substring(0, at) + text.substring(Math.min(text.length(), at + random.nextInt(20)));
				case 2 -> {
					int end = Math.min(text.length(), at + random.nextInt(60));
					text = text.substring(0, end) + text.substring(at, end) + text.substring(end);
				}
				case 3 -> text = text.substring(0, at) + replacements[random.nextInt(replacements.length)]
						+ text.substring(at);
				default -> text = mutateText(random, text, "{}[],:\"0123456789-.eE");
			}
		}
		return text;
	}

	static String mutateText(Random random, String seed, String alphabet) {
		StringBuilder text = new StringBuilder(seed);
		int edits = 1 + random.nextInt(6);
		for (int e = 0; e < edits; e++) {
			int at = text.isEmpty() ? 0 : random.nextInt(text.length());
			char c = random.nextInt(4) == 0 ? (char) random.nextInt(0xFFFF)
					: alphabet.charAt(random.nextInt(alphabet.length()));
			switch (random.nextInt(3)) {
				case 0 -> text.insert(at, c);
				case 1 -> {
					if (!text.isEmpty()) {
						text.deleteCharAt(at);
					}
				}
				default -> {
					if (!text.isEmpty()) {
						text.setCharAt(at, c);
					}
				}
			}
		}
		if (random.nextInt(10) == 0) {
			text.append(text.toString().repeat(1 + random.nextInt(50)));
		}
		return text.toString();
	}

	static byte[] mutateBytes(Random random, byte[] seed) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] copy = seed.clone();
		int flips = random.nextInt(8);
		for (int f = 0; f < flips; f++) {
			copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
		}
		int cut = random.nextInt(5) == 0 ? random.nextInt(copy.length) : copy.length;
		out.write(copy, 0, cut);
		return out.toByteArray();
	}

	private static String fixture(String path) throws Exception {
		return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8)
			.replace("{{BASE}}", "http://127.0.0.1:9/v3");
	}

	private static String abbreviate(String input) {
		return input.length() > 300 ? input.substring(0, 300) + "… (" + input.length() + " chars)" : input;
	}

}
