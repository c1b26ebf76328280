package se.stratlas.strategy;

import java.util.Map;

import se.stratlas.strategy.internal.ReferenceFrameworks;

/** The global goals of Agenda 2030 as the reference framework holds them. */
public final class Agenda2030 {

	private static final Map<String, String> GOALS = Map.copyOf(ReferenceFrameworks.agenda2030Goals());

	private Agenda2030() {
	}

	/** The 17 goals' Swedish names by number ("1" → "Ingen fattigdom"). */
	public static Map<String, String> goals() {
		return GOALS;
	}

}
