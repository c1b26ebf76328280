package se.stratlas.health;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A dataset of a health data source: its variables and labels (sensitivity, GDPR art. 9
 * category, provenance), the county whose municipalities it should cover, the quality
 * threshold under which it is marked, and its quality label's history (newest first).
 */
public record HealthDataset(long id, long organisationId, long sourceId, String sourceName, String title,
		String description, Sensitivity sensitivity, Category category, String provenance, String countyCode,
		BigDecimal qualityThreshold, @Nullable String demoNote, List<Variable> variables, List<QualityLabel> labels) {

	public HealthDataset {
		variables = List.copyOf(variables);
		labels = List.copyOf(labels);
	}

	/** The newest quality label, if the dataset was ever loaded. */
	public @Nullable QualityLabel label() {
		return this.labels.isEmpty() ? null : this.labels.getFirst();
	}

	/** Whether the newest label is under the dataset's threshold. */
	public boolean marked() {
		QualityLabel label = label();
		return label != null && label.belowThreshold();
	}

	/** How much harm a disclosure could do. */
	public enum Sensitivity {

		LOW, MEDIUM, HIGH;

		public String messageKey() {
			return "health.sensitivity." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** The special category of personal data under GDPR art. 9. */
	public enum Category {

		HEALTH, NONE;

		public String messageKey() {
			return "health.category." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One variable: its type, unit and code system, whether it directly identifies a
	 * person (personnummer), and the variable it may not precede (an episode's end its
	 * start).
	 */
	public record Variable(String name, Type type, String unit, CodeSystem codeSystem, boolean directIdentifier,
			@Nullable String notBefore, String description) {

		/** The variable's type. */
		public enum Type {

			TEXT, INTEGER, DECIMAL, DATE, CODE;

			public String messageKey() {
				return "health.type." + name().toLowerCase(Locale.ROOT);
			}

		}

		/** The code system a code variable is checked against. */
		public enum CodeSystem {

			NONE, ICD10SE, KVA, MUNICIPALITY;

			public String messageKey() {
				return "health.codeSystem." + name().toLowerCase(Locale.ROOT);
			}

		}

	}

	/** What a steward writes about a new dataset. */
	public record Draft(Long sourceId, String title, @Nullable String description, Sensitivity sensitivity,
			Category category, String provenance, @Nullable String countyCode, @Nullable BigDecimal qualityThreshold,
			List<Variable> variables) {
	}

}
