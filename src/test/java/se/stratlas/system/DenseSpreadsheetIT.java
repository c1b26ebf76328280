package se.stratlas.system;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.stratlas.StratlasApplication;
import se.stratlas.system.internal.EmbeddedDatabase;
import se.stratlas.testing.LiveHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside test's critical defect: a valid 9 MB spreadsheet whose sheet unpacks to
 * about 90 MB (420,000 rows of a few cells) stopped the server with OutOfMemoryError.
 * Here Stratlas runs in a JVM of its own with {@code -Xmx512m}; the file is posted to the
 * initiative import (as a rapportör) and the indicator import (as a strateg), then five
 * times at once. Throughout, the health endpoint answers within 1 s and another user's
 * pages all succeed; every upload is refused with the limit named, or told to wait its
 * turn.
 */
class DenseSpreadsheetIT {

	private static final int ROWS = 420_000;

	@TempDir
	Path directory;

	@Test
	void aDenseSpreadsheetNeitherStopsTheServerNorDelaysOthers() throws Exception {
		Path dense = this.directory.resolve("tät.xlsx");
		writeDenseSheet(dense);
		long size = Files.size(dense);
		System.out.printf("Dense sheet: %,d rows, %,d bytes%n", ROWS, size);
		assertThat(size).as("under the 10 MB upload limit, so the sheet itself must be refused")
			.isLessThan(10L * 1024 * 1024);
		byte[] content = Files.readAllBytes(dense);

		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory.resolve("pg"), 0, true)) {
			int port = LiveHttp.freePort();
			Process app = child(database, port);
			ExecutorService threads = Executors.newCachedThreadPool();
			try {
				String base = "http://127.0.0.1:" + port;
				HttpClient http = HttpClient.newBuilder()
					.followRedirects(HttpClient.Redirect.NEVER)
					.connectTimeout(Duration.ofSeconds(5))
					.build();
				awaitHealthy(http, base, app);
				String reader = LiveHttp.signIn(http, base, "lars.lasare");

				AtomicBoolean running = new AtomicBoolean(true);
				AtomicLong slowestHealth = new AtomicLong();
				ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
				AtomicLong otherRequests = new AtomicLong();
				Future<?> health = threads.submit(() -> {
					while (running.get()) {
						long start = System.nanoTime();
						try {
							int status = http
								.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
									.timeout(Duration.ofSeconds(1))
									.build(), HttpResponse.BodyHandlers.discarding())
								.statusCode();
							if (status != 200) {
								failures.add("health " + status);
							}
						}
						catch (Exception ex) {
							failures.add("health: " + ex);
						}
						slowestHealth.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
						pause(250);
					}
					return null;
				});
				Future<?> other = threads.submit(() -> {
					while (running.get()) {
						for (String path : List.of("/indicators", "/api/indicators", "/strategies")) {
							try {
								int status = http
									.send(HttpRequest.newBuilder(URI.create(base + path))
										.header("Cookie", reader)
										.timeout(Duration.ofSeconds(30))
										.build(), HttpResponse.BodyHandlers.discarding())
									.statusCode();
								otherRequests.incrementAndGet();
								if (status != 200) {
									failures.add(path + " " + status);
								}
							}
							catch (Exception ex) {
								failures.add(path + ": " + ex);
							}
						}
						pause(300);
					}
					return null;
				});

				HttpResponse<String> initiatives = upload(http, base + "/api/initiatives/import", "rasmus.rapportor",
						content);
				assertThat(initiatives.statusCode()).isEqualTo(422);
				assertThat(initiatives.body()).contains("20 000 rader");
				HttpResponse<String> indicators = upload(http, base + "/indicators/import", "sara.strateg", content);
				assertThat(indicators.statusCode()).isEqualTo(302);
				String run = indicators.headers().firstValue("Location").orElseThrow();
				assertThat(awaitRun(http, base, run)).contains("200 000 rader");

				List<Future<HttpResponse<String>>> atOnce = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					boolean strategist = i % 2 == 1;
					atOnce.add(threads.submit(
							() -> upload(http, base + (strategist ? "/indicators/import" : "/api/initiatives/import"),
									strategist ? "sara.strateg" : "rasmus.rapportor", content)));
				}
				List<Integer> statuses = new ArrayList<>();
				for (Future<HttpResponse<String>> upload : atOnce) {
					HttpResponse<String> response = upload.get(5, TimeUnit.MINUTES);
					statuses.add(response.statusCode());
					assertThat(response.statusCode()).as(response.body()).isIn(302, 422, 429);
					if (response.statusCode() == 302) {
						awaitRun(http, base, response.headers().firstValue("Location").orElseThrow());
					}
				}
				System.out.printf("Five at once: %s; slowest health answer %d ms; %d other requests%n", statuses,
						slowestHealth.get(), otherRequests.get());
				assertThat(statuses).as("a user's second import waits its turn").contains(429);

				running.set(false);
				health.get(10, TimeUnit.SECONDS);
				other.get(60, TimeUnit.SECONDS);
				assertThat(app.isAlive()).isTrue();
				assertThat(failures).as("health and other users' pages throughout").isEmpty();
				assertThat(slowestHealth.get()).as("health answers within 1 s").isLessThan(1000);
				assertThat(otherRequests.get()).isPositive();
				long heap = heapMegabytes(http, base);
				System.out.printf("Heap in use afterwards: %d MB of 512%n", heap);
				assertThat(heap).as("heap in use afterwards (MB)").isLessThan(512);
			}
			finally {
				threads.shutdownNow();
				app.destroy();
				if (!app.waitFor(20, TimeUnit.SECONDS)) {
					app.destroyForcibly();
				}
			}
		}
	}

	/** 420,000 rows of five cells: a valid value file, as a register export might be. */
	private static void writeDenseSheet(Path file) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
			workbook.setCompressTempFiles(true);
			Sheet sheet = workbook.createSheet("Värden");
			Row header = sheet.createRow(0);
			String[] columns = { "indikator", "område", "period", "kön", "värde" };
			for (int c = 0; c < columns.length; c++) {
				header.createCell(c).setCellValue(columns[c]);
			}
			for (int r = 1; r <= ROWS; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("N01951");
				row.createCell(1).setCellValue("2480");
				row.createCell(2).setCellValue(1900 + r % 125);
				row.createCell(3).setCellValue("T");
				row.createCell(4).setCellValue(r * 1.5);
			}
			workbook.write(out);
			workbook.close();
		}
	}

	private static HttpResponse<String> upload(HttpClient http, String url, String username, byte[] content)
			throws Exception {
		String boundary = "----stratlas" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tät.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", basic(username))
			.header("Accept", url.contains("/api/") ? "application/json" : "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Waits for an import run to end and returns its page. */
	private static String awaitRun(HttpClient http, String base, String location) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (true) {
			String page = http
				.send(HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location : base + location))
					.header("Authorization", basic("sara.strateg"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			if (!page.contains("hx-trigger=\"every 1s\"")) {
				return page;
			}
			assertThat(System.nanoTime()).as("the import run ends").isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	private static long heapMegabytes(HttpClient http, String base) throws Exception {
		String metrics = http
			.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
				.header("Authorization", "Bearer dense-sheet-test")
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher used = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E]+)").matcher(metrics);
		double total = 0;
		while (used.find()) {
			total += Double.parseDouble(used.group(1));
		}
		return (long) (total / (1024 * 1024));
	}

	private static String basic(String username) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":stratlas-demo").getBytes(StandardCharsets.UTF_8));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Process child(EmbeddedDatabase database, int port) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx512m");
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-cp");
		command.add(System.getProperty("java.class.path") + File.pathSeparator + "target/classes");
		command.add(StratlasApplication.class.getName());
		command.addAll(List.of("--server.port=" + port, "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=postgres", "--stratlas.bootstrap.admin-password=ett-langt-losenord-2026",
				"--stratlas.demo.enabled=true", "--logging.level.root=WARN", "--stratlas.indicators.refresh-cron=-",
				"--stratlas.followup.reminder-cron=-", "--stratlas.metrics.token=dense-sheet-test",
				"--stratlas.kolada.base-url=http://127.0.0.1:9/v3"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("child.log").toFile())
			.start();
	}

	private static void awaitHealthy(HttpClient http, String base, Process app) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (true) {
			assertThat(app.isAlive()).as("the child app runs").isTrue();
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				assertThat(System.nanoTime()).as("the child app starts").isLessThan(deadline);
			}
			Thread.sleep(300);
		}
	}

}
