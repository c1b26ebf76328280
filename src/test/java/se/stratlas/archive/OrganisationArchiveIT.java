package se.stratlas.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import se.stratlas.StratlasApplication;
import se.stratlas.archive.internal.ArchiveTables;
import se.stratlas.system.internal.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The demo region's Region Västerbotten, downloaded as an archive by its administrator
 * and restored into a new, empty instance: every table holds the same rows, the users
 * sign in there with their passwords, and damaged or foreign archives are refused before
 * anything is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OrganisationArchiveIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrganisationArchive archive;

	@TempDir
	Path directory;

	@Test
	void everyTableOfTheSchemaIsArchivedOrLeftOutForAReason() {
		List<String> tables = this.jdbc.sql("select tablename from pg_tables where schemaname = current_schema()")
			.query(String.class)
			.list();
		Set<String> archived = new HashSet<>();
		ArchiveTables.TABLES.forEach(table -> archived.add(table.name()));
		List<String> unclassified = tables.stream()
			.filter(table -> !archived.contains(table) && !ArchiveTables.LEFT_OUT.containsKey(table))
			.toList();
		assertThat(unclassified).as("tables neither in ArchiveTables.TABLES nor in LEFT_OUT").isEmpty();
		assertThat(tables).containsAll(archived);
	}

	@Test
	void anOrganisationRestoredIntoAnEmptyInstanceHasTheSameRowsInEveryTable() throws Exception {
		long organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		// The export's own audit event comes after the archived ones (here) and the
		// restore's
		// right after them (there): compare the events up to the export.
		long lastEvent = this.jdbc.sql("select max(id) from audit_event where organisation_id = :org")
			.param("org", organisation)
			.query(Long.class)
			.single();
		MvcResult download = this.mvc
			.perform(get("/admin/archive/download").with(user(this.users.loadUserByUsername("anna.admin"))))
			.andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentType()).isEqualTo("application/zip");
		assertThat(download.getResponse().getHeader("Content-Disposition"))
			.contains("filename=\"stratlas-vasterbotten-");
		Path file = this.directory.resolve("vasterbotten.zip");
		Files.write(file, download.getResponse().getContentAsByteArray());

		OrganisationArchive.Manifest manifest = this.archive.manifest(file);
		assertThat(manifest.organisation().code()).isEqualTo("vasterbotten");
		assertThat(manifest.exportedBy()).isEqualTo("anna.admin");
		assertThat(manifest.tables()).hasSize(ArchiveTables.TABLES.size());
		manifest.tables().forEach(t -> System.out.printf("archive: %-28s %,10d rows%n", t.name(), t.rows()));
		for (String table : List.of("accounts_user", "strategy_element", "strategy_element_link",
				"initiatives_initiative", "indicators_value", "followup_revision", "audit_event")) {
			assertThat(manifest.tables()).filteredOn(t -> t.name().equals(table))
				.singleElement()
				.satisfies(t -> assertThat(t.rows()).as(table).isPositive());
		}
		String event = this.jdbc.sql("""
				select action from audit_event where organisation_id = :org and entity_type = 'organisation'
				order by id desc limit 1""").param("org", organisation).query(String.class).single();
		assertThat(event).isEqualTo("EXPORTED");

		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory.resolve("pg"), 0, true);
				ConfigurableApplicationContext target = new SpringApplication(StratlasApplication.class).run(
						"--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
						"--spring.datasource.username=postgres", "--stratlas.restore=" + file,
						"--stratlas.bootstrap.admin-password=", "--logging.level.root=WARN",
						"--stratlas.indicators.refresh-cron=-", "--stratlas.followup.reminder-cron=-")) {
			JdbcClient restored = target.getBean(JdbcClient.class);

			// Table by table, row by row: the organisation's rows as JSON, in both
			// databases.
			long rows = 0;
			for (ArchiveTables.ArchiveTable table : ArchiveTables.TABLES) {
				String where = table.condition(organisation)
						+ (table.name().equals("audit_event") ? " and id <= " + lastEvent : "");
				String sql = "select cast(row_to_json(t) as text) from (select * from " + table.name() + " where "
						+ where + ") t order by 1";
				List<String> before = this.jdbc.sql(sql).query(String.class).list();
				List<String> after = restored.sql(sql).query(String.class).list();
				assertThat(after).as(table.name()).isEqualTo(before);
				rows += before.size();
			}
			assertThat(rows).isEqualTo(manifest.rows());

			// The restore ran before the first start's runners: no second administrator
			// or
			// organisation, and Agenda 2030 was loaded after it with ids past the
			// archive's.
			assertThat(restored.sql("select code from accounts_organisation").query(String.class).list())
				.containsExactly("vasterbotten");
			assertThat(restored.sql("select count(*) from strategy_strategy where code = 'AGENDA2030'")
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(restored.sql("""
					select action from audit_event where entity_type = 'organisation' order by id desc limit 1""")
				.query(String.class)
				.single()).isEqualTo("RESTORED");

			// The users sign in with their own passwords and find their follow-up.
			MockMvc there = MockMvcBuilders.webAppContextSetup((WebApplicationContext) target)
				.apply(springSecurity())
				.build();
			MvcResult signedIn = there.perform(formLogin("/login").user("sara.strateg").password("stratlas-demo"))
				.andReturn();
			assertThat(signedIn.getResponse().getRedirectedUrl()).doesNotContain("error");
			String cycle = this.jdbc
				.sql("select name from followup_cycle where organisation_id = :org order by id limit 1")
				.param("org", organisation)
				.query(String.class)
				.single();
			MvcResult followup = there
				.perform(get("/followup").session((MockHttpSession) signedIn.getRequest().getSession()))
				.andReturn();
			assertThat(followup.getResponse().getStatus()).isEqualTo(200);
			assertThat(followup.getResponse().getContentAsString()).contains(cycle);

			// The same archive again: recognised, and refused as a second copy.
			OrganisationArchive there2 = target.getBean(OrganisationArchive.class);
			assertThat(there2.alreadyRestored(manifest)).isTrue();
			assertThatThrownBy(() -> there2.restore(file, step -> {
			})).isInstanceOf(OrganisationArchive.RestoreRefused.class)
				.hasMessageContaining("already has the organisation 'vasterbotten'");

			// Damaged or foreign archives are refused before anything is checked against
			// the data.
			Path damaged = rewrite(file, "tables/followup_revision.tsv", bytes -> {
				byte[] changed = bytes.clone();
				changed[changed.length / 2] = (byte) (changed[changed.length / 2] == 'x' ? 'y' : 'x');
				return changed;
			});
			assertThatThrownBy(() -> there2.restore(damaged, step -> {
			})).isInstanceOf(OrganisationArchive.RestoreRefused.class)
				.hasMessageContaining("damaged: tables/followup_revision.tsv");
			Path newer = rewrite(file, OrganisationArchive.MANIFEST,
					bytes -> new String(bytes, StandardCharsets.UTF_8)
						.replace("\"schemaVersion\" : \"" + manifest.schemaVersion() + "\"",
								"\"schemaVersion\" : \"999\"")
						.getBytes(StandardCharsets.UTF_8));
			assertThatThrownBy(() -> there2.restore(newer, step -> {
			})).isInstanceOf(OrganisationArchive.RestoreRefused.class).hasMessageContaining("schema version 999");
			Path notAnArchive = Files.writeString(this.directory.resolve("notes.zip"), "not a zip");
			assertThatThrownBy(() -> there2.restore(notAnArchive, step -> {
			})).isInstanceOf(OrganisationArchive.RestoreRefused.class).hasMessageContaining("could not be read");
		}
	}

	/** A copy of the archive with one entry changed. */
	private Path rewrite(Path archive, String name, UnaryOperator<byte[]> change) throws IOException {
		Path copy = Files.createTempFile(this.directory, "changed", ".zip");
		try (ZipFile zip = new ZipFile(archive.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (ZipEntry entry : new ArrayList<>(zip.stream().toList())) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream in = zip.getInputStream(entry)) {
					byte[] bytes = in.readAllBytes();
					out.write(entry.getName().equals(name) ? change.apply(bytes) : bytes);
				}
				out.closeEntry();
			}
		}
		return copy;
	}

}
