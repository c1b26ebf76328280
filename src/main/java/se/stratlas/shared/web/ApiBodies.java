package se.stratlas.shared.web;

import se.stratlas.shared.ValidationException;

/**
 * What an API handler checks of a request body's structure before it hands the body on: a
 * part that must be there is refused by name when it is missing, so the client gets a
 * problem detail naming the field, never a 500.
 */
public final class ApiBodies {

	private ApiBodies() {
	}

	/** A part of the body that must be there: without it, 422 naming the field. */
	public static <T> T required(String field, T part) {
		if (part == null) {
			throw new ValidationException(field, "validation.required");
		}
		return part;
	}

}
