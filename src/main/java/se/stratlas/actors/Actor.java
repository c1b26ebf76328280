package se.stratlas.actors;

import java.util.List;
import java.util.Locale;

/** An organisation the region works with. */
public record Actor(long id, long organisationId, String name, Kind kind, String organisationNumber, String website,
		List<String> areaCodes, int version) {

	public Actor {
		areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
	}

	/** The kinds of organisation. */
	public enum Kind {

		REGION, KOMMUN, LANSSTYRELSE, LAROSATE, STATLIG_MYNDIGHET, EU_ORGAN, FORETAG, FORENING, KOMMUNALFORBUND,
		STIFTELSE, NATVERK, OVRIGT;

		public String messageKey() {
			return "actor.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

}
