package se.stratlas.exchange.internal;

import org.junit.jupiter.api.Test;

import se.stratlas.exchange.Dataset;

import static org.assertj.core.api.Assertions.assertThat;

/** What a file's cells must look like for their field's type. */
class DatasetFilesTests {

	@Test
	void aTimestampMayCarryAnOffsetOrBeLocalTimeAsSystemsExportIt() {
		assertThat(DatasetFiles.fits(Dataset.Field.Type.TIMESTAMP, "2025-01-01T00:00:00")).isTrue();
		assertThat(DatasetFiles.fits(Dataset.Field.Type.TIMESTAMP, "2025-01-01 08:30")).isTrue();
		assertThat(DatasetFiles.fits(Dataset.Field.Type.TIMESTAMP, "2025-01-01T00:00:00+01:00")).isTrue();
		assertThat(DatasetFiles.fits(Dataset.Field.Type.TIMESTAMP, "2025-01-01T00:00:00Z")).isTrue();
		assertThat(DatasetFiles.fits(Dataset.Field.Type.TIMESTAMP, "2025-13-01T00:00:00")).isFalse();
		assertThat(DatasetFiles.fits(Dataset.Field.Type.TIMESTAMP, "igår")).isFalse();
	}

}
