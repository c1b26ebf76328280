package se.stratlas.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of Stratlas. They form a hierarchy (see {@code SecurityConfiguration}):
 * plattformsadministratör ⊃ administratör ⊃ strateg ⊃ granskare, rapportör ⊃ läsare.
 */
public enum Role {

	/**
	 * Runs the instance: creates organisations and their first administrators; is the
	 * administrator of their own organisation too.
	 */
	PLATFORM_ADMINISTRATOR("plattformsadministratör"),
	/**
	 * Users, roles, single sign-on, reference data; may do everything a strategist may.
	 */
	ADMINISTRATOR("administratör"),
	/** Models strategies, opens cycles, compiles and publishes reports. */
	STRATEGIST("strateg"),
	/** Reviews and approves contributions. */
	REVIEWER("granskare"),
	/** Writes the unit's contributions. */
	REPORTER("rapportör"),
	/** Reads everything of the organisation. */
	READER("läsare");

	private final String swedishName;

	Role(String swedishName) {
		this.swedishName = swedishName;
	}

	public String swedishName() {
		return this.swedishName;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "role." + name().toLowerCase(Locale.ROOT);
	}

	/** Reads a role from its enum name or its Swedish name, in any case. */
	public static Optional<Role> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(value) || role.swedishName.equalsIgnoreCase(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
