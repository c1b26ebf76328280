package se.stratlas.strategy.web;

import se.stratlas.shared.ValidationException;

/** What the strategy API's handlers check of a request body before they use it. */
final class ApiBodies {

	private ApiBodies() {
	}

	/** A part of the body that must be there: without it, 400 naming the field. */
	static void require(Object part, String field) {
		if (part == null) {
			throw new ValidationException(field, "validation.required");
		}
	}

}
