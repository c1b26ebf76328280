package se.stratlas.accounts;

import java.util.Locale;

/**
 * A unit of an organisation: a förvaltning and its enheter, a division and its
 * verksamhetsområden.
 */
public record OrganisationUnit(long id, long organisationId, Long parentId, String path, Kind kind, String name,
		int version) {

	/** The kind of a unit. */
	public enum Kind {

		FORVALTNING, ENHET, DIVISION, VERKSAMHETSOMRADE, OVRIGT;

		public String messageKey() {
			return "unit.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** How deep the unit stands in its hierarchy (0 at the top). */
	public int depth() {
		return (int) this.path.chars().filter(c -> c == '/').count() - 2;
	}

}
