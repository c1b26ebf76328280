package se.stratlas.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The quality and utility label of one load, measured from the data along the EHDS
 * dimensions: completeness per variable (share of non-empty values), uniqueness (share of
 * distinct rows, and of distinct person and date keys), validity (share of values valid
 * for their type and code system), timeliness (days from the newest date in the data to
 * the load), coverage (share of the county's municipalities present) and consistency
 * (share of rows where a later variable does not precede the earlier). A dimension the
 * dataset has nothing to measure with is empty. The score is the lowest share; under the
 * dataset's threshold the dataset is marked.
 */
public record QualityLabel(long loadId, String filename, int rows, Instant loadedAt, String loadedBy,
		Map<String, BigDecimal> completeness, @Nullable BigDecimal rowUniqueness, @Nullable BigDecimal keyUniqueness,
		@Nullable BigDecimal validity, Map<String, BigDecimal> validityByVariable, @Nullable Long timelinessDays,
		@Nullable BigDecimal coverage, @Nullable BigDecimal consistency, @Nullable BigDecimal score,
		boolean belowThreshold) {

	public QualityLabel {
		completeness = Collections.unmodifiableMap(new LinkedHashMap<>(completeness));
		validityByVariable = Collections.unmodifiableMap(new LinkedHashMap<>(validityByVariable));
	}

}
