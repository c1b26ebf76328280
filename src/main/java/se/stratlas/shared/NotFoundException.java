package se.stratlas.shared;

/**
 * Something the caller asked for does not exist, or exists in another organisation (which
 * looks the same from outside: no hint that a record of another organisation exists).
 */
public class NotFoundException extends RuntimeException {

	private final String what;

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
		this.what = what;
	}

	public String what() {
		return this.what;
	}

}
