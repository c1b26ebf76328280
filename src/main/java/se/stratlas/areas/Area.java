package se.stratlas.areas;

/**
 * An area with its official code: Sweden ("0000"), a county ("24") or a municipality
 * ("2480").
 */
public record Area(String code, String name, Kind kind, String parentCode) {

	/** The level of an area. */
	public enum Kind {

		COUNTRY, COUNTY, MUNICIPALITY

	}

}
