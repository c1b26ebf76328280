package se.stratlas.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.stratlas.StratlasApplication;
import se.stratlas.system.internal.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseIT {

	@TempDir
	Path directory;

	@Test
	void dataSurvivesARestart() throws Exception {
		Path data = this.directory.resolve("postgres");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, false)) {
			execute(database, "create table kept (value text); insert into kept values ('kvar')");
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, false);
				Connection connection = DriverManager.getConnection(database.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select value from kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("kvar");
		}
	}

	@Test
	void aSecondInstanceOnTheSameDirectoryIsRefusedAndTheFirstKeepsWorking() throws Exception {
		Path data = this.directory.resolve("postgres");
		try (EmbeddedDatabase first = EmbeddedDatabase.start(data, 0, false)) {
			assertThatThrownBy(() -> EmbeddedDatabase.start(data, 0, false))
				.isInstanceOf(EmbeddedDatabase.DataDirectoryInUseException.class)
				.hasMessageContaining("in use by another running Stratlas")
				.hasMessageContaining("STRATLAS_DATA_DIR");
			execute(first, "create table still_fine (id int)");
		}
		assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
	}

	@Test
	void aConfiguredDataSourceIsUsedInsteadOfTheEmbeddedOneAndMigrated() throws Exception {
		try (EmbeddedDatabase external = EmbeddedDatabase.start(this.directory.resolve("external"), 0, false);
				ConfigurableApplicationContext context = new SpringApplication(StratlasApplication.class).run(
						"--server.port=0", "--spring.datasource.url=" + external.jdbcUrl(),
						"--spring.datasource.username=postgres", "--stratlas.bootstrap.admin-password=",
						"--logging.level.root=WARN")) {
			assertThat(context.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(
					jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
				.isGreaterThanOrEqualTo(3);
			assertThat(jdbc.sql("select count(*) from accounts_user where 'ADMINISTRATOR' = any (roles)")
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from accounts_user where demo").query(Integer.class).single())
				.as("no demo users without the embedded database unless asked for")
				.isZero();
		}
	}

	private static void execute(EmbeddedDatabase database, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
