package se.stratlas.foresight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An item of environmental scanning (omvärldsbevakning): what it is, how far it reaches,
 * when, where it was seen, and what it may mean (opportunity or threat, how strongly, how
 * soon).
 */
public record ScanItem(long id, long organisationId, Kind kind, String title, String description, Scope scope,
		LocalDate occurredOn, String sourceUrl, Effect effect, int strength, Horizon horizon, List<String> tags,
		List<UUID> elementKeys, String demoNote, int version, Instant updatedAt, String updatedBy) {

	public ScanItem {
		tags = tags == null ? List.of() : List.copyOf(tags);
		elementKeys = elementKeys == null ? List.of() : List.copyOf(elementKeys);
	}

	/** What kind of signal the item is. */
	public enum Kind {

		TREND, HANDELSE, REGELVERK, UTREDNING, DOM, MEDIEINSLAG;

		public String messageKey() {
			return "scan.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** How far it reaches. */
	public enum Scope {

		GLOBAL, EU, NATIONELL, REGIONAL, LOKAL;

		public String messageKey() {
			return "scan.scope." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** What it may mean for the region. */
	public enum Effect {

		OPPORTUNITY, THREAT, NEUTRAL;

		public String messageKey() {
			return "scan.effect." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** How soon: within 2 years, 3–5 years, later. */
	public enum Horizon {

		KORT, MEDEL, LANG;

		public String messageKey() {
			return "scan.horizon." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** What a user enters. */
	public record Draft(Kind kind, String title, @Nullable String description, @Nullable Scope scope,
			@Nullable LocalDate occurredOn, @Nullable String sourceUrl, @Nullable Effect effect,
			@Nullable Integer strength, @Nullable Horizon horizon, @Nullable List<String> tags,
			@Nullable List<UUID> elementKeys) {
	}

	public Draft draft() {
		return new Draft(this.kind, this.title, this.description, this.scope, this.occurredOn, this.sourceUrl,
				this.effect, this.strength, this.horizon, this.tags, this.elementKeys);
	}

}
