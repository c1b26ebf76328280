package se.stratlas.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

import static se.stratlas.testing.LiveHttp.csrf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over real HTTP (Tomcat's multipart limits only apply there): a file over the
 * limit, an XLSX zip bomb and a file of the wrong kind each get a clear 4xx, in the API
 * and on screens, and nothing is imported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadLimitsIT {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String strategist = "Basic "
			+ Base64.getEncoder().encodeToString("sara.strateg:stratlas-demo".getBytes(StandardCharsets.UTF_8));

	@Test
	void aFileOverTheLimitGets413WithTheLimitNamed() throws Exception {
		byte[] huge = ("indikator;område;period;kön;värde;saknas\n" + "N00914;2480;2023;T;79,8;\n".repeat(520_000))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(huge.length).isGreaterThan(12 * 1024 * 1024);
		HttpResponse<String> api = upload("/api/initiatives/import", "stora.csv", huge, "application/json");
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
		assertThat(api.body()).contains("10 MB");
		HttpResponse<String> screen = upload("/indicators/import", "stora.csv", huge, "text/html");
		assertThat(screen.statusCode()).isEqualTo(413);
		assertThat(screen.body()).contains("10 MB");
	}

	@Test
	void aBrowserPostingTheFormWithItsCsrfTokenGetsThe413PageNotAForgeryRefusal() throws Exception {
		HttpResponse<String> posted = postForm(13 * 1024 * 1024);
		assertThat(posted.statusCode()).isEqualTo(413);
		assertThat(posted.body()).contains("10 MB");
	}

	@Test
	void aFileOverTheFileLimitButUnderTheRequestLimitGetsTheSamePageNotTheContainers() throws Exception {
		HttpResponse<String> posted = postForm(11 * 1024 * 1024);
		assertThat(posted.statusCode()).isEqualTo(413);
		assertThat(posted.body()).contains("10 MB").contains("Inget importerades").doesNotContain("HTTP Status 413");
	}

	private HttpResponse<String> postForm(int size) throws Exception {
		String session = se.stratlas.testing.LiveHttp.signIn(this.http, "http://127.0.0.1:" + this.port,
				"sara.strateg");
		String form = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/indicators/import"))
				.header("Cookie", session)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		byte[] huge = new byte[size];
		java.util.Arrays.fill(huge, (byte) 'x');
		String boundary = "----stratlas" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(form)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stora.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(huge);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/indicators/import"))
			.header("Cookie", session)
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anXlsxZipBombIsRefusedWithAClearProblem() throws Exception {
		byte[] bomb = zipBomb();
		assertThat(bomb.length).isLessThan(1024 * 1024);
		HttpResponse<String> api = upload("/api/initiatives/import", "bomb.xlsx", bomb, "application/json");
		assertThat(api.statusCode()).isBetween(400, 499);
		assertThat(api.body()).containsIgnoringCase("zip bomb");
	}

	@Test
	void aFileOfAnotherKindIsRefused() throws Exception {
		HttpResponse<String> api = upload("/api/initiatives/import", "virus.exe", new byte[] { 'M', 'Z', 0, 1 },
				"application/json");
		assertThat(api.statusCode()).isBetween(400, 499);
		assertThat(api.body()).contains("Bara .xlsx och .csv");
	}

	/**
	 * A real XLSX whose sheet is padded to 40 MB of spaces: a few hundred kilobytes
	 * packed, far beyond the ratio POI accepts.
	 */
	private static byte[] zipBomb() throws Exception {
		byte[] valid = TableFiles.xlsx(List.of(new Table("Insatser", List.of("namn"), List.of(List.of("A")))));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith("xl/worksheets/")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData");
					zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
					for (int i = 0; i < 40; i++) {
						zip.write(spaces);
					}
					zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(content);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private HttpResponse<String> upload(String path, String filename, byte[] content, String accept) throws Exception {
		String boundary = "----stratlas" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", this.strategist)
			.header("Accept", accept)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
