package se.stratlas.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import se.stratlas.archive.OrganisationArchive;

/**
 * The PostgreSQL side of an archive: the organisation's rows of a table copied out and in
 * with {@code COPY} in its text format, ordered by primary key (text byte by byte) under
 * fixed session settings so that the same data gives the same bytes; a table's columns,
 * the schema's version, and the identity sequences moved past restored ids.
 */
@Component
public class ArchiveCopy {

	private static final List<String> SESSION_SETTINGS = List.of("set local timezone = 'UTC'",
			"set local datestyle = 'ISO, YMD'", "set local intervalstyle = 'postgres'",
			"set local extra_float_digits = 1", "set local bytea_output = 'hex'");

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	public ArchiveCopy(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	public void copyOut(Connection connection, ArchiveTables.ArchiveTable table, long organisationId,
			List<String> columns, OutputStream out) throws SQLException, IOException {
		String list = String.join(", ", columns.stream().map(ArchiveCopy::quote).toList());
		String sql = "copy (select " + list + " from " + quote(table.name()) + " where "
				+ table.condition(organisationId) + " order by " + orderBy(table.name(), columns) + ") to stdout";
		copyManager(connection).copyOut(sql, out);
	}

	public void copyIn(Connection connection, ZipFile zip, OrganisationArchive.Table table)
			throws SQLException, IOException {
		String list = String.join(", ", table.columns().stream().map(ArchiveCopy::quote).toList());
		try (InputStream in = zip.getInputStream(zip.getEntry(table.file()))) {
			copyManager(connection).copyIn("copy " + quote(table.name()) + " (" + list + ") from stdin", in);
		}
		catch (SQLException ex) {
			String detail = ex instanceof PSQLException psql && psql.getServerErrorMessage() != null
					? psql.getServerErrorMessage().getMessage() + optional(psql.getServerErrorMessage().getDetail())
							+ optional(psql.getServerErrorMessage().getWhere())
					: ex.getMessage();
			String hint = "23505".equals(ex.getSQLState())
					? ": this instance already holds a row with that key, " + "restore into an empty instance" : "";
			throw new OrganisationArchive.RestoreRefused(
					"Table " + table.name() + " could not be restored: " + detail + hint, ex);
		}
	}

	private static String optional(String text) {
		return text == null ? "" : " (" + text + ")";
	}

	/** Moves each identity sequence of the table past the ids the archive brought. */
	public void advanceSequences(String table) {
		List<String> identities = this.jdbc
			.sql("select attname from pg_attribute where attrelid = cast(:t as regclass) and attidentity <> ''")
			.param("t", table)
			.query(String.class)
			.list();
		for (String column : identities) {
			this.jdbc
				.sql("""
						select setval(pg_get_serial_sequence(:t, :c),
						    greatest((select coalesce(max(%s), 0) + 1 from %s),
						             nextval(pg_get_serial_sequence(:t, :c))), false)""".formatted(quote(column),
						quote(table)))
				.param("t", table)
				.param("c", column)
				.query(Long.class)
				.single();
		}
	}

	/**
	 * The table's columns in order, without generated ones (PostgreSQL computes those).
	 */
	public List<String> columns(String table) {
		return this.jdbc.sql("""
				select attname from pg_attribute
				where attrelid = cast(:t as regclass) and attnum > 0 and not attisdropped and attgenerated = ''
				order by attnum""").param("t", table).query(String.class).list();
	}

	/**
	 * The primary key, else every column; text compared byte by byte so that the order
	 * does not depend on the database's collation.
	 */
	private String orderBy(String table, List<String> columns) {
		record Key(String name, boolean collatable) {
		}
		List<Key> keys = this.jdbc.sql("""
				select a.attname, a.attcollation <> 0 as collatable
				from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
				where i.indrelid = cast(:t as regclass) and i.indisprimary
				order by array_position(cast(i.indkey as int2[]), a.attnum)""")
			.param("t", table)
			.query((rs, row) -> new Key(rs.getString(1), rs.getBoolean(2)))
			.list();
		if (keys.isEmpty()) {
			keys = this.jdbc.sql("""
					select attname, attcollation <> 0 from pg_attribute
					where attrelid = cast(:t as regclass) and attnum > 0 and not attisdropped and attgenerated = ''
					order by attnum""")
				.param("t", table)
				.query((rs, row) -> new Key(rs.getString(1), rs.getBoolean(2)))
				.list();
		}
		return String.join(", ",
				keys.stream().map(key -> quote(key.name()) + (key.collatable() ? " collate \"C\"" : "")).toList());
	}

	public String schemaVersion() {
		return this.jdbc.sql("""
				select version from flyway_schema_history where success and version is not null
				order by installed_rank desc limit 1""").query(String.class).optional().orElse("none");
	}

	public void settings() {
		SESSION_SETTINGS.forEach(setting -> this.jdbc.sql(setting).update());
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static CopyManager copyManager(Connection connection) throws SQLException {
		return connection.unwrap(PGConnection.class).getCopyAPI();
	}

	public interface ConnectionWork<T> {

		T run(Connection connection) throws SQLException, IOException;

	}

	public <T> T withConnection(ConnectionWork<T> work) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
