package se.stratlas.shared;

/**
 * A save based on a version of a record that someone else changed in the meantime.
 * Carries the record as it is now, so the caller can show both versions and let the user
 * merge.
 */
public class EditConflictException extends RuntimeException {

	private final transient Object current;

	public EditConflictException(String what, Object id, Object current) {
		super(what + " " + id + " was changed by someone else");
		this.current = current;
	}

	public Object current() {
		return this.current;
	}

}
