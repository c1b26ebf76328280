package se.stratlas.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A dataset offered as data raw material (dataråvara): its DCAT-AP-SE description, where
 * it comes from, whether it holds data about individuals and on what legal basis, its
 * schema and its files (each version with a checksum).
 */
public record Dataset(long id, long organisationId, String provider, String title, String description, String theme,
		String keywords, String updateFrequency, Provenance provenanceKind, String provenance,
		@Nullable String deviceOwner, PersonalData personalData, @Nullable String legalBasis,
		@Nullable String specialBasis, String qualityNotes, boolean openData, @Nullable String licence,
		@Nullable String demoNote, int version, Instant updatedAt, String updatedBy, List<Field> fields,
		List<FileVersion> files) {

	public Dataset {
		fields = List.copyOf(fields);
		files = List.copyOf(files);
	}

	/** The newest file, if any. */
	public @Nullable FileVersion latestFile() {
		return this.files.isEmpty() ? null : this.files.getLast();
	}

	/** What made the data. */
	public enum Provenance {

		SYSTEM, DEVICE, PRODUCT, SURVEY, REGISTER;

		/** Whether the data is machine-generated, so that the device's owner is named. */
		public boolean machine() {
			return this == DEVICE || this == PRODUCT;
		}

		public String messageKey() {
			return "exchange.provenance." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** Whether the data is about individuals, and of a special category (GDPR art. 9). */
	public enum PersonalData {

		NONE, PERSONAL, SENSITIVE;

		public String messageKey() {
			return "exchange.personal." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** One field of the schema. */
	public record Field(String name, Type type, String unit, String description) {

		/** The field's type. */
		public enum Type {

			TEXT, INTEGER, DECIMAL, DATE, TIMESTAMP, BOOLEAN

		}

	}

	/** One version of the dataset's file. */
	public record FileVersion(long id, int number, String filename, String mediaType, String sha256, long sizeBytes,
			int rowCount, Instant uploadedAt, String uploadedBy) {
	}

}
