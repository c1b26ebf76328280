package se.stratlas.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url}, Stratlas brings its own PostgreSQL: see ADR
 * 2026-11-22-embedded-postgresql. The data source depends on the server bean, so on
 * shutdown the pool closes before the server stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceConfigured.class)
public class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${stratlas.embedded-db.data-dir:./data/postgres}") String dataDir,
			@Value("${stratlas.embedded-db.port:0}") int port,
			@Value("${stratlas.embedded-db.ephemeral:false}") boolean ephemeral) throws IOException {
		Path directory = ephemeral ? Files.createTempDirectory("stratlas-pg-") : Path.of(dataDir);
		return EmbeddedDatabase.start(directory, port, ephemeral);
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl() + "&reWriteBatchedInserts=true");
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		// As spring.datasource.hikari.* in application.yaml: a lost database is noticed
		// within seconds (see DatabaseOutage).
		dataSource.setConnectionTimeout(5000);
		dataSource.setValidationTimeout(2000);
		dataSource.setPoolName("stratlas-embedded");
		return dataSource;
	}

	static class NoDataSourceConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !isExternalDatabaseConfigured(context.getEnvironment());
		}

	}

	static boolean isExternalDatabaseConfigured(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		return url != null && !url.isBlank();
	}

}
