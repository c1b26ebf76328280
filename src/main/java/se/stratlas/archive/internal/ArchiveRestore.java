package se.stratlas.archive.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.stratlas.archive.OrganisationArchive;
import se.stratlas.areas.Areas;

/**
 * Restores the archive named by {@code stratlas.restore} (or {@code STRATLAS_RESTORE})
 * when the application starts, before the first administrator and the demo region would
 * be created: on an empty database the instance then holds exactly the archived
 * organisation, its users included. A refused archive stops the start with the reason. An
 * archive already restored here is skipped, so the setting may stay on.
 */
@Component
@Order(-10)
public class ArchiveRestore implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ArchiveRestore.class);

	private final OrganisationArchive archive;

	private final Areas areas;

	private final String restore;

	public ArchiveRestore(OrganisationArchive archive, Areas areas, @Value("${stratlas.restore:}") String restore) {
		this.archive = archive;
		this.areas = areas;
		this.restore = restore;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.restore == null || this.restore.isBlank()) {
			return;
		}
		Path file = Path.of(this.restore.strip());
		if (!Files.isReadable(file)) {
			throw new OrganisationArchive.RestoreRefused("stratlas.restore names " + file + ", which cannot be read");
		}
		OrganisationArchive.Manifest manifest = this.archive.manifest(file);
		if (this.archive.alreadyRestored(manifest)) {
			log.info("The archive {} of '{}' was restored here before; nothing to do", file,
					manifest.organisation().code());
			return;
		}
		this.areas.load();
		log.info("Restoring '{}' ({}) from {}: {} tables, {} rows, exported {} by {}", manifest.organisation().code(),
				manifest.organisation().name(), file, manifest.tables().size(), manifest.rows(), manifest.exportedAt(),
				manifest.exportedBy());
		OrganisationArchive.Restored restored = this.archive.restore(file, step -> log.info("Restoring {}", step));
		log.info("Restored '{}' in {} ms: {} tables read back and equal to the archive, {} rows",
				manifest.organisation().code(), restored.millis(), restored.verified().size(), manifest.rows());
	}

}
