package se.stratlas.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server (the real server binaries, run as a child process) whose
 * data directory outlives the application, so a restart keeps everything. One application
 * at a time: a second one pointed at the same directory is refused before it touches
 * anything.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "stratlas";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final Path dataDirectory;

	private final boolean ephemeral;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(Path dataDirectory, boolean ephemeral, FileChannel lockChannel, FileLock lock,
			EmbeddedPostgres postgres) {
		this.dataDirectory = dataDirectory;
		this.ephemeral = ephemeral;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.postgres = postgres;
	}

	/**
	 * Starts the server on the given directory, creating it (and the database) the first
	 * time.
	 * @param dataDirectory where PostgreSQL keeps its files
	 * @param port the port to listen on, 0 for any free one
	 * @param ephemeral whether the directory is thrown away on close (tests)
	 * @throws DataDirectoryInUseException when another process or application holds the
	 * directory
	 */
	public static EmbeddedDatabase start(Path dataDirectory, int port, boolean ephemeral) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		FileChannel channel = null;
		try {
			Files.createDirectories(directory);
			Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				throw new DataDirectoryInUseException(directory);
			}
			long started = System.nanoTime();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "60")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("timezone", "UTC");
			if (!ephemeral) {
				// zonky starts PostgreSQL for tests (fsync off, asynchronous commit);
				// real data must survive a crash.
				builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
			}
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			createDatabaseIfMissing(postgres);
			log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(), directory,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedDatabase(directory, ephemeral, channel, lock, postgres);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
			if (!rs.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	public String jdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", DATABASE);
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
		finally {
			try {
				this.lock.release();
			}
			catch (IOException ex) {
				log.debug("Lock release failed", ex);
			}
			closeQuietly(this.lockChannel);
			if (this.ephemeral) {
				deleteRecursively(this.dataDirectory);
			}
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				log.debug("Close failed", ex);
			}
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			Files.deleteIfExists(directory.resolveSibling(directory.getFileName() + ".lock"));
		}
		catch (IOException ex) {
			log.debug("Could not delete {}", directory, ex);
		}
	}

	/** Another running Stratlas (or other process) holds the data directory. */
	public static class DataDirectoryInUseException extends IllegalStateException {

		DataDirectoryInUseException(Path directory) {
			super("The data directory " + directory + " is in use by another running Stratlas. "
					+ "Stop that one first, or start this one with another directory "
					+ "(STRATLAS_DATA_DIR or stratlas.embedded-db.data-dir).");
		}

	}

}
