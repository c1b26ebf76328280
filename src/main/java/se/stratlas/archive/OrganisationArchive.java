package se.stratlas.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.archive.internal.ArchiveCopy;
import se.stratlas.archive.internal.ArchiveTables;
import se.stratlas.archive.internal.CountingDigest;
import se.stratlas.audit.AuditEvent;
import se.stratlas.audit.AuditTrail;

/**
 * Writes an organisation to one archive and restores it into an empty instance.
 * <p>
 * The export reads every table in one repeatable-read transaction, so the archive is one
 * consistent moment even while users work. Rows are written with PostgreSQL's
 * {@code COPY} in its text format, ordered by primary key, under fixed session settings
 * (UTC, ISO dates, shortest exact floats), so the same data always gives the same bytes
 * ({@code internal.ArchiveCopy}).
 * <p>
 * The restore checks the archive before it writes anything (format, schema version, the
 * SHA-256 of every table, the organisation not already there), writes every table in one
 * transaction with the original ids, moves the id sequences past them, and then reads
 * every table back the way the export did: a table whose rows or checksum differ from the
 * manifest undoes the whole restore.
 */
@Component
public class OrganisationArchive {

	static final String FORMAT = "stratlas-organisation-archive";

	static final int FORMAT_VERSION = 1;

	static final String MANIFEST = "manifest.json";

	private final ArchiveCopy copy;

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final TransactionTemplate writing;

	private final Organisations organisations;

	private final AuditTrail audit;

	private final JsonMapper json = JsonMapper.builder().build();

	private final MeterRegistry meters;

	OrganisationArchive(ArchiveCopy copy, JdbcClient jdbc, PlatformTransactionManager transactions,
			Organisations organisations, AuditTrail audit, MeterRegistry meters) {
		this.meters = meters;
		this.copy = copy;
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.writing = new TransactionTemplate(transactions);
		this.organisations = organisations;
		this.audit = audit;
	}

	/** What an archive holds: the manifest.json at its root. */
	public record Manifest(String format, int formatVersion, String schemaVersion, Instant exportedAt,
			String exportedBy, Organisation organisation, List<Table> tables) {

		public long rows() {
			return this.tables.stream().mapToLong(Table::rows).sum();
		}

	}

	/** One table in the archive: its file, columns in order, row count and SHA-256. */
	public record Table(String name, String file, List<String> columns, long rows, String sha256) {
	}

	/** What a restore wrote, table by table, each read back and found equal. */
	public record Restored(Manifest manifest, List<Table> verified, long millis) {
	}

	/** An archive that cannot be restored here, and why. Nothing was written. */
	public static class RestoreRefused extends RuntimeException {

		public RestoreRefused(String message) {
			super(message);
		}

