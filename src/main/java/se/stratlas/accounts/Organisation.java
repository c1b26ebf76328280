package se.stratlas.accounts;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An organisation that owns data in this instance: a region, a municipality. Its home
 * area (a county, or a municipality) is where its indicators, area lists and examples
 * start; null until its administrator sets it.
 */
public record Organisation(long id, String code, String name, Kind kind, @Nullable String homeArea,
		@Nullable String contactEmail, @Nullable String contactPhone, @Nullable String website, int version) {

	/** What kind of organisation it is. */
	public enum Kind {

		REGION, KOMMUN, OVRIG;

		public String messageKey() {
			return "organisation.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** What an administrator edits in the profile. */
	public record Profile(String name, Kind kind, @Nullable String homeArea, @Nullable String contactEmail,
			@Nullable String contactPhone, @Nullable String website) {
	}

}
