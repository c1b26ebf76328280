package se.stratlas.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.stratlas.StratlasApplication;
import se.stratlas.archive.OrganisationArchive;
import se.stratlas.system.internal.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation archive at national scale: the demo's Region Västerbotten with the
 * national indicator dataset (18.7 million values) written to an archive file and
 * restored into an empty instance (checks and read-back included). Side by side, in the
 * same run, PostgreSQL's own {@code COPY} of the same value rows in the same order to
 * nowhere: the floor, what reading the rows costs at all.
 * <p>
 * Run: {@code ./mvnw verify -Dtest=none -Dit.test=ArchiveBenchmarkIT -Dbenchmark=true}
 * (results in {@code target/benchmark-archive.md} and docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ArchiveBenchmarkIT {

	@TempDir
	Path directory;

	@Test
	void aNationalOrganisationIsArchivedAndRestored() throws Exception {
		Path file = this.directory.resolve("national.zip");
		long values;
		long organisationValues;
		double generation;
		double copySeconds;
		double exportSeconds;
		OrganisationArchive.Manifest manifest;
		try (EmbeddedDatabase source = EmbeddedDatabase.start(this.directory.resolve("source"), 0, true);
				ConfigurableApplicationContext context = start(source, "--stratlas.demo.enabled=true")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long organisation = jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
				.query(Long.class)
				.single();
			long started = System.nanoTime();
			values = NationalDataset.generate(jdbc, organisation, 1000, 20);
			generation = seconds(started);
			organisationValues = jdbc.sql("""
					select count(*) from indicators_value where indicator_id in
					    (select id from indicators_definition where organisation_id = :org)""")
				.param("org", organisation)
				.query(Long.class)
				.single();

			DataSource dataSource = context.getBean(DataSource.class);
			started = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyOut(
							"""
									copy (select * from indicators_value where indicator_id in
									    (select id from indicators_definition where organisation_id = %d)
									    order by indicator_id, area_code collate "C", period collate "C", sex collate "C") to stdout"""
								.formatted(organisation),
							OutputStream.nullOutputStream());
			}
			copySeconds = seconds(started);

			started = System.nanoTime();
			try (OutputStream out = Files.newOutputStream(file)) {
				manifest = context.getBean(OrganisationArchive.class).export(organisation, "benchmark", out);
			}
			exportSeconds = seconds(started);
		}
		long bytes = Files.size(file);
		assertThat(manifest.rows()).isGreaterThan(organisationValues);

		double restoreSeconds;
		double startSeconds;
		long restoredValues;
		long started = System.nanoTime();
		try (EmbeddedDatabase target = EmbeddedDatabase.start(this.directory.resolve("target"), 0, true);
				ConfigurableApplicationContext context = start(target, "--stratlas.restore=" + file)) {
			startSeconds = seconds(started);
			restoreSeconds = context.getBean(MeterRegistry.class)
				.get("stratlas.archive.restore")
				.timer()
				.totalTime(TimeUnit.NANOSECONDS) / 1e9;
			restoredValues = context.getBean(JdbcClient.class)
				.sql("select count(*) from indicators_value")
				.query(Long.class)
				.single();
		}
		assertThat(restoredValues).isEqualTo(organisationValues);

		String report = String.format(Locale.ROOT,
				"""
						Dataset: %,d values generated in %.0f s; Region Västerbotten holds %,d of them.

						| Step | rows | time | rows/s |
						|---|---|---|---|
						| PostgreSQL COPY of the organisation's values to nowhere (floor) | %,d | %.1f s | %,.0f |
						| Export: the whole organisation to the archive file (%d tables, %,.1f MB) | %,d | %.1f s | %,.0f |
						| Restore into an empty instance: checks, COPY in, sequences, read-back of every table | %,d | %.1f s | %,.0f |

						Export / floor: %.1f×. The restoring instance started in %.1f s, restore included.
						""",
				values, generation, organisationValues, organisationValues, copySeconds,
				organisationValues / copySeconds, manifest.tables().size(), bytes / 1e6, manifest.rows(), exportSeconds,
				manifest.rows() / exportSeconds, manifest.rows(), restoreSeconds, manifest.rows() / restoreSeconds,
				exportSeconds / copySeconds, startSeconds);
		Files.writeString(Path.of("target/benchmark-archive.md"), report);
		System.out.println(report);
	}

	private static ConfigurableApplicationContext start(EmbeddedDatabase database, String extra) {
		return new SpringApplication(StratlasApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=postgres",
				"--stratlas.bootstrap.admin-password=", "--logging.level.root=WARN",
				"--stratlas.indicators.refresh-cron=-", "--stratlas.followup.reminder-cron=-", extra);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