		public RestoreRefused(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * The organisation's archive history: its latest exports and restores, newest first,
	 * among its last ten events on the organisation itself.
	 */
	public List<AuditEvent> history(long organisationId) {
		return this.audit
			.search(organisationId, new AuditTrail.Query(null, "organisation", null, null, null, null), 10, 0)
			.stream()
			.filter(event -> "EXPORTED".equals(event.action()) || "RESTORED".equals(event.action()))
			.toList();
	}

	/** The file name an archive of the organisation gets. */
	public String fileName(long organisationId) {
		return "stratlas-" + this.organisations.get(organisationId).code() + "-" + LocalDate.now(ZoneOffset.UTC)
				+ ".zip";
	}

	/**
	 * Writes the organisation's archive to {@code out} (not closed) and records the
	 * export in the audit log.
	 */
	public Manifest export(long organisationId, String actor, OutputStream out) {
		Timer.Sample timer = Timer.start(this.meters);
		Organisation organisation = this.organisations.get(organisationId);
		ZipOutputStream zip = new ZipOutputStream(uncloseable(out));
		Manifest manifest = this.snapshot.execute(status -> this.copy.withConnection(connection -> {
			this.copy.settings();
			List<Table> tables = new ArrayList<>();
			for (ArchiveTables.ArchiveTable table : ArchiveTables.TABLES) {
				List<String> columns = this.copy.columns(table.name());
				String file = "tables/" + table.name() + ".tsv";
				zip.putNextEntry(new ZipEntry(file));
				CountingDigest digest = new CountingDigest(uncloseable(zip));
				this.copy.copyOut(connection, table, organisationId, columns, digest);
				zip.closeEntry();
				tables.add(new Table(table.name(), file, columns, digest.rows(), digest.sha256()));
			}
			return new Manifest(FORMAT, FORMAT_VERSION, this.copy.schemaVersion(), Instant.now(), actor, organisation,
					List.copyOf(tables));
		}));
		try {
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			zip.closeEntry();
			zip.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.audit.record(organisationId, actor, "organisation", organisationId, "EXPORTED",
				manifest.tables().size() + " tables, " + manifest.rows() + " rows", Map.of());
		timer.stop(Timer.builder("stratlas.archive.export")
			.description("Organisation archives written, from the snapshot to the last byte")
			.register(this.meters));
		return manifest;
	}

	/** Reads the manifest of an archive file, checking only that it is one. */
	public Manifest manifest(Path archive) {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			return manifest(zip);
		}
		catch (IOException ex) {
			throw new RestoreRefused(archive + " is not a ZIP archive: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Restores an archive into this instance, which must not hold the organisation or any
	 * row with the same id. All or nothing.
	 * @param progress told of each table as it is written, for the log
	 */
	public Restored restore(Path archive, Consumer<String> progress) {
		long started = System.nanoTime();
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			Manifest manifest = manifest(zip);
			check(zip, manifest);
			List<Table> verified = this.writing.execute(status -> this.copy.withConnection(connection -> {
				this.copy.settings();
				int index = 0;
				for (Table table : manifest.tables()) {
					index++;
					progress.accept("%d/%d %s: %,d rows".formatted(index, manifest.tables().size(), table.name(),
							table.rows()));
					this.copy.copyIn(connection, zip, table);
				}
				for (Table table : manifest.tables()) {
					this.copy.advanceSequences(table.name());
				}
				List<Table> readBack = new ArrayList<>();
				long organisationId = manifest.organisation().id();
				// check() made sure the manifest lists ArchiveTables.TABLES, in that
				// order.
				for (int i = 0; i < manifest.tables().size(); i++) {
					ArchiveTables.ArchiveTable table = ArchiveTables.TABLES.get(i);
					Table expected = manifest.tables().get(i);
					CountingDigest digest = new CountingDigest(OutputStream.nullOutputStream());
					this.copy.copyOut(connection, table, organisationId, expected.columns(), digest);
					Table actual = new Table(table.name(), expected.file(), expected.columns(), digest.rows(),
							digest.sha256());
					if (actual.rows() != expected.rows() || !actual.sha256().equals(expected.sha256())) {
						throw new RestoreRefused("Table %s read back %,d rows (SHA-256 %s), the archive has %,d (%s)"
							.formatted(table.name(), actual.rows(), actual.sha256(), expected.rows(),
									expected.sha256()));
					}
					readBack.add(actual);
				}
				return List.copyOf(readBack);
			}));
			this.audit.record(manifest.organisation().id(), "system", "organisation", manifest.organisation().id(),
					"RESTORED", restoredSummary(manifest) + manifest.exportedBy(), Map.of());
			long nanos = System.nanoTime() - started;
			Timer.builder("stratlas.archive.restore")
				.description("Organisation archives restored, checks and read-back included")
				.register(this.meters)
				.record(Duration.ofNanos(nanos));
			return new Restored(manifest, verified, nanos / 1_000_000);
		}
		catch (IOException ex) {
			throw new RestoreRefused(archive + " could not be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether this very archive (same organisation, same moment of export) was restored
	 * here.
	 */
	public boolean alreadyRestored(Manifest manifest) {
		return this.jdbc.sql("""
				select exists (select 1 from audit_event a join accounts_organisation o on o.id = a.organisation_id
				               where o.code = :code and a.entity_type = 'organisation' and a.action = 'RESTORED'
				                 and a.summary like :summary)""")
			.param("code", manifest.organisation().code())
			.param("summary", restoredSummary(manifest) + "%")
			.query(Boolean.class)
			.single();
	}

	private static String restoredSummary(Manifest manifest) {
		return "from an archive of " + manifest.exportedAt() + " by ";
	}

	private Manifest manifest(ZipFile zip) {
		ZipEntry entry = zip.getEntry(MANIFEST);
		if (entry == null) {
			throw new RestoreRefused("Not a Stratlas organisation archive: it has no " + MANIFEST);
		}
		try (InputStream in = zip.getInputStream(entry)) {
			Manifest manifest = this.json.readValue(in, Manifest.class);
			if (!FORMAT.equals(manifest.format()) || manifest.tables() == null || manifest.organisation() == null) {
				throw new RestoreRefused(
						"Not a Stratlas organisation archive: " + MANIFEST + " names format " + manifest.format());
			}
			if (manifest.formatVersion() != FORMAT_VERSION) {
				throw new RestoreRefused("Archive format version " + manifest.formatVersion()
						+ " is not the one this Stratlas reads (" + FORMAT_VERSION + ")");
			}
			return manifest;
		}
		catch (JacksonException ex) {
			throw new RestoreRefused(MANIFEST + " cannot be read: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Everything that can be known before writing: refusals leave the instance untouched.
	 */
	private void check(ZipFile zip, Manifest manifest) throws IOException {
		String here = this.copy.schemaVersion();
		if (!here.equals(manifest.schemaVersion())) {
			throw new RestoreRefused(
					"The archive has schema version " + manifest.schemaVersion() + " and this instance " + here
							+ ": restore it with the Stratlas release that wrote it, then upgrade that instance");
		}
		List<String> expected = ArchiveTables.TABLES.stream().map(ArchiveTables.ArchiveTable::name).toList();
		List<String> actual = manifest.tables().stream().map(Table::name).toList();
		if (!expected.equals(actual)) {
			throw new RestoreRefused("The archive's tables are not the ones of this schema: " + actual);
		}
		for (Table table : manifest.tables()) {
			if (!table.columns().equals(this.copy.columns(table.name()))) {
				throw new RestoreRefused("Table " + table.name() + " has columns " + table.columns()
						+ " in the archive and " + this.copy.columns(table.name()) + " here");
			}
			ZipEntry entry = zip.getEntry(table.file());
			if (entry == null) {
				throw new RestoreRefused("The archive is damaged: " + table.file() + " is missing");
			}
			CountingDigest digest = new CountingDigest(OutputStream.nullOutputStream());
			try (InputStream in = zip.getInputStream(entry)) {
				in.transferTo(digest);
			}
			if (digest.rows() != table.rows() || !digest.sha256().equals(table.sha256())) {
				throw new RestoreRefused(
						"The archive is damaged: %s has %,d rows with SHA-256 %s, the manifest says %,d and %s"
							.formatted(table.file(), digest.rows(), digest.sha256(), table.rows(), table.sha256()));
			}
		}
		Organisation organisation = manifest.organisation();
		this.organisations.findByCode(organisation.code()).ifPresent(existing -> {
			throw new RestoreRefused("This instance already has the organisation '" + existing.code() + "' ("
					+ existing.name() + "): restore into an empty instance");
		});
	}

	private static OutputStream uncloseable(OutputStream out) {
		return new FilterOutputStream(out) {
			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
	}

}
