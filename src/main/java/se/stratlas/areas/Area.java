package se.stratlas.areas;

/**
 * An area with its official code: Sweden ("0000"), a county ("20") or a municipality
 * ("2080").
 */
public record Area(String code, String name, Kind kind, String parentCode) {

	/** The level of an area. */
	public enum Kind {

		COUNTRY, COUNTY, MUNICIPALITY

	}

}
