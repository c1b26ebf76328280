package se.stratlas.shared.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SplicedGzipTests {

	private static String spliced(String head, SplicedGzip.Part part, String tail) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SplicedGzip.write(out, head, part, tail);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void theSplicedStreamIsTheWholeTextAndGzipChecksItsCrcAndLength() throws Exception {
		StringBuilder report = new StringBuilder();
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			report.append("<tr><td>Umeå ")
				.append(random.nextInt(1000))
				.append("</td><td>")
				.append(random.nextGaussian())
				.append("</td></tr>\n");
		}
		SplicedGzip.Part part = SplicedGzip.part(report.toString());
		String head = "<!DOCTYPE html><html lang=\"sv\"><head><meta name=\"_csrf\" content=\"tok–en\"></head><body>";
		String tail = "</body></html>";
		assertThat(spliced(head, part, tail)).isEqualTo(head + report + tail);
		assertThat(part.deflated().length).isLessThan(part.text().length / 2);
	}

	@Test
	void emptyPartsSpliceToo() throws Exception {
		assertThat(spliced("", SplicedGzip.part(""), "")).isEmpty();
		assertThat(spliced("a", SplicedGzip.part(""), "")).isEqualTo("a");
		assertThat(spliced("", SplicedGzip.part("å"), "")).isEqualTo("å");
		assertThat(spliced("", SplicedGzip.part(""), "ö")).isEqualTo("ö");
	}

	@Test
	void aPartIsSplicedTheSameWayIntoManyResponses() throws Exception {
		SplicedGzip.Part part = SplicedGzip.part("x".repeat(100_000) + "Västerbotten");
		for (String reader : new String[] { "Lars", "Anna", "Sara" }) {
			assertThat(spliced("Hej " + reader + ":", part, "!"))
				.isEqualTo("Hej " + reader + ":" + "x".repeat(100_000) + "Västerbotten!");
		}
	}

}
